package org.mechcheck.datatrade;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;

/**
 * 004's chain with finite valuation support (Assumption 3.4): players 0..n, grid W = (w_1..w_L),
 * player 0's valuation w_{v0}, and per trade i = 1..n the Markov transition
 * {@code q[i][k][l] = Pr[v_i = w_l | v_{i-1} = w_k]} (q[0] is unused). Validated on construction:
 * every bad entry is named in the message.
 */
public final class Chain {
  public final String name;
  public final int n;
  public final BigFraction[] w;
  public final int v0;
  public final BigFraction[][][] q;
  /** Per stage and row, the columns with a nonzero probability (the fast algorithm iterates these only). */
  final int[][][] support;

  public Chain(String name, int n, BigFraction[] w, int v0, BigFraction[][][] q) {
    this.name = name;
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    if (w == null || w.length == 0) throw new InputException("grid: empty; the valuation grid needs at least one value");
    int L = w.length;
    if (v0 < 0 || v0 >= L) throw new InputException("v0: index " + v0 + " outside the grid of " + L + " values");
    if (q == null || q.length != n + 1) throw new InputException("Q: " + (q == null ? 0 : q.length - 1) + " transition matrices for " + n + " trades");
    this.support = new int[n + 1][][];
    for (int i = 1; i <= n; i++) {
      if (q[i] == null || q[i].length != L) {
        throw new InputException("Q[" + i + "]: " + (q[i] == null ? 0 : q[i].length) + " rows but the grid has " + L + " values");
      }
      support[i] = new int[L][];
      for (int k = 0; k < L; k++) {
        if (q[i][k] == null || q[i][k].length != L) {
          throw new InputException("Q[" + i + "][" + k + "]: " + (q[i][k] == null ? 0 : q[i][k].length) + " entries but the grid has " + L + " values");
        }
        BigFraction sum = BigFraction.ZERO;
        int nz = 0;
        for (int l = 0; l < L; l++) {
          if (q[i][k][l].signum() < 0) throw new InputException("Q[" + i + "][" + k + "][" + l + "]: negative probability " + Rationals.format(q[i][k][l]));
          sum = sum.add(q[i][k][l]);
          if (q[i][k][l].signum() > 0) nz++;
        }
        if (sum.subtract(BigFraction.ONE).signum() != 0) {
          throw new InputException("Q[" + i + "][" + k + "]: row sums to " + Rationals.format(sum) + ", not 1");
        }
        support[i][k] = new int[nz];
        nz = 0;
        for (int l = 0; l < L; l++) if (q[i][k][l].signum() > 0) support[i][k][nz++] = l;
      }
    }
    this.n = n;
    this.w = w.clone();
    this.v0 = v0;
    this.q = q;
  }

  public int size() {
    return w.length;
  }

  /** The same transitions at every stage: {@code q[i] = one} for i = 1..n. */
  public static Chain stationary(String name, int n, BigFraction[] w, int v0, BigFraction[][] one) {
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    BigFraction[][][] q = new BigFraction[n + 1][][];
    for (int i = 1; i <= n; i++) q[i] = one;
    return new Chain(name, n, w, v0, q);
  }

  /** Whether every valuation is positive (Assumption 4.1). */
  public boolean positive() {
    return Arrays.stream(w).allMatch(x -> x.signum() > 0);
  }

  @Override
  public String toString() {
    return name + " (n=" + n + ", L=" + w.length + ")";
  }
}

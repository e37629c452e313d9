package org.mechcheck.datatrade;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;

/**
 * A chain that satisfies 004's Assumptions 2.1, 4.1 and 4.2 exactly: v_i = v_{i-1} rho^J with J an
 * independent jump drawn from {@code law} on {lo, lo+1, ..., lo+law.length-1}, v_0 = 1. The
 * multiplicative walk is homogeneous for every alpha > 0 (F_i(alpha v | alpha w) = Pr[w rho^J &lt;= v] =
 * F_i(v | w)) and positive. On the geometric grid rho^e, e from the lowest to the highest exponent
 * any of the n+1 players can reach (plus {@code margin} more at each end), every reachable state's
 * row is the jump law shifted, with nothing clipped; rows of states nobody reaches are clipped to
 * the grid's ends and only ever matter as candidate prices (see {@link #recognise}).
 */
public record JumpChain(int n, BigFraction rho, int lo, int[] law, int margin) {

  public JumpChain {
    if (n < 1 || law.length == 0 || rho.compareTo(BigFraction.ONE) <= 0 || margin < 0) throw new IllegalArgumentException("bad jump chain");
    law = law.clone();
  }

  int hi() {
    return lo + law.length - 1;
  }

  /** Lowest and highest exponent on the grid. */
  int minExp() {
    return Math.min(0, n * lo) - margin;
  }

  int maxExp() {
    return Math.max(0, n * hi()) + margin;
  }

  public int size() {
    return maxExp() - minExp() + 1;
  }

  public Chain chain() {
    int L = size(), base = minExp(), total = Arrays.stream(law).sum();
    BigFraction[] w = new BigFraction[L];
    for (int k = 0; k < L; k++) w[k] = power(rho, k + base);
    BigFraction[][] q = new BigFraction[L][L];
    for (BigFraction[] row : q) Arrays.fill(row, BigFraction.ZERO);
    for (int a = 0; a < L; a++) {
      for (int j = 0; j < law.length; j++) {
        int b = Math.min(Math.max(a + lo + j, 0), L - 1);
        q[a][b] = q[a][b].add(BigFraction.of(law[j], total));
      }
    }
    return Chain.stationary(describe(), n, w, -base, q);
  }

  static BigFraction power(BigFraction rho, int e) {
    return e >= 0 ? rho.pow(e) : rho.reciprocal().pow(-e);
  }

  public String describe() {
    StringBuilder sb = new StringBuilder("v_i = v_{i-1} * (" + Rationals.format(rho) + ")^J, Pr[J = j] for j = " + lo + ".." + hi() + ": ");
    int total = Arrays.stream(law).sum();
    for (int j = 0; j < law.length; j++) sb.append(j == 0 ? "" : ", ").append(Rationals.format(BigFraction.of(law[j], total)));
    return sb.toString();
  }

  /**
   * Reads an explicit chain as a jump chain, checking Assumptions 4.1 and 4.2 on everything the
   * chain can reach: a geometric grid of positive values with v_0 = 1 on it, and at every stage
   * every reachable state's row equal to the jump law of v_0's first row shifted, with no mass
   * clipped at the grid's ends (the grid covers every reachable exponent, with the same margin at
   * both ends). Returns the jump chain that rebuilds this grid, or throws naming the first failed
   * condition.
   */
  public static JumpChain recognise(Chain c) {
    int L = c.size();
    if (!c.positive()) throw new IllegalStateException("Assumption 4.1 fails: a grid value is not positive");
    if (L < 2) throw new IllegalStateException("a grid of one value has no ratio");
    BigFraction rho = c.w[1].divide(c.w[0]);
    if (rho.compareTo(BigFraction.ONE) <= 0) throw new IllegalStateException("grid not increasing");
    for (int k = 1; k < L; k++) {
      if (c.w[k].subtract(c.w[k - 1].multiply(rho)).signum() != 0) throw new IllegalStateException("grid not geometric at w[" + k + "]");
    }
    if (c.w[c.v0].subtract(BigFraction.ONE).signum() != 0) throw new IllegalStateException("v_0 = " + Rationals.format(c.w[c.v0]) + ", not 1");
    int[] sup = c.support[1][c.v0];
    int a = sup[0] - c.v0, b = sup[sup.length - 1] - c.v0;
    BigFraction[] row = new BigFraction[b - a + 1];
    for (int j = a; j <= b; j++) row[j - a] = c.q[1][c.v0][c.v0 + j];
    JumpChain jc = new JumpChain(c.n, rho, a, integerLaw(row), 0);
    int margin = jc.minExp() + c.v0;
    if (margin < 0 || L != jc.size() + 2 * margin) {
      throw new IllegalStateException("the grid does not cover the exponents " + jc.minExp() + ".." + jc.maxExp() + " the chain reaches with equal margins (jumps would be clipped)");
    }
    jc = new JumpChain(c.n, rho, a, jc.law, margin);
    Chain built = jc.chain();
    boolean[] reach = new boolean[L];
    reach[c.v0] = true;
    for (int i = 1; i <= c.n; i++) {
      boolean[] next = new boolean[L];
      for (int k = 0; k < L; k++) {
        if (!reach[k]) continue;
        for (int l = 0; l < L; l++) {
          if (c.q[i][k][l].subtract(built.q[i][k][l]).signum() != 0) {
            throw new IllegalStateException("Assumption 4.2 fails: stage " + i + ", state w[" + k + "]: the row is not the jump law of v_0's row shifted");
          }
        }
        for (int l : c.support[i][k]) next[l] = true;
      }
      reach = next;
    }
    return jc;
  }

  /** The law as the smallest integer weights. */
  private static int[] integerLaw(BigFraction[] f) {
    java.math.BigInteger den = java.math.BigInteger.ONE, g = java.math.BigInteger.ZERO;
    for (BigFraction x : f) den = den.divide(den.gcd(x.getDenominator())).multiply(x.getDenominator());
    java.math.BigInteger[] v = new java.math.BigInteger[f.length];
    for (int j = 0; j < f.length; j++) {
      v[j] = f[j].getNumerator().multiply(den.divide(f[j].getDenominator()));
      g = g.gcd(v[j]);
    }
    int[] out = new int[f.length];
    for (int j = 0; j < f.length; j++) out[j] = v[j].divide(g).intValueExact();
    return out;
  }
}

package org.mechcheck.datatrade;

import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Seeded random instances for 004's theorems: chains that satisfy Assumptions 2.1, 4.1 and 4.2
 * on a finite grid (a geometric grid w_k = rho^k, k = -nd..nd, with a transition that depends
 * only on the index jump, jumps at most d: scaling by rho^m shifts the chain, and no state
 * reachable from v_0 = 1 ever meets the grid's ends), and reallocation matrices.
 */
public final class RandomModels {
  private RandomModels() {}

  private static final BigFraction[] RATIOS = {BigFraction.of(3, 2), BigFraction.of(2), BigFraction.of(5, 4), BigFraction.of(4, 3)};

  public static Chain homogeneousPositive(Random rng, int n) {
    int d = 1 + rng.nextInt(2);
    BigFraction rho = RATIOS[rng.nextInt(RATIOS.length)];
    int lo = -n * d, L = 2 * n * d + 1;
    BigFraction[] w = new BigFraction[L];
    for (int k = 0; k < L; k++) {
      int e = k + lo;
      w[k] = e >= 0 ? rho.pow(e) : rho.reciprocal().pow(-e);
    }
    int[] weight = new int[2 * d + 1];
    int total = 0;
    while (total == 0) {
      total = 0;
      for (int j = 0; j < weight.length; j++) total += (weight[j] = rng.nextInt(5));
    }
    BigFraction[][] q = new BigFraction[L][L];
    for (BigFraction[] row : q) java.util.Arrays.fill(row, BigFraction.ZERO);
    for (int a = 0; a < L; a++) {
      for (int j = 0; j < weight.length; j++) {
        int b = Math.min(Math.max(a + j - d, 0), L - 1);
        q[a][b] = q[a][b].add(BigFraction.of(weight[j], total));
      }
    }
    return Chain.stationary("random homogeneous (rho=" + org.mechcheck.num.Rationals.format(rho) + ", d=" + d + ")", n, w, -lo, q);
  }

  /** A random past-only matrix; budget balanced when {@code balanced}, else each row keeps a random slack. */
  public static Reallocation matrix(Random rng, int n, boolean balanced) {
    BigFraction[][] t = Reallocation.empty(n);
    for (int i = 1; i <= n; i++) {
      int[] a = new int[i];
      int sum = 0;
      for (int j = 0; j < i; j++) sum += (a[j] = rng.nextInt(5));
      if (sum == 0) {
        a[i - 1] = 1;
        sum = 1;
      }
      int slack = balanced || rng.nextBoolean() ? 0 : 1 + rng.nextInt(4);
      for (int j = 0; j < i; j++) t[i][j] = BigFraction.of(a[j], sum + slack);
    }
    return new Reallocation(balanced ? "random budget-balanced" : "random budget-feasible", t);
  }

  /**
   * A pair (t1, t2) as Theorem 4.3 asks for player i: they differ only in the column of player i,
   * with t1_{i+1,i} >= t2_{i+1,i} and t1_{j,i} &lt;= t2_{j,i} for j >= i+2; players before i only
   * receive from their own sale (condition (d)). Both budget feasible and past only.
   */
  public static Reallocation[] localPair(Random rng, int n, int i) {
    BigFraction[][] t1 = Reallocation.empty(n), t2 = Reallocation.empty(n);
    for (int j = 1; j <= n; j++) {
      if (j <= i) { // trades up to i: only the seller j-1 < i may receive (condition (d))
        BigFraction s = BigFraction.of(1 + rng.nextInt(4), 4);
        t1[j][j - 1] = s;
        t2[j][j - 1] = s;
        continue;
      }
      // columns i' > i are shared; player i's share differs; players before i get nothing
      BigFraction left = BigFraction.ONE;
      for (int c = i + 1; c < j; c++) {
        BigFraction s = BigFraction.of(rng.nextInt(3), 6);
        t1[j][c] = s;
        t2[j][c] = s;
        left = left.subtract(s);
      }
      BigFraction a = left.multiply(BigFraction.of(rng.nextInt(4), 4));
      BigFraction b = left.multiply(BigFraction.of(rng.nextInt(4), 4));
      BigFraction lo = Field.EXACT.compare(a, b) <= 0 ? a : b, hi = Field.EXACT.compare(a, b) <= 0 ? b : a;
      if (j == i + 1) {
        t1[j][i] = hi;
        t2[j][i] = lo;
      } else {
        t1[j][i] = lo;
        t2[j][i] = hi;
      }
    }
    return new Reallocation[] {new Reallocation("t1", t1), new Reallocation("t2", t2)};
  }
}

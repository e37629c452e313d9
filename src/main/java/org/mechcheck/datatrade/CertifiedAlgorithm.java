package org.mechcheck.datatrade;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The exact equilibrium of {@link FastAlgorithm} (same strategies, same exact numbers), with most
 * of the exact arithmetic replaced by doubles that are certified. Every exact number keeps its
 * correctly rounded double beside it; rounding is monotone, so two different doubles order their
 * exact numbers the same way, and only equal doubles need an exact comparison. The candidate
 * prices of a seller are ranked in doubles: every term of a candidate's gain (apart from her own
 * valuation, common to all candidates) is a sum of products of nonnegative numbers rounded from
 * exact ones, so its relative error is at most {@code 4 (m + 3) 2^-53} for m terms. Only the
 * candidates whose double gain comes within twice that bound of the best are evaluated exactly,
 * and the exact values decide (with the tie-break). The future reallocated profit F_i is
 * accumulated exactly, as in the fast algorithm.
 */
public final class CertifiedAlgorithm {
  private CertifiedAlgorithm() {}

  /** a vs b, exact, deciding by the doubles when they differ. */
  static int compare(BigFraction a, double da, BigFraction b, double db) {
    if (da < db) return -1;
    if (da > db) return 1;
    return a.compareTo(b);
  }

  static BigFraction mul(BigFraction a, BigFraction b) {
    return a.signum() == 0 || b.signum() == 0 ? BigFraction.ZERO : a.multiply(b);
  }

  static BigFraction add(BigFraction a, BigFraction b) {
    return a.signum() == 0 ? b : b.signum() == 0 ? a : a.add(b);
  }

  public static Equilibrium<BigFraction> solve(Chain c, Reallocation t, TieBreak tb) {
    return solve(c, t, tb, Candidates.GRID);
  }

  public static Equilibrium<BigFraction> solve(Chain c, Reallocation t, TieBreak tb, Candidates cand) {
    int n = c.n, L = c.size();
    BigFraction[][] u = new BigFraction[n + 1][], p = new BigFraction[n][], r = new BigFraction[n][];
    double[][] ud = new double[n + 1][], pd = new double[n][], rd = new double[n][];
    double[][][] qd = new double[n + 1][L][L];
    for (int i = 1; i <= n; i++) for (int k = 0; k < L; k++) for (int l : c.support[i][k]) qd[i][k][l] = c.q[i][k][l].doubleValue();
    int[][] lstar = new int[n][L];
    int[][][] accept = new int[n][][]; // accept[j][l]: player j+1's valuations that buy at player j's price at w_l
    u[n] = c.w.clone();
    ud[n] = new double[L];
    for (int k = 0; k < L; k++) ud[n][k] = c.w[k].doubleValue();
    int[] all = java.util.stream.IntStream.range(0, L).toArray();
    for (int i = n - 1; i >= 0; i--) {
      BigFraction[] future = futureProfit(c, t, i, r, accept); // F_i(i+1, .), exact
      double[] futured = null;
      if (future != null) {
        futured = new double[L];
        for (int l = 0; l < L; l++) futured[l] = future[l].doubleValue();
      }
      u[i] = new BigFraction[L];
      p[i] = new BigFraction[L];
      r[i] = new BigFraction[L];
      ud[i] = new double[L];
      pd[i] = new double[L];
      rd[i] = new double[L];
      accept[i] = new int[L][];
      int[][] sup = c.support[i + 1];
      BigFraction tii = t.get(i + 1, i);
      double tiid = tii.doubleValue();
      double[] vals = new double[L];
      for (int k = 0; k < L; k++) {
        int[] cands = cand == Candidates.SUPPORT ? sup[k] : all;
        double bestD = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int kp : cands) {
          vals[kp] = Double.NaN;
          if (compare(u[i + 1][kp], ud[i + 1][kp], BigFraction.ZERO, 0) < 0) continue;
          double price = ud[i + 1][kp], success = 0, fut = 0;
          for (int l : sup[k]) {
            if (compare(u[i + 1][l], ud[i + 1][l], u[i + 1][kp], price) < 0) continue;
            success += qd[i + 1][k][l];
            if (futured != null) fut += qd[i + 1][k][l] * futured[l];
          }
          vals[kp] = tiid * price * success + fut;
          bestD = Math.max(bestD, vals[kp]);
          any = true;
        }
        if (!any) {
          lstar[i][k] = -1;
          u[i][k] = c.w[k];
          p[i][k] = BigFraction.ZERO;
          r[i][k] = BigFraction.ZERO;
          ud[i][k] = c.w[k].doubleValue();
          accept[i][k] = acceptAt(c, i, k, u, ud, BigFraction.ZERO, 0);
          continue;
        }
        double rel = 4.0 * (sup[k].length + 3) * 0x1p-53;
        double cut = bestD - 2 * rel * bestD;
        int best = -1;
        BigFraction bestVal = null, bestSuccess = null;
        for (int kp : cands) {
          if (Double.isNaN(vals[kp]) || vals[kp] < cut) continue;
          BigFraction price = u[i + 1][kp], success = BigFraction.ZERO, fut = BigFraction.ZERO;
          for (int l : sup[k]) {
            if (compare(u[i + 1][l], ud[i + 1][l], price, ud[i + 1][kp]) < 0) continue;
            success = add(success, c.q[i + 1][k][l]);
            if (future != null) fut = add(fut, mul(c.q[i + 1][k][l], future[l]));
          }
          BigFraction val = add(mul(mul(tii, price), success), fut);
          if (best < 0 || better(tb, val, price, bestVal, u[i + 1][best])) {
            best = kp;
            bestVal = val;
            bestSuccess = success;
          }
        }
        lstar[i][k] = best;
        u[i][k] = add(c.w[k], bestVal);
        p[i][k] = u[i + 1][best];
        r[i][k] = mul(p[i][k], bestSuccess);
        ud[i][k] = u[i][k].doubleValue();
        pd[i][k] = ud[i + 1][best];
        rd[i][k] = r[i][k].doubleValue();
        accept[i][k] = acceptAt(c, i, k, u, ud, p[i][k], pd[i][k]);
      }
    }
    return new Equilibrium<>(c, t, tb, Field.EXACT, u, p, r, lstar);
  }

  private static boolean better(TieBreak tb, BigFraction val, BigFraction price, BigFraction bestVal, BigFraction bestPrice) {
    int v = val.compareTo(bestVal);
    if (v != 0) return v > 0;
    int d = price.compareTo(bestPrice);
    return tb == TieBreak.LOW ? d < 0 : d > 0;
  }

  private static int[] acceptAt(Chain c, int i, int k, BigFraction[][] u, double[][] ud, BigFraction price, double priced) {
    int[] sup = c.support[i + 1][k];
    int[] out = new int[sup.length];
    int m = 0;
    for (int l : sup) if (compare(u[i + 1][l], ud[i + 1][l], price, priced) >= 0) out[m++] = l;
    return java.util.Arrays.copyOf(out, m);
  }

  /** F_i(i+1, .) exactly, or null when player i has no trades after i+1. */
  private static BigFraction[] futureProfit(Chain c, Reallocation t, int i, BigFraction[][] r, int[][][] accept) {
    int n = c.n, L = c.size();
    if (i + 1 >= n) return null;
    BigFraction[] next = null;
    for (int j = n - 1; j >= i + 1; j--) {
      BigFraction[] cur = new BigFraction[L];
      BigFraction share = t.get(j + 1, i);
      for (int l = 0; l < L; l++) {
        BigFraction acc = mul(share, r[j][l]);
        if (next != null) for (int lp : accept[j][l]) acc = add(acc, mul(c.q[j + 1][l][lp], next[lp]));
        cur[l] = acc;
      }
      next = cur;
    }
    return next;
  }
}

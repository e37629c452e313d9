package org.mechcheck.group;

import java.util.List;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Bayesian IC and interim IR of an equal-share rule, measured from its ex-post rule alone: for
 * member i and each report r on a grid of her values, her interim allocation X(r) and payment T(r)
 * are averages of sells(r, v_-i) and share(r, v_-i) over the others' values, drawn independently
 * of the quantile slices the mechanism was built with: quantile midpoints for one other member,
 * a Sobol sequence through the others' quantile functions for more. Then
 * <pre>
 *   gain  = max over true v and report r on the grid of u(v, r) - u(v, v),  u(v, r) = v X(r) - T(r)
 *   lowest interim utility = min over v of u(v, v)
 * </pre>
 * Both carry the averaging's error (for one other member and M points, |X error| &lt;= 1/M) and are
 * reported as measured. Ex-post utilities v_i 1{sold} - t(v) are measured on a product grid: equal
 * shares do not promise ex-post IR.
 */
public final class IncentiveCheck {
  private IncentiveCheck() {}

  public record Result(
      double maxGain, int gainMember, double gainValue, double gainReport,
      double minInterimUtility, int minMember, double minValue,
      double minExPostUtility, int exPostMember, double[] exPostProfile,
      double expectedShare, int reportGrid, int others) {}

  public static Result of(EqualShareRule m, int reportGrid, int othersBudget) {
    List<Member> ms = m.members();
    int n = ms.size();
    double maxGain = Double.NEGATIVE_INFINITY, minU = Double.POSITIVE_INFINITY;
    int gainMember = 0, minMember = 0;
    double gainV = 0, gainR = 0, minV = 0, expectedShare = 0;
    int othersSize = 1;
    for (int i = 0; i < n; i++) {
      Others o = others(m, i, othersBudget);
      othersSize = o.p.length;
      double[] reports = ms.get(i).valueGrid(reportGrid);
      double[] xs = new double[reports.length], ts = new double[reports.length];
      for (int a = 0; a < reports.length; a++) {
        double mine = m.score(i, reports[a]);
        double x = 0;
        for (int k = 0; k < o.p.length; k++) if (mine + o.score[k] >= -Cells.TIE) x += o.p[k];
        xs[a] = x;
        ts[a] = m.sharePart(i, reports[a]) + o.meanShare + m.shareConstant();
      }
      for (int a = 0; a < reports.length; a++) {
        double v = reports[a], truth = v * xs[a] - ts[a];
        if (truth < minU) {
          minU = truth;
          minMember = i;
          minV = v;
        }
        for (int b = 0; b < reports.length; b++) {
          double gain = v * xs[b] - ts[b] - truth;
          if (gain > maxGain) {
            maxGain = gain;
            gainMember = i;
            gainV = v;
            gainR = reports[b];
          }
        }
      }
      if (i == 0) {
        double[][] own = midpoints(ms.get(0), 4000);
        for (int a = 0; a < own[0].length; a++) expectedShare += own[1][a] * (m.sharePart(0, own[0][a]) + o.meanShare + m.shareConstant());
      }
    }
    double[] post = exPost(m);
    double[] profile = java.util.Arrays.copyOfRange(post, 2, post.length);
    return new Result(maxGain, gainMember, gainV, gainR, minU, minMember, minV, post[0], (int) post[1], profile, expectedShare, reportGrid, othersSize);
  }

  /** The others' profiles as probability, sum of their scores; and the mean of their share parts. */
  private record Others(double[] p, double[] score, double meanShare) {}

  private static Others others(EqualShareRule m, int i, int budget) {
    List<Member> ms = m.members();
    int n = ms.size();
    if (n == 1) return new Others(new double[] {1}, new double[] {0}, 0);
    if (n == 2) {
      int j = 1 - i;
      double[][] g = midpoints(ms.get(j), Math.min(budget, 100_000));
      double[] s = new double[g[0].length];
      double mean = 0;
      for (int k = 0; k < s.length; k++) {
        s[k] = m.score(j, g[0][k]);
        mean += g[1][k] * m.sharePart(j, g[0][k]);
      }
      return new Others(g[1], s, mean);
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(n - 1);
    sobol.skipTo(1);
    double[] p = new double[budget], s = new double[budget];
    double mean = 0;
    for (int k = 0; k < budget; k++) {
      double[] u = sobol.nextVector();
      int d = 0;
      double sc = 0, sh = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) continue;
        double v = ms.get(j).distribution().quantile(Math.min(Math.max(u[d++], 1e-12), 1 - 1e-12));
        sc += m.score(j, v);
        sh += m.sharePart(j, v);
      }
      p[k] = 1.0 / budget;
      s[k] = sc;
      mean += sh / budget;
    }
    return new Others(p, s, mean);
  }

  /** {min ex-post utility, member, profile...} over a product grid of about 40000 profiles. */
  private static double[] exPost(EqualShareRule m) {
    List<Member> ms = m.members();
    int n = ms.size();
    int per = (int) Math.max(2, Math.floor(Math.pow(40000, 1.0 / n)));
    double[][] grid = new double[n][];
    for (int j = 0; j < n; j++) grid[j] = ms.get(j).valueGrid(per);
    double minPost = Double.POSITIVE_INFINITY;
    int postMember = 0;
    double[] postProfile = null;
    int[] idx = new int[n];
    double[] v = new double[n];
    while (true) {
      for (int j = 0; j < n; j++) v[j] = grid[j][idx[j]];
      boolean sold = m.sells(v);
      double t = m.share(v);
      for (int j = 0; j < n; j++) {
        double u = (sold ? v[j] : 0) - t;
        if (u < minPost) {
          minPost = u;
          postMember = j;
          postProfile = v.clone();
        }
      }
      int j = 0;
      while (j < n && ++idx[j] == grid[j].length) idx[j++] = 0;
      if (j == n) break;
    }
    double[] out = new double[n + 2];
    out[0] = minPost;
    out[1] = postMember;
    System.arraycopy(postProfile, 0, out, 2, n);
    return out;
  }

  /** Quantile midpoints (k + 1/2)/n with probability 1/n each, or the atoms with theirs. */
  static double[][] midpoints(Member m, int n) {
    if (m.distribution() instanceof DiscreteValue d) {
      double[] v = d.values().stream().mapToDouble(q -> q.doubleValue()).toArray();
      double[] p = d.probs().stream().mapToDouble(q -> q.doubleValue()).toArray();
      return new double[][] {v, p};
    }
    double[] v = new double[n], p = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = m.distribution().quantile((k + 0.5) / n);
      p[k] = 1.0 / n;
    }
    return new double[][] {v, p};
  }
}

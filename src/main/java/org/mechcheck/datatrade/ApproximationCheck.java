package org.mechcheck.datatrade;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Definition 3.6 measured on the continuous model for a lifted profile (p~, s~) from
 * {@link Fptas}: for player i at valuation v, the gain g_i(v, p) of Equation 8 when everyone
 * after i plays the lifted strategies, s^dagger_i(v) = max_p g_i(v, p) (Equation 7), and the two
 * conditions (a) g_i(v, p~_i(v)) - s^dagger >= -eps max{1, s^dagger}, (b) |s~_i(v) - s^dagger| &lt;=
 * eps max{1, s^dagger}.
 *
 * <p>The expectation over v_{i+1..n} is computed backwards: W_j(x), what player i expects from
 * trades j+1..n given v_j = x, is an integral over each grid cell of f(y | x) times a term that is
 * smooth inside the cell (the lifted strategies are constant there), done by Gauss-Legendre
 * quadrature per cell; W_j is kept at the quadrature nodes. g_i(v, .) is piecewise linear in p
 * between player i+1's lifted thresholds, so its maximum is at 0 or at one of them. Doubles
 * throughout: a measurement, with quadrature error far below any eps the FPTAS is run with.
 */
public final class ApproximationCheck {
  private ApproximationCheck() {}

  /** The worst ratio of each condition's left side to its allowance over the probed valuations (&lt;= 1 means it holds), and where. */
  public record Report(double worstA, String whereA, double worstB, String whereB, int probes) {
    public boolean holds() {
      return worstA <= 1 && worstB <= 1;
    }
  }

  static final int NODES = 8;

  public static Report check(Fptas.Result r, int probesPerCell) {
    int n = r.model().n(), L = r.L();
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    double[][] x = new double[L][], wt = new double[L][];
    for (int k = 0; k < L; k++) {
      double a = r.left(k), b = r.right(k);
      if (b <= a) {
        x[k] = new double[0];
        wt[k] = new double[0];
        continue;
      }
      GaussIntegrator g = factory.legendre(NODES, a, b);
      x[k] = new double[g.getNumberOfPoints()];
      wt[k] = new double[g.getNumberOfPoints()];
      for (int j = 0; j < x[k].length; j++) {
        x[k][j] = g.getPoint(j);
        wt[k][j] = g.getWeight(j);
      }
    }
    double eps = r.epsilon().doubleValue();
    double worstA = Double.NEGATIVE_INFINITY, worstB = Double.NEGATIVE_INFINITY;
    String whereA = "", whereB = "";
    int probes = 0;
    for (int i = 0; i <= n; i++) {
      double[][] future = i < n ? futureProfit(r, i, x, wt) : null; // W_{i+1} at the nodes
      for (int k = 0; k < L; k++) {
        for (int s = 0; s <= probesPerCell; s++) {
          double v = r.left(k) + (r.right(k) - r.left(k)) * s / (probesPerCell + 1.0);
          probes++;
          double dagger, atPrice;
          if (i == n) {
            dagger = v;
            atPrice = v;
          } else {
            dagger = Double.NEGATIVE_INFINITY;
            for (double p : candidates(r, i)) dagger = Math.max(dagger, gain(r, i, v, p, future, x, wt));
            atPrice = gain(r, i, v, r.price(i, v), future, x, wt);
          }
          double allow = eps * Math.max(1, dagger);
          double a = (dagger - atPrice) / allow, b = Math.abs(r.threshold(i, v) - dagger) / allow;
          if (a > worstA) {
            worstA = a;
            whereA = "player " + i + ", v = " + v;
          }
          if (b > worstB) {
            worstB = b;
            whereB = "player " + i + ", v = " + v;
          }
        }
      }
    }
    return new Report(worstA, whereA, worstB, whereB, probes);
  }

  private static double[] candidates(Fptas.Result r, int i) {
    Double[] u = r.equilibrium().u[i + 1];
    double[] c = new double[u.length + 1];
    for (int l = 0; l < u.length; l++) c[l] = Math.max(0, u[l]);
    c[u.length] = 0;
    return c;
  }

  /** g_i(v, p) = v + sum over cells m of int f(y | v) 1{s~_{i+1}(y) >= p} (t_{i+1,i} p + W_{i+1}(y)) dy. */
  static double gain(Fptas.Result r, int i, double v, double p, double[][] future, double[][] x, double[][] wt) {
    double share = r.t().get(i + 1, i).doubleValue(), acc = 0;
    for (int m = 0; m < x.length; m++) {
      if (r.equilibrium().u[i + 1][m] < p) continue;
      for (int j = 0; j < x[m].length; j++) acc += wt[m][j] * r.model().density(x[m][j], v) * (share * p + (future == null ? 0 : future[m][j]));
    }
    return v + acc;
  }

  /** W_{i+1} at the nodes: what player i expects from trades i+2..n given v_{i+1}; null when there are none. */
  static double[][] futureProfit(Fptas.Result r, int i, double[][] x, double[][] wt) {
    int n = r.model().n(), L = r.L();
    double[][] next = null; // W_{j+1}
    for (int j = n - 1; j >= i + 1; j--) {
      double share = r.t().get(j + 1, i).doubleValue();
      double[][] cur = new double[L][];
      for (int k = 0; k < L; k++) {
        cur[k] = new double[x[k].length];
        double price = r.equilibrium().p[j][k];
        for (int a = 0; a < x[k].length; a++) {
          double acc = 0;
          for (int m = 0; m < L; m++) {
            if (r.equilibrium().u[j + 1][m] < price) continue;
            for (int b = 0; b < x[m].length; b++) acc += wt[m][b] * r.model().density(x[m][b], x[k][a]) * (share * price + (next == null ? 0 : next[m][b]));
          }
          cur[k][a] = acc;
        }
      }
      next = cur;
    }
    return next;
  }
}

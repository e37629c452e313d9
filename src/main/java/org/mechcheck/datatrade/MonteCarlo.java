package org.mechcheck.datatrade;

import java.util.SplittableRandom;

/**
 * 004 §5.1's estimator: draw M valuation profiles from the Markov chain, play the equilibrium on
 * each (Definition 2.4) and average social welfare and the number of trades. Repeated over seeds,
 * the mean and standard deviation across seeds are what Table 1 reports. Doubles throughout: this
 * is an estimate beside the exact {@link Evaluation}.
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  public record Estimate(double sw, double tv) {}

  public record Summary(double swMean, double swStd, double tvMean, double tvStd, int seeds, int samples) {}

  public static <N> Estimate run(Equilibrium<N> e, int samples, long seed) {
    Chain c = e.chain;
    int n = c.n, L = c.size();
    Field<N> f = e.field;
    double[] w = new double[L];
    for (int k = 0; k < L; k++) w[k] = c.w[k].doubleValue();
    double[][] t = new double[n + 1][n + 1];
    for (int i = 1; i <= n; i++) for (int j = 0; j <= n; j++) t[i][j] = e.t.get(i, j).doubleValue();
    double[][][] cum = new double[n + 1][L][];
    for (int i = 1; i <= n; i++) {
      for (int k = 0; k < L; k++) {
        cum[i][k] = new double[L];
        double s = 0;
        for (int l = 0; l < L; l++) cum[i][k][l] = (s += c.q[i][k][l].doubleValue());
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double sw = 0, tv = 0;
    for (int m = 0; m < samples; m++) {
      int k = c.v0;
      double welfare = w[k];
      for (int i = 1; i <= n; i++) {
        int l = draw(cum[i][k], rng.nextDouble());
        if (!e.buys(i, k, l)) break; // trade i fails, and with it every later one
        double price = f.toDouble(e.p[i - 1][k]);
        double kept = 0;
        for (int j = 0; j < i; j++) kept += t[i][j];
        welfare += w[l] - price * (1 - kept); // the buyer's value; the part of the price not reallocated leaves the players
        tv += 1;
        k = l;
      }
      sw += welfare;
    }
    return new Estimate(sw / samples, tv / samples);
  }

  private static int draw(double[] cum, double x) {
    for (int l = 0; l < cum.length; l++) if (x < cum[l]) return l;
    return cum.length - 1;
  }

  /** Seeds 1..seeds, each with its own samples: mean and (sample) standard deviation across seeds. */
  public static <N> Summary repeat(Equilibrium<N> e, int samples, int seeds) {
    double[] sw = new double[seeds], tv = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      Estimate x = run(e, samples, s + 1);
      sw[s] = x.sw();
      tv[s] = x.tv();
    }
    return new Summary(mean(sw), std(sw), mean(tv), std(tv), seeds, samples);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }

  static double std(double[] x) {
    if (x.length < 2) return 0;
    double m = mean(x), s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return Math.sqrt(s / (x.length - 1));
  }
}

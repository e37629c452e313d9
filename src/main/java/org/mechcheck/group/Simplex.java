package org.mechcheck.group;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The weights' domain {w >= 0, sum w = 1}: Euclidean projection onto it, and uniform samples from it. */
final class Simplex {
  private Simplex() {}

  /** The nearest point of the simplex (sort-and-threshold). */
  static double[] project(double[] x) {
    int n = x.length;
    double[] s = x.clone();
    Arrays.sort(s);
    double cum = 0, theta = 0;
    for (int k = n - 1; k >= 0; k--) {
      cum += s[k];
      double t = (cum - 1) / (n - k);
      if (k == 0 || s[k - 1] <= t) {
        theta = t;
        break;
      }
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) w[i] = Math.max(0, x[i] - theta);
    return w;
  }

  /** A uniform point of the simplex (normalised exponentials). */
  static double[] sample(int n, SplittableRandom rnd) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = -Math.log(1 - rnd.nextDouble());
      sum += w[i];
    }
    for (int i = 0; i < n; i++) w[i] /= sum;
    return w;
  }
}

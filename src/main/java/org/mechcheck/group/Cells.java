package org.mechcheck.group;

import java.util.Arrays;

/**
 * A distribution on the line made of cells: cell c has probability p[c] spread uniformly on
 * [a[c], b[c]] (an atom when a[c] == b[c]); cells are sorted and do not overlap. A member's virtual
 * value phi(v) is one (a cell per slice of the quantile space: phi(F^-1(u)) taken linear in u on
 * each slice, which is exact for uniform members); so is a sum of weighted virtual values on a grid.
 * Tail probabilities and partial means come from suffix sums in O(log cells).
 */
final class Cells {
  static final double TIE = 1e-12;

  final double[] a, b, p;
  private final double[] tailP, tailMean; // sums over cells c..end

  Cells(double[] a, double[] b, double[] p) {
    this.a = a;
    this.b = b;
    this.p = p;
    int n = p.length;
    tailP = new double[n + 1];
    tailMean = new double[n + 1];
    for (int c = n - 1; c >= 0; c--) {
      tailP[c] = tailP[c + 1] + p[c];
      tailMean[c] = tailMean[c + 1] + p[c] * (a[c] + b[c]) / 2;
    }
  }

  static Cells point(double x) {
    return new Cells(new double[] {x}, new double[] {x}, new double[] {1});
  }

  int size() {
    return p.length;
  }

  double min() {
    return a[0];
  }

  double max() {
    return b[b.length - 1];
  }

  double mass() {
    return tailP[0];
  }

  /** The distribution of w times this one (w >= 0). */
  Cells scaled(double w) {
    if (w == 0) return point(0).withMass(mass());
    double[] sa = new double[a.length], sb = new double[b.length];
    for (int c = 0; c < a.length; c++) {
      sa[c] = w * a[c];
      sb[c] = w * b[c];
    }
    return new Cells(sa, sb, p.clone());
  }

  private Cells withMass(double m) {
    return new Cells(a, b, new double[] {m});
  }

  /** The first cell whose upper end reaches s (ties: an atom at s counts as reaching it). */
  private int firstReaching(double s) {
    int lo = 0, hi = p.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (b[mid] >= s - TIE * Math.max(1, Math.abs(s))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** P(Z >= s); the allocation rule's tie (sum exactly 0) goes to selling. */
  double atLeast(double s) {
    int c = firstReaching(s);
    if (c == p.length) return 0;
    if (a[c] >= s - TIE * Math.max(1, Math.abs(s))) return tailP[c];
    return tailP[c + 1] + p[c] * (b[c] - s) / (b[c] - a[c]);
  }

  /** E[Z 1{Z >= s}]. */
  double meanAtLeast(double s) {
    int c = firstReaching(s);
    if (c == p.length) return 0;
    if (a[c] >= s - TIE * Math.max(1, Math.abs(s))) return tailMean[c];
    return tailMean[c + 1] + p[c] * (b[c] * b[c] - s * s) / (2 * (b[c] - a[c]));
  }

  /** E[max(s + Z, 0)]. */
  double expectedPositivePart(double s) {
    return s * atLeast(-s) + meanAtLeast(-s);
  }

  // 4-point Gauss-Legendre on [-1, 1]
  private static final double[] GX = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
  private static final double[] GW = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

  /** E[f(Z)], cell by cell (Gauss-Legendre inside a cell). */
  double expect(java.util.function.DoubleUnaryOperator f) {
    double s = 0;
    for (int c = 0; c < p.length; c++) {
      if (p[c] == 0) continue;
      if (b[c] - a[c] <= 0) {
        s += p[c] * f.applyAsDouble(a[c]);
        continue;
      }
      double mid = (a[c] + b[c]) / 2, half = (b[c] - a[c]) / 2, in = 0;
      for (int k = 0; k < 4; k++) in += GW[k] * f.applyAsDouble(mid + half * GX[k]);
      s += p[c] * in / 2;
    }
    return s;
  }

  @Override
  public String toString() {
    return "Cells" + Arrays.toString(Arrays.copyOf(a, Math.min(5, a.length))) + "... (" + p.length + ")";
  }
}

package org.mechcheck.group;

/**
 * Sums of independent weighted virtual values on a grid: each distribution is put on the grid
 * kh (k integer) by splitting every piece of mass between its two neighbouring grid points in
 * proportion (which keeps the mean), and sums are discrete convolutions. The result is read back as
 * cells of width h around the grid points. With N grid steps over the range of the sum the error in
 * E[max(S, 0)] is O(h^2).
 */
final class GridSum {
  static final int STEPS = 2048;
  /** Tails beyond these quantiles are lumped into one atom at their mean (an exponential's range is unbounded). */
  static final double TAIL = 1e-9;

  private GridSum() {}

  private record Grid(long offset, double[] mass) {}

  /** others[i] = distribution of sum_{j != i} z[j]. */
  static void leaveOneOut(Cells[] z, Cells[] others) {
    int n = z.length;
    Cells[] t = new Cells[n];
    double range = 0;
    for (int i = 0; i < n; i++) t[i] = trimTails(z[i]);
    // a member's term below -(sum of the others' maxima) makes every sum that contains it negative
    // whatever the rest is: where exactly it lies never matters, so it is lumped just below that
    double top = 0;
    for (Cells c : t) top += c.max();
    for (int i = 0; i < n; i++) {
      t[i] = lumpBelow(t[i], -(top - t[i].max()) - 1e-9 * (1 + top));
      range += t[i].max() - t[i].min();
    }
    double h = range > 0 ? range / STEPS : 1e-9;
    Grid[] g = new Grid[n];
    for (int i = 0; i < n; i++) g[i] = onGrid(t[i], h);
    Grid[] prefix = new Grid[n + 1], suffix = new Grid[n + 1];
    prefix[0] = new Grid(0, new double[] {1});
    suffix[n] = new Grid(0, new double[] {1});
    for (int i = 0; i < n; i++) prefix[i + 1] = convolve(prefix[i], g[i]);
    for (int i = n - 1; i >= 0; i--) suffix[i] = convolve(g[i], suffix[i + 1]);
    for (int i = 0; i < n; i++) others[i] = asCells(convolve(prefix[i], suffix[i + 1]), h);
  }

  private static Cells trimTails(Cells c) {
    int n = c.size(), lo = 0, hi = n - 1;
    double low = 0, lowMean = 0, high = 0, highMean = 0;
    while (lo < hi && low + c.p[lo] < TAIL) {
      low += c.p[lo];
      lowMean += c.p[lo] * (c.a[lo] + c.b[lo]) / 2;
      lo++;
    }
    while (hi > lo && high + c.p[hi] < TAIL) {
      high += c.p[hi];
      highMean += c.p[hi] * (c.a[hi] + c.b[hi]) / 2;
      hi--;
    }
    if (lo == 0 && hi == n - 1) return c;
    int m = hi - lo + 1 + (low > 0 ? 1 : 0) + (high > 0 ? 1 : 0);
    double[] a = new double[m], b = new double[m], p = new double[m];
    int k = 0;
    if (low > 0) {
      a[k] = b[k] = Math.min(lowMean / low, c.a[lo]);
      p[k++] = low;
    }
    for (int j = lo; j <= hi; j++, k++) {
      a[k] = c.a[j];
      b[k] = c.b[j];
      p[k] = c.p[j];
    }
    if (high > 0) {
      a[k] = b[k] = Math.max(highMean / high, c.b[hi]);
      p[k] = high;
    }
    return new Cells(a, b, p);
  }

  private static Cells lumpBelow(Cells c, double floor) {
    if (c.min() >= floor) return c;
    int k = 0;
    double mass = 0;
    while (k < c.size() && c.b[k] < floor) mass += c.p[k++];
    int m = c.size() - k + 1;
    double[] a = new double[m], b = new double[m], p = new double[m];
    a[0] = b[0] = floor;
    p[0] = mass;
    for (int j = k; j < c.size(); j++) {
      a[j - k + 1] = Math.max(floor, c.a[j]);
      b[j - k + 1] = c.b[j];
      p[j - k + 1] = c.p[j];
    }
    return new Cells(a, b, p);
  }

  private static Grid onGrid(Cells c, double h) {
    long off = (long) Math.floor(c.min() / h);
    int len = (int) (Math.ceil(c.max() / h) - off) + 2;
    double[] m = new double[len];
    for (int j = 0; j < c.size(); j++) {
      double width = c.b[j] - c.a[j];
      int pieces = width <= 0 ? 1 : (int) Math.ceil(2 * width / h);
      for (int s = 0; s < pieces; s++) {
        double x = width <= 0 ? c.a[j] : c.a[j] + (s + 0.5) * width / pieces;
        double pos = x / h - off;
        int k = (int) Math.floor(pos);
        double frac = pos - k;
        double q = c.p[j] / pieces;
        m[k] += q * (1 - frac);
        if (frac > 0) m[k + 1] += q * frac;
      }
    }
    return new Grid(off, m);
  }

  private static Grid convolve(Grid x, Grid y) {
    double[] a = x.mass(), b = y.mass(), out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      double ai = a[i];
      if (ai == 0) continue;
      for (int j = 0; j < b.length; j++) out[i + j] += ai * b[j];
    }
    return new Grid(x.offset() + y.offset(), out);
  }

  private static Cells asCells(Grid g, double h) {
    double[] m = g.mass();
    int first = 0, last = m.length - 1;
    while (first < last && m[first] == 0) first++;
    while (last > first && m[last] == 0) last--;
    int n = last - first + 1;
    double[] a = new double[n], b = new double[n], p = new double[n];
    for (int k = 0; k < n; k++) {
      double x = (g.offset() + first + k) * h;
      a[k] = x - h / 2;
      b[k] = x + h / 2;
      p[k] = m[first + k];
    }
    return new Cells(a, b, p);
  }
}

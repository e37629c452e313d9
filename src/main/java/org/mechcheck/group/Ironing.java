package org.mechcheck.group;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Myerson's ironing. The ironed virtual value is the slope of the convex hull of
 * H(u) = integral_0^u phi(F^-1(s)) ds; on a partition of the quantile space that slope is the
 * weighted pool-adjacent-violators average of phi (the isotonic regression), done exactly for a
 * discrete member and on the quantile cells of a continuous one.
 */
final class Ironing {
  private Ironing() {}

  static List<BigFraction> poolExact(List<BigFraction> y, List<BigFraction> w) {
    List<BigFraction> val = new ArrayList<>(), wt = new ArrayList<>();
    List<Integer> len = new ArrayList<>();
    for (int k = 0; k < y.size(); k++) {
      val.add(y.get(k));
      wt.add(w.get(k));
      len.add(1);
      while (val.size() > 1 && val.get(val.size() - 2).compareTo(val.get(val.size() - 1)) > 0) {
        int t = val.size() - 1;
        BigFraction ww = wt.get(t - 1).add(wt.get(t));
        BigFraction vv = val.get(t - 1).multiply(wt.get(t - 1)).add(val.get(t).multiply(wt.get(t))).divide(ww);
        int ll = len.get(t - 1) + len.get(t);
        val.remove(t);
        wt.remove(t);
        len.remove(t);
        val.set(t - 1, vv);
        wt.set(t - 1, ww);
        len.set(t - 1, ll);
      }
    }
    List<BigFraction> out = new ArrayList<>();
    for (int b = 0; b < val.size(); b++) for (int k = 0; k < len.get(b); k++) out.add(val.get(b));
    return out;
  }

  /**
   * Irons cells (the value of cell c spread on [a[c], b[c]], probability p[c]): blocks that pool
   * several cells become one atom at their average, recorded in {@code ironed} as
   * {vFrom, vTo, value} with the cells' value range from {@code nodeV}.
   */
  static Cells ironCells(double[] a, double[] b, double[] p, double[] nodeV, List<double[]> ironed) {
    int n = p.length;
    double[] val = new double[n], wt = new double[n];
    int[] start = new int[n];
    int top = 0;
    for (int c = 0; c < n; c++) {
      val[top] = (a[c] + b[c]) / 2;
      wt[top] = p[c];
      start[top] = c;
      top++;
      while (top > 1 && val[top - 2] > val[top - 1]) {
        double w = wt[top - 2] + wt[top - 1];
        val[top - 2] = (val[top - 2] * wt[top - 2] + val[top - 1] * wt[top - 1]) / w;
        wt[top - 2] = w;
        top--;
      }
    }
    double[] na = a.clone(), nb = b.clone();
    for (int k = 0; k < top; k++) {
      int from = start[k], to = k + 1 < top ? start[k + 1] : n; // cells from..to-1
      if (to - from == 1) continue;
      for (int c = from; c < to; c++) {
        na[c] = val[k];
        nb[c] = val[k];
      }
      ironed.add(new double[] {nodeV[from], nodeV[to], val[k]});
    }
    // keep cells ordered where an ironed atom meets a sloped neighbour
    for (int c = 1; c < n; c++) {
      if (na[c] < nb[c - 1]) na[c] = nb[c - 1];
      if (nb[c] < na[c]) nb[c] = na[c];
    }
    return new Cells(na, nb, p);
  }
}

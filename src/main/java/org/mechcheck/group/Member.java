package org.mechcheck.group;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * One member of the group: her value distribution, her virtual value phi, whether phi is
 * non-decreasing (regular), and the distribution of phi(v) as {@link Cells}. An irregular phi is
 * ironed (Myerson): replaced by the slope of the convex hull of its integral over the quantile
 * space, which on cells is the weighted pool-adjacent-violators average; {@link #phiBar} is the
 * ironed virtual value, constant on each ironed interval of values.
 */
public final class Member {
  /** Slices of the quantile space for a continuous member (the ends are refined further). */
  static final int SLICES = 4096;

  private final ValueDistribution dist;
  private final double[] nodeV; // values at the quantile nodes (continuous) or the atoms (discrete)
  private final double[] nodeU;
  private final Cells phi; // distribution of phiBar(v)
  private final List<double[]> ironed = new ArrayList<>(); // {vFrom, vTo, value}
  private final String irregularity; // null when regular
  private final double[] atomPhiBar; // discrete only

  public Member(ValueDistribution dist) {
    this.dist = dist;
    if (dist instanceof DiscreteValue d) {
      List<BigFraction> phiExact = d.exactVirtualValues();
      int m = phiExact.size();
      nodeV = new double[m];
      nodeU = new double[m];
      double[] p = new double[m];
      for (int k = 0; k < m; k++) {
        nodeV[k] = d.values().get(k).doubleValue();
        p[k] = d.probs().get(k).doubleValue();
      }
      String why = null;
      for (int k = 0; k + 1 < m && why == null; k++) {
        if (phiExact.get(k + 1).compareTo(phiExact.get(k)) < 0) why = "its virtual value falls from " + phiExact.get(k).doubleValue() + " at " + nodeV[k] + " to " + phiExact.get(k + 1).doubleValue() + " at " + nodeV[k + 1];
      }
      irregularity = why;
      List<BigFraction> bar = Ironing.poolExact(phiExact, d.probs());
      atomPhiBar = new double[m];
      for (int k = 0; k < m; k++) atomPhiBar[k] = bar.get(k).doubleValue();
      phi = new Cells(atomPhiBar.clone(), atomPhiBar.clone(), p);
      return;
    }
    atomPhiBar = null;
    List<Double> us = new ArrayList<>();
    // near the ends phi(F^-1(u)) may bend hard (an exponential's -ln(1 - u)): there the slices
    // shrink geometrically, each 3% narrower than the last, down to 2^-40 of a slice
    double edge = 64.0 / SLICES, tiny = Math.scalb(1.0 / SLICES, -40);
    List<Double> low = new ArrayList<>();
    for (double d = edge * 0.97; d > tiny; d *= 0.97) low.add(d);
    for (int j = low.size() - 1; j >= 0; j--) us.add(low.get(j));
    for (int k = 64; k <= SLICES - 64; k++) us.add((double) k / SLICES);
    for (double d : low) us.add(1 - d);
    List<Double> vs = new ArrayList<>(), ys = new ArrayList<>(), uu = new ArrayList<>();
    // the ends themselves when phi is finite there (phi(lo) = -inf when f(lo) = 0, hi may be inf)
    addNode(0, dist.lo(), uu, vs, ys);
    for (double u : us) addNode(u, dist.quantile(u), uu, vs, ys);
    if (Double.isFinite(dist.hi())) addNode(1, dist.hi(), uu, vs, ys);
    int n = vs.size();
    nodeV = new double[n];
    nodeU = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      nodeV[k] = vs.get(k);
      nodeU[k] = uu.get(k);
      y[k] = ys.get(k);
    }
    String why = null;
    for (int k = 0; k + 1 < n && why == null; k++) {
      if (y[k + 1] < y[k] - 1e-9 * Math.max(1, Math.abs(y[k]))) {
        int e = k + 1;
        while (e + 1 < n && y[e + 1] < y[e]) e++;
        why = String.format("its virtual value decreases on [%.4g, %.4g]", nodeV[k], nodeV[e]);
      }
    }
    irregularity = why;
    double[] a = new double[n - 1], b = new double[n - 1], p = new double[n - 1];
    for (int c = 0; c + 1 < n; c++) {
      a[c] = y[c];
      b[c] = y[c + 1];
      p[c] = nodeU[c + 1] - nodeU[c];
    }
    if (why == null) {
      phi = new Cells(a, b, p);
    } else {
      phi = Ironing.ironCells(a, b, p, nodeV, ironed);
    }
  }

  private void addNode(double u, double v, List<Double> uu, List<Double> vs, List<Double> ys) {
    double y = dist.virtualValue(v);
    if (!Double.isFinite(y) || !Double.isFinite(v)) return;
    if (!vs.isEmpty() && v <= vs.get(vs.size() - 1)) return;
    uu.add(u);
    vs.add(v);
    ys.add(y);
  }

  public ValueDistribution distribution() {
    return dist;
  }

  public boolean regular() {
    return irregularity == null;
  }

  /** Null when regular; otherwise where phi decreases (one line). */
  public String irregularity() {
    return irregularity;
  }

  Cells virtualValues() {
    return phi;
  }

  /** The (ironed) virtual value at v; for a discrete member v must be one of her values. */
  public double phiBar(double v) {
    if (atomPhiBar != null) {
      int k = ((DiscreteValue) dist).atomIndex(v);
      if (k < 0) throw new IllegalArgumentException(v + " is not a value of " + dist.spec());
      return atomPhiBar[k];
    }
    for (double[] r : ironed) if (v >= r[0] && v <= r[1]) return r[2];
    return dist.virtualValue(v);
  }

  /** Values at which interim allocations and payments are tabulated: the quantile nodes, or the atoms. */
  double[] nodes() {
    return nodeV.clone();
  }

  public boolean discrete() {
    return dist.discrete();
  }

  /** A grid of n values spread by quantile (lo and hi included when finite), or the atoms. */
  public double[] valueGrid(int n) {
    if (atomPhiBar != null) return nodeV.clone();
    List<Double> g = new ArrayList<>();
    if (Double.isFinite(dist.virtualValue(dist.lo()))) g.add(dist.lo());
    for (int k = 0; k < n; k++) g.add(dist.quantile((k + 0.5) / n));
    if (Double.isFinite(dist.hi())) g.add(dist.hi());
    return g.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public String toString() {
    return dist.spec();
  }
}

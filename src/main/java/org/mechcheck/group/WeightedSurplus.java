package org.mechcheck.group;

import java.util.List;

/**
 * The slides' objective for fixed weights w: S = sum_i w_i phi_i(v_i), the weighted virtual
 * surplus g(w) = E[max(S, 0)], and for each member R_i(w) = E[phi_i(v_i) 1{S >= 0}] (her
 * E[X_i phi_i] under the allocation "sell iff S >= 0"). R is the gradient of g and, g being
 * homogeneous of degree 1, g(w) = sum_i w_i R_i(w).
 *
 * <p>Everything reduces to the distribution of S_{-i} = sum_{j != i} w_j phi_j(v_j): for two
 * members it is one member's cells scaled (exact up to the quantile slicing); for more it is a
 * sequential convolution on a grid ({@link GridSum}). Then R_i, g and the interim allocation
 * X_i(v) = P(S_{-i} >= -w_i phi_i(v)) are one-dimensional sums over member i's cells.
 */
final class WeightedSurplus {
  private final List<Member> members;
  private final double[] w;
  private final Cells[] others;

  WeightedSurplus(List<Member> members, double[] w) {
    this.members = members;
    this.w = w.clone();
    int n = members.size();
    others = new Cells[n];
    if (n == 1) {
      others[0] = Cells.point(0);
    } else if (n == 2) {
      others[0] = members.get(1).virtualValues().scaled(w[1]);
      others[1] = members.get(0).virtualValues().scaled(w[0]);
    } else {
      Cells[] z = new Cells[n];
      for (int i = 0; i < n; i++) z[i] = members.get(i).virtualValues().scaled(w[i]);
      GridSum.leaveOneOut(z, others);
    }
  }

  double[] weights() {
    return w.clone();
  }

  /** P(sell | v_i = v) for member i: X_i(v). */
  double interimAllocation(int i, double v) {
    return others[i].atLeast(-w[i] * members.get(i).phiBar(v));
  }

  /** R_i = E[phi_i 1{S >= 0}] for every member. */
  double[] memberSurplus() {
    double[] r = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      Cells o = others[i];
      double wi = w[i];
      r[i] = members.get(i).virtualValues().expect(y -> y * o.atLeast(-wi * y));
    }
    return r;
  }

  /** g(w) = E[max(S, 0)], integrating the last member against the others' sum. */
  double value() {
    int i = w.length - 1;
    Cells o = others[i];
    double wi = w[i];
    return members.get(i).virtualValues().expect(y -> o.expectedPositivePart(wi * y));
  }
}

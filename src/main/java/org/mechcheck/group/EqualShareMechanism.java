package org.mechcheck.group;

import java.util.List;

/**
 * The slides' mechanism for weights w (the optimal one for w = w*, {@link OptimalWeights}):
 * sell iff sum_i w_i phi_i(v_i) >= 0, and every member pays the same share
 * <pre>
 *   t(v) = sum_i T_i(v_i) - (n - 1) c,   T_i(v) = v X_i(v) - int_{lo_i}^v X_i - (R_i - c),
 * </pre>
 * where X_i is member i's interim allocation, R_i = E[X_i phi_i] and c = min_i R_i is the expected
 * share (the revenue per member). Averaging t over the others gives E_{-i} t(v_i, .) = T_i(v_i):
 * each member's interim payment is the one the payment identity asks for, with interim utility
 * R_i - c >= 0 at the bottom of her support (spec/group.md derives it). For a discrete member the
 * integral is the sum of (v_{k+1} - v_k) X(v_k) below v.
 */
public final class EqualShareMechanism implements EqualShareRule {
  private final List<Member> members;
  private final double[] w;
  private final WeightedSurplus surplus;
  private final double[] r;
  private final double share;
  private final double[][] nodeV, nodeX, nodeI; // per member: values, X there, int_lo^v X

  public EqualShareMechanism(List<Member> members, double[] w) {
    this.members = List.copyOf(members);
    this.w = w.clone();
    this.surplus = new WeightedSurplus(this.members, this.w);
    this.r = surplus.memberSurplus();
    double c = Double.POSITIVE_INFINITY;
    for (double x : r) c = Math.min(c, x);
    this.share = c;
    int n = members.size();
    nodeV = new double[n][];
    nodeX = new double[n][];
    nodeI = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] v = members.get(i).nodes();
      double[] x = new double[v.length], in = new double[v.length];
      for (int k = 0; k < v.length; k++) x[k] = surplus.interimAllocation(i, v[k]);
      boolean discrete = members.get(i).discrete();
      double lo = members.get(i).distribution().lo();
      in[0] = discrete ? 0 : (v[0] - lo) * x[0];
      for (int k = 1; k < v.length; k++) {
        in[k] = in[k - 1] + (v[k] - v[k - 1]) * (discrete ? x[k - 1] : (x[k - 1] + x[k]) / 2);
      }
      nodeV[i] = v;
      nodeX[i] = x;
      nodeI[i] = in;
    }
  }

  public static EqualShareMechanism optimal(List<Member> members) {
    return new EqualShareMechanism(members, OptimalWeights.of(members));
  }

  @Override
  public List<Member> members() {
    return members;
  }

  public double[] weights() {
    return w.clone();
  }

  /** The expected share c = min_i R_i: revenue per member. */
  public double revenuePerMember() {
    return share;
  }

  /** R_i = E[X_i phi_i] per member; at w* they are equal wherever w_i > 0. */
  public double[] memberSurplus() {
    return r.clone();
  }

  /** g(w) = E[max(sum w_i phi_i, 0)]: the slides' objective, at least the revenue per member, equal to it at w*. */
  public double weightedSurplus() {
    return surplus.value();
  }

  /** Member i's interim utility at the bottom of her support: R_i - c. */
  public double bottomUtility(int i) {
    return r[i] - share;
  }

  /** Member i's term of the allocation rule: w_i phi_i(v_i). */
  @Override
  public double score(int i, double v) {
    return w[i] * members.get(i).phiBar(v);
  }

  /** The share every member pays at a profile, sold or not, is sum_i T_i(v_i) - (n - 1) c. */
  @Override
  public double sharePart(int i, double v) {
    return interimPayment(i, v);
  }

  @Override
  public double shareConstant() {
    return -(members.size() - 1) * share;
  }

  public double interimAllocation(int i, double v) {
    return surplus.interimAllocation(i, v);
  }

  /** T_i(v) = v X_i(v) - int_lo^v X_i - (R_i - c). */
  public double interimPayment(int i, double v) {
    double[] nv = nodeV[i];
    int k = java.util.Arrays.binarySearch(nv, v);
    double integral;
    double x;
    if (members.get(i).discrete()) {
      if (k < 0) throw new IllegalArgumentException(v + " is not a value of " + members.get(i));
      x = nodeX[i][k];
      integral = nodeI[i][k];
    } else {
      x = surplus.interimAllocation(i, v);
      if (k >= 0) {
        integral = nodeI[i][k];
      } else {
        int below = -k - 2;
        if (below < 0) {
          integral = (v - members.get(i).distribution().lo()) * x;
        } else {
          integral = nodeI[i][below] + (v - nv[below]) * (nodeX[i][below] + x) / 2;
        }
      }
    }
    return v * x - integral - (r[i] - share);
  }
}

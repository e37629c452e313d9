package org.mechcheck.group;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A finite discrete value distribution D(v1:p1, ..., vm:pm), exact. Its virtual value at the atom
 * v_k is the discrete one, phi_k = v_k - (v_{k+1} - v_k) (1 - F(v_k)) / p_k (phi_m = v_m): with it
 * the expected payment of a member with interim allocation X is sum_k p_k X(v_k) phi_k, as in the
 * continuous payment identity.
 */
record DiscreteValue(String spec, List<BigFraction> values, List<BigFraction> probs) implements ValueDistribution {

  /** The exact discrete virtual values, atom by atom. */
  List<BigFraction> exactVirtualValues() {
    List<BigFraction> phi = new ArrayList<>();
    BigFraction cum = BigFraction.ZERO;
    int m = values.size();
    for (int k = 0; k < m; k++) {
      cum = cum.add(probs.get(k));
      if (k == m - 1) {
        phi.add(values.get(k));
      } else {
        BigFraction above = BigFraction.ONE.subtract(cum);
        phi.add(values.get(k).subtract(values.get(k + 1).subtract(values.get(k)).multiply(above).divide(probs.get(k))));
      }
    }
    return phi;
  }

  int atomIndex(double v) {
    for (int k = 0; k < values.size(); k++) {
      if (Math.abs(values.get(k).doubleValue() - v) <= 1e-12 * Math.max(1, Math.abs(v))) return k;
    }
    return -1;
  }

  @Override
  public double lo() {
    return values.get(0).doubleValue();
  }

  @Override
  public double hi() {
    return values.get(values.size() - 1).doubleValue();
  }

  @Override
  public boolean discrete() {
    return true;
  }

  @Override
  public double cdf(double v) {
    double s = 0;
    for (int k = 0; k < values.size(); k++) if (values.get(k).doubleValue() <= v) s += probs.get(k).doubleValue();
    return Math.min(1, s);
  }

  @Override
  public double survivalAtLeast(double v) {
    double s = 0;
    for (int k = 0; k < values.size(); k++) if (values.get(k).doubleValue() >= v - 1e-12) s += probs.get(k).doubleValue();
    return Math.min(1, s);
  }

  @Override
  public double quantile(double u) {
    double cum = 0;
    for (int k = 0; k < values.size(); k++) {
      cum += probs.get(k).doubleValue();
      if (u <= cum + 1e-15) return values.get(k).doubleValue();
    }
    return hi();
  }

  @Override
  public double virtualValue(double v) {
    int k = atomIndex(v);
    if (k < 0) throw new IllegalArgumentException(v + " is not a value of " + spec);
    return exactVirtualValues().get(k).doubleValue();
  }

  @Override
  public String toString() {
    return spec;
  }
}

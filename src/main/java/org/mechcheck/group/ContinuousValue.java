package org.mechcheck.group;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.distribution.RealDistribution;

/**
 * A continuous value distribution backed by Hipparchus, shifted by {@code shift} (Exp(rate, s) is
 * s plus an exponential), with the family's inverse hazard rate (1 - F(v)) / f(v).
 */
record ContinuousValue(String spec, RealDistribution base, double shift, DoubleUnaryOperator inverseHazard, boolean affine)
    implements ValueDistribution {

  @Override
  public double lo() {
    return base.getSupportLowerBound() + shift;
  }

  @Override
  public double hi() {
    return base.getSupportUpperBound() + shift;
  }

  @Override
  public boolean discrete() {
    return false;
  }

  @Override
  public double cdf(double v) {
    return base.cumulativeProbability(v - shift);
  }

  @Override
  public double survivalAtLeast(double v) {
    if (v <= lo()) return 1;
    if (v >= hi()) return 0;
    return inverseHazard.applyAsDouble(v - shift) * base.density(v - shift);
  }

  @Override
  public double quantile(double u) {
    return base.inverseCumulativeProbability(u) + shift;
  }

  @Override
  public double virtualValue(double v) {
    return v - inverseHazard.applyAsDouble(v - shift);
  }

  @Override
  public boolean affineVirtualValue() {
    return affine;
  }

  @Override
  public String toString() {
    return spec;
  }
}

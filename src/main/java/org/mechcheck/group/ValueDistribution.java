package org.mechcheck.group;

/**
 * A group member's value distribution on [lo, hi] (hi may be infinite), values at least 0. The
 * slides' virtual value phi(v) = v - (1 - F(v)) / f(v) needs the inverse hazard rate
 * (1 - F) / f; each family computes it from its own survival function, because 1 - F(v) loses
 * every digit in an upper tail.
 */
public interface ValueDistribution {
  /** The distribution as the user writes it, e.g. "U(0,2)". */
  String spec();

  double lo();

  double hi();

  boolean discrete();

  double cdf(double v);

  /** P(value >= v): a posted price p sells to the member with this probability (atoms included). */
  double survivalAtLeast(double v);

  double quantile(double u);

  /** phi(v); for a finite discrete distribution the discrete virtual value at an atom. */
  double virtualValue(double v);

  /** Whether phi is affine in v (uniform, exponential): the allocation region is then a half-space in values. */
  default boolean affineVirtualValue() {
    return false;
  }
}

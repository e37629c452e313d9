package org.mechcheck.num;

import org.apache.commons.numbers.fraction.BigFraction;

/** c0 + c1 * x: a number that depends on one unknown bid x. */
public record Affine(BigFraction c0, BigFraction c1) {

  public static Affine constant(BigFraction c) {
    return new Affine(c, BigFraction.ZERO);
  }

  public static final Affine X = new Affine(BigFraction.ZERO, BigFraction.ONE);

  public BigFraction at(BigFraction x) {
    return c0.add(c1.multiply(x));
  }

  public boolean isConstant() {
    return c1.signum() == 0;
  }

  /** The x where this is zero; only for a non-constant function. */
  public BigFraction root() {
    return c0.negate().divide(c1);
  }
}

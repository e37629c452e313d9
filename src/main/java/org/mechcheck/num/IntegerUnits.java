package org.mechcheck.num;

import java.math.BigInteger;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.kernel.Selection;

/**
 * Exact rationals as whole multiples of one common unit 1/denominator, the form the selection
 * kernels take: comparisons are unchanged by a positive scale. Null when a value would exceed
 * the kernels' bound, so that a caller never runs a kernel outside its precondition.
 */
public record IntegerUnits(long[] values, BigInteger denominator) {
  private static final BigInteger BOUND = BigInteger.valueOf(Selection.BOUND);

  public static IntegerUnits of(List<BigFraction> xs) {
    BigInteger d = BigInteger.ONE;
    for (BigFraction x : xs) d = lcm(d, x.getDenominator().abs()); // 1.3 may keep a sign in the denominator
    long[] v = new long[xs.size()];
    for (int i = 0; i < v.length; i++) {
      BigFraction x = xs.get(i);
      BigInteger scaled = x.getNumerator().multiply(d.divide(x.getDenominator()));
      if (scaled.abs().compareTo(BOUND) > 0) return null;
      v[i] = scaled.longValueExact();
    }
    return new IntegerUnits(v, d);
  }

  public BigFraction value(long units) {
    return BigFraction.of(BigInteger.valueOf(units), denominator);
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }
}

package org.mechcheck.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/** Parsing and printing of exact rationals: "7", "-3", "7/3", "0.1" (read exactly, never via double). */
public final class Rationals {
  private Rationals() {}

  /** Parses an integer, a fraction p/q or a decimal; throws NumberFormatException with a reason. */
  public static BigFraction parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) throw new NumberFormatException("empty number");
    int slash = t.indexOf('/');
    try {
      if (slash >= 0) {
        BigInteger p = new BigInteger(t.substring(0, slash).trim());
        BigInteger q = new BigInteger(t.substring(slash + 1).trim());
        if (q.signum() == 0) throw new NumberFormatException("zero denominator in '" + s + "'");
        return BigFraction.of(p, q);
      }
      BigDecimal d = new BigDecimal(t);
      return fromDecimal(d);
    } catch (NumberFormatException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("zero denominator")) throw e;
      throw new NumberFormatException("'" + s + "' is not a number (integer, p/q or decimal)");
    }
  }

  public static BigFraction fromDecimal(BigDecimal d) {
    if (d.scale() <= 0) return BigFraction.of(d.toBigIntegerExact());
    return BigFraction.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  /** "3", "-3", "22/3": the format of every reported number. */
  public static String format(BigFraction q) {
    BigInteger num = q.getNumerator(), den = q.getDenominator();
    BigInteger g = num.gcd(den);
    if (g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    if (num.signum() == 0) return "0";
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }

  public static BigFraction q(long v) {
    return BigFraction.of(v);
  }

  public static BigFraction q(long p, long d) {
    return BigFraction.of(p, d);
  }

  public static boolean isZero(BigFraction q) {
    return q.signum() == 0;
  }
}

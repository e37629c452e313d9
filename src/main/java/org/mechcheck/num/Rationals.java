package org.mechcheck.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/** Parsing and printing of exact rationals: "7", "-3", "7/3", "0.1" (read exactly, never via double). */
public final class Rationals {
  private Rationals() {}

  /**
   * The most digits a number read from a file or an option may have, in its numerator and in its
   * denominator written out in full: {@code 1e999999999} would be a billion digits (and take
   * minutes and gigabytes to print), which no valuation needs.
   */
  public static final int MAX_DIGITS = 1000;

  /** Parses an integer, a fraction p/q or a decimal; throws NumberFormatException with a reason. */
  public static BigFraction parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) throw new NumberFormatException("empty number");
    int slash = t.indexOf('/');
    try {
      if (slash >= 0) {
        String ps = t.substring(0, slash).trim(), qs = t.substring(slash + 1).trim();
        if (digits(ps) > MAX_DIGITS || digits(qs) > MAX_DIGITS) throw tooLong(s);
        BigInteger p = new BigInteger(ps);
        BigInteger q = new BigInteger(qs);
        if (q.signum() == 0) throw new NumberFormatException("zero denominator in '" + s + "'");
        return BigFraction.of(p, q);
      }
      if (digits(t) > MAX_DIGITS) throw tooLong(s);
      BigDecimal d = new BigDecimal(t);
      return readDecimal(d);
    } catch (NumberFormatException e) {
      if (e.getMessage() != null && (e.getMessage().startsWith("zero denominator") || e.getMessage().contains(" digits when written out"))) throw e;
      throw new NumberFormatException("'" + s + "' is not a number (integer, p/q or decimal)");
    }
  }

  private static int digits(String s) {
    int k = 0;
    for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) k++;
    return k;
  }

  private static NumberFormatException tooLong(Object shown) {
    String text = shown.toString();
    if (text.length() > 40) text = text.substring(0, 20) + "..." + text.substring(text.length() - 10);
    return new NumberFormatException("'" + text + "' has more than " + MAX_DIGITS + " digits when written out as p/q (the most mechcheck reads)");
  }

  /**
   * A decimal read from a file or an option, exactly; NumberFormatException for one whose
   * numerator or denominator would have more than {@link #MAX_DIGITS} digits (1e999999999, 1e-50000000).
   */
  public static BigFraction readDecimal(BigDecimal d) {
    long integerDigits = (long) d.precision() - d.scale(); // digits before the point (the exponent counts)
    if (integerDigits > MAX_DIGITS || d.scale() > MAX_DIGITS || d.precision() > MAX_DIGITS) throw tooLong(d);
    return fromDecimal(d);
  }

  /** A decimal exactly (for numbers mechcheck computes; what it reads goes through {@link #readDecimal}). */
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

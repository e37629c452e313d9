package org.mechcheck.group;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An exact number a + b sqrt(r), a and b rational, r a square-free integer: the closed forms of
 * the uniform pair (sqrt(3/7), (sqrt(21) - 3)/4, ...). Numbers with the same r add and multiply.
 */
public record Surd(BigFraction a, BigFraction b, BigInteger r) {

  public static Surd rational(BigFraction q) {
    return new Surd(q, BigFraction.ZERO, BigInteger.ONE);
  }

  /** sqrt(d) for a rational d >= 0, as (k/m) sqrt(r) with r square-free. */
  public static Surd sqrt(BigFraction d) {
    if (d.signum() < 0) throw new IllegalArgumentException("sqrt of " + d);
    BigInteger num = d.getNumerator().abs(), den = d.getDenominator().abs();
    BigInteger nm = num.multiply(den); // sqrt(n/m) = sqrt(n m) / m
    BigInteger k = BigInteger.ONE, rest = nm;
    for (BigInteger f = BigInteger.TWO; f.multiply(f).compareTo(rest) <= 0 && f.compareTo(BigInteger.valueOf(1_000_000)) < 0; f = f.add(BigInteger.ONE)) {
      BigInteger ff = f.multiply(f);
      while (rest.mod(ff).signum() == 0) {
        rest = rest.divide(ff);
        k = k.multiply(f);
      }
    }
    if (rest.equals(BigInteger.ONE)) return rational(BigFraction.of(k, den));
    return new Surd(BigFraction.ZERO, BigFraction.of(k, den), rest);
  }

  private BigInteger common(Surd o) {
    if (b.signum() == 0) return o.r;
    if (o.b.signum() == 0 || r.equals(o.r)) return r;
    throw new IllegalArgumentException("sqrt(" + r + ") and sqrt(" + o.r + ") do not mix");
  }

  public Surd add(Surd o) {
    return new Surd(a.add(o.a), b.add(o.b), common(o));
  }

  public Surd subtract(Surd o) {
    return add(o.multiply(BigFraction.of(-1)));
  }

  public Surd multiply(BigFraction q) {
    return new Surd(a.multiply(q), b.multiply(q), r);
  }

  public Surd multiply(Surd o) {
    BigInteger rr = common(o);
    return new Surd(a.multiply(o.a).add(b.multiply(o.b).multiply(BigFraction.of(rr))), a.multiply(o.b).add(b.multiply(o.a)), rr);
  }

  public double doubleValue() {
    return a.doubleValue() + b.doubleValue() * Math.sqrt(r.doubleValue());
  }

  /** "sqrt(3/7)" when there is no rational part, else "(sqrt(21) - 3)/4"-style. */
  @Override
  public String toString() {
    if (b.signum() == 0 || r.equals(BigInteger.ONE)) return org.mechcheck.num.Rationals.format(a.add(b));
    if (a.signum() == 0) {
      BigFraction inside = b.multiply(b).multiply(BigFraction.of(r));
      return (b.signum() < 0 ? "-" : "") + "sqrt(" + org.mechcheck.num.Rationals.format(inside) + ")";
    }
    BigInteger d = lcm(a.getDenominator().abs(), b.getDenominator().abs());
    BigInteger ai = a.multiply(BigFraction.of(d)).getNumerator().divide(a.multiply(BigFraction.of(d)).getDenominator());
    BigInteger bi = b.multiply(BigFraction.of(d)).getNumerator().divide(b.multiply(BigFraction.of(d)).getDenominator());
    String root = (bi.abs().equals(BigInteger.ONE) ? "" : bi.abs() + " ") + "sqrt(" + r + ")";
    String body = bi.signum() > 0 ? root + (ai.signum() < 0 ? " - " : " + ") + ai.abs() : ai + " - " + root;
    return d.equals(BigInteger.ONE) ? body : "(" + body + ")/" + d;
  }

  private static BigInteger lcm(BigInteger x, BigInteger y) {
    return x.divide(x.gcd(y)).multiply(y);
  }
}

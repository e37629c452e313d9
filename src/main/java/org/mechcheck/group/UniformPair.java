package org.mechcheck.group;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;

/**
 * Closed forms for two members with values U[0, a1] and U[0, a2] (spec/group.md derives them).
 * phi_i(v) = 2v - a_i is uniform on [-a_i, a_i]; with a1 &lt;= a2 the optimal weights are
 * w1 = a2 / sqrt(3 a1^2 + a2^2), w2 = 1 - w1 (sqrt(3/7) for the slides' U[0,2], U[0,3]); the group
 * buys iff w1 v1 + w2 v2 >= delta = (a1 w1 + a2 w2) / 2 (= 1 + w2/2 there); the revenue per member
 * is a2 (sqrt(3 a1^2 + a2^2) - a2) / (6 a1); the best posted price is
 * p = (a1 + a2 - sqrt(a1^2 - a1 a2 + a2^2)) / 3 with revenue p (1 - p/a1)(1 - p/a2) per member.
 */
public record UniformPair(Surd w1, Surd w2, Surd delta, Surd revenuePerMember, Surd postedPrice, Surd postedRevenuePerMember) {

  /** The closed forms when the members are U(0,a1) and U(0,a2) with rational a1, a2 > 0. */
  public static Optional<UniformPair> of(String spec1, String spec2) {
    Optional<BigFraction> a1 = upper(spec1), a2 = upper(spec2);
    if (a1.isEmpty() || a2.isEmpty()) return Optional.empty();
    return Optional.of(of(a1.get(), a2.get()));
  }

  public static UniformPair of(BigFraction a1, BigFraction a2) {
    if (a1.compareTo(a2) > 0) {
      UniformPair s = of(a2, a1); // the formulas take the weaker member first
      return new UniformPair(s.w2, s.w1, s.delta, s.revenuePerMember, s.postedPrice, s.postedRevenuePerMember);
    }
    BigFraction d = a1.multiply(a1).multiply(3).add(a2.multiply(a2));
    Surd root = Surd.sqrt(d);
    Surd w1 = root.multiply(a2.divide(d)); // a2 / sqrt(d) = a2 sqrt(d) / d
    Surd w2 = Surd.rational(BigFraction.ONE).subtract(w1);
    Surd delta = w1.multiply(a1).add(w2.multiply(a2)).multiply(BigFraction.of(1, 2));
    Surd revenue = root.subtract(Surd.rational(a2)).multiply(a2.divide(a1.multiply(6)));
    Surd p = Surd.rational(a1.add(a2)).subtract(Surd.sqrt(a1.multiply(a1).subtract(a1.multiply(a2)).add(a2.multiply(a2)))).multiply(BigFraction.of(1, 3));
    Surd one = Surd.rational(BigFraction.ONE);
    Surd posted = p.multiply(one.subtract(p.multiply(a1.reciprocal()))).multiply(one.subtract(p.multiply(a2.reciprocal())));
    return new UniformPair(w1, w2, delta, revenue, p, posted);
  }

  private static Optional<BigFraction> upper(String spec) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)U\\(\\s*0\\s*,([^,()]+)\\)").matcher(spec.trim());
    if (!m.matches()) return Optional.empty();
    try {
      BigFraction a = Rationals.parse(m.group(1));
      return a.signum() > 0 ? Optional.of(a) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

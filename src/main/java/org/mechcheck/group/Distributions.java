package org.mechcheck.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.ExponentialDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.special.Beta;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;

/**
 * Reads a member's value distribution (spec/group.md, "Distributions"):
 * <pre>
 *   U(lo,hi)             uniform on [lo, hi]
 *   Exp(rate)            exponential with that rate on [0, inf); Exp(rate,s): s plus it
 *   Beta(a,b)            beta on [0, 1]
 *   TN(mu,sigma,lo,hi)   normal N(mu, sigma^2) truncated to [lo, hi] (hi may be inf)
 *   D(v1:p1,...,vm:pm)   finite discrete; probabilities add up to 1 exactly
 * </pre>
 * Numbers are integers, p/q or decimals. Values are at least 0: a group does not pay to be sold to.
 */
public final class Distributions {
  private Distributions() {}

  private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z]+)\\s*\\((.*)\\)\\s*");

  public static ValueDistribution parse(String text) {
    Matcher m = CALL.matcher(text);
    if (!m.matches()) throw bad(text, "not a distribution; write U(lo,hi), Exp(rate), Beta(a,b), TN(mu,sigma,lo,hi) or D(v1:p1,...)");
    String family = m.group(1).toLowerCase(Locale.ROOT);
    String[] args = m.group(2).split(",", -1);
    String spec = text.replaceAll("\\s+", "");
    return switch (family) {
      case "u" -> uniform(spec, args);
      case "exp" -> exponential(spec, args);
      case "beta" -> beta(spec, args);
      case "tn" -> truncatedNormal(spec, args);
      case "d" -> discrete(spec, args);
      default -> throw bad(text, "unknown family '" + m.group(1) + "' (known: U, Exp, Beta, TN, D)");
    };
  }

  private static ValueDistribution uniform(String spec, String[] a) {
    arity(spec, a, 2, "U(lo,hi)");
    double lo = num(spec, a[0]), hi = num(spec, a[1]);
    nonNegative(spec, lo);
    if (!(hi > lo)) throw bad(spec, "needs lo < hi");
    return new ContinuousValue(spec, new UniformRealDistribution(lo, hi), 0, v -> hi - v, true);
  }

  private static ValueDistribution exponential(String spec, String[] a) {
    if (a.length != 1 && a.length != 2) throw bad(spec, "takes 1 or 2 numbers: Exp(rate) or Exp(rate,shift)");
    double rate = num(spec, a[0]), shift = a.length == 2 ? num(spec, a[1]) : 0;
    if (!(rate > 0)) throw bad(spec, "the rate must be positive");
    nonNegative(spec, shift);
    return new ContinuousValue(spec, new ExponentialDistribution(1 / rate), shift, v -> 1 / rate, true);
  }

  private static ValueDistribution beta(String spec, String[] a) {
    arity(spec, a, 2, "Beta(a,b)");
    double p = num(spec, a[0]), q = num(spec, a[1]);
    if (!(p > 0 && q > 0)) throw bad(spec, "both shape parameters must be positive");
    BetaDistribution d = new BetaDistribution(p, q);
    // 1 - F(x) = I_{1-x}(q, p): the upper tail from its own series
    // at 0 the density is infinite (p < 1), q (p = 1) or 0 (p > 1)
    double atZero = p < 1 ? 0 : p == 1 ? 1 / q : Double.POSITIVE_INFINITY;
    return new ContinuousValue(spec, d, 0, x -> x >= 1 ? 0 : x <= 0 ? atZero : Beta.regularizedBeta(1 - x, q, p) / d.density(x), false);
  }

  private static ValueDistribution truncatedNormal(String spec, String[] a) {
    arity(spec, a, 4, "TN(mu,sigma,lo,hi)");
    double mu = num(spec, a[0]), sigma = num(spec, a[1]), lo = num(spec, a[2]);
    double hi = a[3].trim().equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : num(spec, a[3]);
    if (!(sigma > 0)) throw bad(spec, "sigma must be positive");
    nonNegative(spec, lo);
    if (!(hi > lo)) throw bad(spec, "needs lo < hi");
    TruncatedNormal d = new TruncatedNormal(mu, sigma, lo, hi);
    if (!(d.cumulativeProbability(lo + (Math.min(hi, lo + 10 * sigma) - lo) / 2) > 0)) throw bad(spec, "[lo, hi] lies too far in the normal's tail");
    return new ContinuousValue(spec, d, 0, d::inverseHazard, false);
  }

  private static ValueDistribution discrete(String spec, String[] a) {
    List<BigFraction[]> atoms = new ArrayList<>();
    for (String s : a) {
      String[] vp = s.split(":", -1);
      if (vp.length != 2) throw bad(spec, "'" + s.trim() + "' is not value:probability");
      BigFraction v = exact(spec, vp[0]), p = exact(spec, vp[1]);
      if (v.signum() < 0) throw bad(spec, "negative support: value " + vp[0].trim() + " (values are at least 0)");
      if (p.signum() <= 0) throw bad(spec, "probability " + vp[1].trim() + " is not positive");
      atoms.add(new BigFraction[] {v, p});
    }
    atoms.sort((x, y) -> x[0].compareTo(y[0]));
    List<BigFraction> values = new ArrayList<>(), probs = new ArrayList<>();
    BigFraction total = BigFraction.ZERO;
    for (BigFraction[] vp : atoms) {
      if (!values.isEmpty() && values.get(values.size() - 1).equals(vp[0])) throw bad(spec, "value " + Rationals.format(vp[0]) + " appears twice");
      values.add(vp[0]);
      probs.add(vp[1]);
      total = total.add(vp[1]);
    }
    if (!total.equals(BigFraction.ONE)) throw bad(spec, "probabilities add up to " + Rationals.format(total) + ", not 1");
    return new DiscreteValue(spec, values, probs);
  }

  private static void arity(String spec, String[] a, int n, String form) {
    if (a.length != n) throw bad(spec, "takes " + n + " numbers: " + form);
  }

  private static void nonNegative(String spec, double lo) {
    if (lo < 0) throw bad(spec, "negative support: lower end " + lo + " (values are at least 0)");
  }

  private static BigFraction exact(String spec, String s) {
    try {
      return Rationals.parse(s);
    } catch (NumberFormatException e) {
      throw bad(spec, e.getMessage());
    }
  }

  private static double num(String spec, String s) {
    return exact(spec, s).doubleValue();
  }

  private static InputException bad(String spec, String why) {
    return new InputException("--member " + spec.trim() + ": " + why);
  }
}

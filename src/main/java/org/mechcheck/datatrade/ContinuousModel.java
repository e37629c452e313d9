package org.mechcheck.datatrade;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;

/**
 * A continuous Markov chain for 004's FPTAS (§3.3): every v_i has support [L0, H0] and, given
 * v_{i-1} = w, the exponentially tilted density f(v | w) = a e^{a (v - L0)} / (e^{a (H0 - L0)} - 1)
 * with a = kappa w (uniform when a = 0). log f(v | w) has derivative kappa (v - E[V | w]) in w, so
 * f is K0-log-Lipschitz (Definition 3.7) with K0 = |kappa| (H0 - L0), for every w.
 */
public record ContinuousModel(int n, BigFraction lo, BigFraction hi, BigFraction kappa) {

  public ContinuousModel {
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    if (hi.compareTo(lo) <= 0) throw new InputException("--H0: " + Rationals.format(hi) + " must exceed --L0 " + Rationals.format(lo));
    double span = Math.abs(kappa.doubleValue()) * Math.max(Math.abs(lo.doubleValue()), Math.abs(hi.doubleValue())) * (hi.doubleValue() - lo.doubleValue());
    if (span > 600) throw new InputException("--kappa: |kappa| max|v| (H0 - L0) = " + span + " overflows the densities (at most 600)");
  }

  /** K0 of Definition 3.7 for this family. */
  public BigFraction k0() {
    return kappa.abs().multiply(hi.subtract(lo));
  }

  /** F(x | w) for x in [L0, H0]. */
  public double cdf(double x, double w) {
    double l = lo.doubleValue(), h = hi.doubleValue();
    if (x <= l) return 0;
    if (x >= h) return 1;
    double a = kappa.doubleValue() * w;
    if (Math.abs(a) < 1e-12) return (x - l) / (h - l);
    return Math.expm1(a * (x - l)) / Math.expm1(a * (h - l));
  }

  /** f(x | w) for x in [L0, H0]. */
  public double density(double x, double w) {
    double l = lo.doubleValue(), h = hi.doubleValue();
    double a = kappa.doubleValue() * w;
    if (Math.abs(a) < 1e-12) return 1 / (h - l);
    return a * Math.exp(a * (x - l)) / Math.expm1(a * (h - l));
  }

  public String describe() {
    return "f(v | w) proportional to exp(" + Rationals.format(kappa) + " w v) on [" + Rationals.format(lo) + ", " + Rationals.format(hi) + "], n = " + n + ", K0 = " + Rationals.format(k0());
  }
}

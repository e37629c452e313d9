package org.mechcheck.group;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;
import org.hipparchus.special.Erf;
import org.hipparchus.util.FastMath;

/**
 * The normal distribution N(mu, sigma^2) conditioned on [lo, hi] (Hipparchus has none). Tails are
 * computed with erfc so that the inverse hazard rate keeps its digits near hi.
 */
final class TruncatedNormal extends AbstractRealDistribution {
  private static final double SQRT2 = FastMath.sqrt(2);
  private final double mu, sigma, lo, hi, alpha, beta, mass;

  TruncatedNormal(double mu, double sigma, double lo, double hi) {
    this.mu = mu;
    this.sigma = sigma;
    this.lo = lo;
    this.hi = hi;
    this.alpha = (lo - mu) / sigma;
    this.beta = (hi - mu) / sigma;
    this.mass = between(alpha, beta);
  }

  /** Phi(b) - Phi(a) for a <= b, without cancellation in either tail. */
  private static double between(double a, double b) {
    if (a >= 0) return (Erf.erfc(a / SQRT2) - Erf.erfc(b / SQRT2)) / 2;
    if (b <= 0) return (Erf.erfc(-b / SQRT2) - Erf.erfc(-a / SQRT2)) / 2;
    return 1 - (Erf.erfc(-a / SQRT2) + Erf.erfc(b / SQRT2)) / 2;
  }

  private static double pdf(double z) {
    return FastMath.exp(-z * z / 2) / FastMath.sqrt(2 * FastMath.PI);
  }

  /** (1 - F(x)) / f(x) = (Phi(beta) - Phi(z)) / phi(z): the truncation mass cancels. */
  double inverseHazard(double x) {
    double z = (x - mu) / sigma;
    if (z >= beta) return 0;
    return sigma * between(z, beta) / pdf(z);
  }

  @Override
  public double density(double x) {
    if (x < lo || x > hi) return 0;
    return pdf((x - mu) / sigma) / (sigma * mass);
  }

  @Override
  public double cumulativeProbability(double x) {
    if (x <= lo) return 0;
    if (x >= hi) return 1;
    return between(alpha, (x - mu) / sigma) / mass;
  }

  @Override
  public double getNumericalMean() {
    return mu + sigma * (pdf(alpha) - pdf(beta)) / mass;
  }

  @Override
  public double getNumericalVariance() {
    double a = Double.isInfinite(alpha) ? 0 : alpha * pdf(alpha), b = Double.isInfinite(beta) ? 0 : beta * pdf(beta);
    double m = (pdf(alpha) - pdf(beta)) / mass;
    return sigma * sigma * (1 + (a - b) / mass - m * m);
  }

  @Override
  public double getSupportLowerBound() {
    return lo;
  }

  @Override
  public double getSupportUpperBound() {
    return hi;
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}

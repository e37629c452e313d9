package org.mechcheck.datatrade;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.store.InputException;

/**
 * Algorithm 4 of 004 (Appendix B, proof in C.4): an epsilon-approximate sequential equilibrium of a
 * continuous chain with K0-log-Lipschitz densities on [L0, H0]. Discretize with step
 * eps0 = min(eps, 1) / (4 (1 + n K0) (1 + max(0, -L0))) (eps / 2 when H0 &lt;= 0), L = floor((H0 - L0) /
 * eps0) + 1 grid points w_l = L0 + l eps0, q_{k,l} = F(w_{l+1} | w_k) - F(w_l | w_k) with F(w_0 | .) = 0
 * and F(w_L | .) = 1; solve the discrete model exactly (Algorithm 1, here the fast algorithm); lift
 * the strategies to piecewise-constant ones by rounding v down to its grid point (Equation 26).
 *
 * <p>The grid, eps0 and L are exact rationals. The cell probabilities of a continuous density are
 * irrational: they are computed in doubles and the discrete model is solved in doubles too
 * ({@link Field#DOUBLE}), so the output is an approximation by construction and reported as such.
 */
public final class Fptas {
  private Fptas() {}

  public record Result(ContinuousModel model, Reallocation t, TieBreak tieBreak, BigFraction epsilon, BigFraction eps0, int L, Chain discrete, Equilibrium<Double> equilibrium, double seconds) {
    /** k(v) of Equation 26: the grid cell of v (the top value H0 falls in the last cell). */
    public int cell(double v) {
      int k = (int) Math.floor((v - model.lo().doubleValue()) / eps0.doubleValue());
      return Math.max(0, Math.min(L - 1, k));
    }

    /** Lifted threshold s~_i(v) = u*(i, k(v)) (player 0's gain for i = 0). */
    public double threshold(int i, double v) {
      return equilibrium.u[i][cell(v)];
    }

    /** Lifted price p~_i(v) = p*(i, k(v)). */
    public double price(int i, double v) {
      return equilibrium.p[i][cell(v)];
    }

    public double left(int k) {
      return discrete.w[k].doubleValue();
    }

    /** Right end of cell k: w_{k+1}, or H0 for the last cell. */
    public double right(int k) {
      return k + 1 < L ? model.lo().doubleValue() + (k + 1) * eps0.doubleValue() : model.hi().doubleValue();
    }
  }

  /** eps0 of Algorithm 4, lines 2-6. */
  public static BigFraction eps0(BigFraction eps, ContinuousModel m) {
    if (m.hi().signum() <= 0) return eps.divide(2);
    BigFraction minEps = eps.compareTo(BigFraction.ONE) < 0 ? eps : BigFraction.ONE;
    BigFraction negLo = m.lo().signum() < 0 ? m.lo().negate() : BigFraction.ZERO;
    return minEps.divide(BigFraction.of(4).multiply(BigFraction.ONE.add(m.k0().multiply(m.n()))).multiply(BigFraction.ONE.add(negLo)));
  }

  /** L of Algorithm 4, line 7: floor((H0 - L0) / eps0) + 1. */
  public static int gridSize(BigFraction eps0, ContinuousModel m) {
    BigFraction r = m.hi().subtract(m.lo()).divide(eps0);
    BigInteger fl = r.getNumerator().divide(r.getDenominator());
    if (fl.compareTo(BigInteger.valueOf(5000)) >= 0) throw new InputException("--epsilon: the grid would have " + fl.add(BigInteger.ONE) + " points (at most 5000); take a larger epsilon");
    return fl.intValueExact() + 1;
  }

  public static Result solve(ContinuousModel m, Reallocation t, TieBreak tb, BigFraction eps) {
    if (eps.signum() <= 0) throw new InputException("--epsilon: must be positive");
    if (t.n != m.n()) throw new InputException("t: " + t.n + " trades but the chain has n = " + m.n());
    long t0 = System.nanoTime();
    BigFraction e0 = eps0(eps, m);
    int L = gridSize(e0, m);
    BigFraction[] w = new BigFraction[L];
    for (int l = 0; l < L; l++) w[l] = m.lo().add(e0.multiply(l));
    BigFraction[][] q = new BigFraction[L][L];
    for (int k = 0; k < L; k++) {
      double wk = w[k].doubleValue();
      // cell masses as differences of the (rounded, monotone) CDF at the cell ends: they telescope to exactly 1
      BigFraction prev = BigFraction.ZERO;
      for (int l = 0; l < L; l++) {
        BigFraction next = l + 1 < L ? BigFraction.from(Math.min(1, Math.max(prev.doubleValue(), m.cdf(w[l + 1].doubleValue(), wk)))) : BigFraction.ONE;
        if (next.compareTo(prev) < 0) next = prev;
        q[k][l] = next.subtract(prev);
        prev = next;
      }
    }
    int v0 = 0; // player 0's valuation does not enter the strategies; the lifted profile covers every v_0
    Chain c = Chain.stationary("Algorithm 4 discretization, " + m.describe(), m.n(), w, v0, q);
    Equilibrium<Double> e = FastAlgorithm.solve(c, t, tb, Field.DOUBLE);
    return new Result(m, t, tb, eps, e0, L, c, e, (System.nanoTime() - t0) / 1e9);
  }
}

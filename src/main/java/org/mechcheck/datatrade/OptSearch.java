package org.mechcheck.datatrade;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * OPT of 004 §5.1: the budget-balanced mechanism with the highest equilibrium social welfare,
 * searched as Appendix D does: each row t_{i,0..i-1} = softmax(x_{i,0..i-1}), an unconstrained
 * problem in n(n+1)/2 variables, started from AVE (x = 0). The optimiser is Hipparchus' CMA-ES
 * (the paper used SciPy's differential evolution); the objective is the exact expected welfare
 * of {@link Evaluation} computed in doubles (the paper averaged 10,000 sampled profiles).
 * Restarts continue from the best point so far with a fresh seed. Each candidate's shares are
 * rounded to multiples of 2^-20 (rows still summing to exactly 1), so the reported matrix is
 * exact and its welfare is re-evaluated in exact arithmetic. No share rounds to 0: softmax's image
 * is the open simplex, and a seller with no share of her own sale is indifferent between prices,
 * which would hand the tie-break a choice the paper's parameterisation never offers.
 */
public final class OptSearch {
  private OptSearch() {}

  public static final int DENOMINATOR_BITS = 20;

  public record Result(Reallocation t, double[] x, double objective, int evaluations, double seconds) {}

  public static Result search(Chain c, TieBreak tb, long seed, int restarts, int evalsPerRestart, double[] start) {
    int n = c.n, dim = n * (n + 1) / 2;
    long t0 = System.nanoTime();
    double[] best = start != null ? start.clone() : new double[dim];
    if (best.length != dim) throw new org.mechcheck.store.InputException("OPT start: " + best.length + " variables, need n(n+1)/2 = " + dim);
    double bestVal = welfare(c, tb, best);
    int[] evals = {1};
    for (int r = 0; r < restarts; r++) {
      CMAESOptimizer opt = new CMAESOptimizer(10_000, Double.POSITIVE_INFINITY, true, 0, 0, new Well19937c(seed + r), false, null);
      double[] sigma = new double[dim];
      java.util.Arrays.fill(sigma, r == 0 ? 1.0 : 0.5);
      PointValuePair p;
      try {
        p = opt.optimize(new MaxEval(evalsPerRestart), new ObjectiveFunction(x -> {
          evals[0]++;
          return welfare(c, tb, x);
        }), GoalType.MAXIMIZE, new InitialGuess(best), SimpleBounds.unbounded(dim), new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(dim))));
      } catch (org.hipparchus.exception.MathIllegalStateException budgetSpent) {
        p = null; // MaxEval reached: the best point seen is kept through the tracker below
      }
      if (p != null && p.getValue() > bestVal) {
        bestVal = p.getValue();
        best = p.getPoint();
      }
      if (tracker.get() != null && tracker.get().getValue() > bestVal) {
        bestVal = tracker.get().getValue();
        best = tracker.get().getPoint();
      }
      tracker.remove();
    }
    return new Result(matrix(n, best), best, bestVal, evals[0], (System.nanoTime() - t0) / 1e9);
  }

  // the best point any evaluation saw (CMA-ES reports its last mean when the budget runs out)
  private static final ThreadLocal<PointValuePair> tracker = new ThreadLocal<>();

  /** Equilibrium welfare of the mechanism softmax(x), in doubles. */
  public static double welfare(Chain c, TieBreak tb, double[] x) {
    Reallocation t = matrix(c.n, x);
    double v = Evaluation.of(FastAlgorithm.solve(c, t, tb, Field.DOUBLE)).sw();
    PointValuePair b = tracker.get();
    if (b == null || v > b.getValue()) tracker.set(new PointValuePair(x.clone(), v));
    return v;
  }

  /** Row-wise softmax, rounded to multiples of 2^-20 with the rounding remainder given to the row's largest share. */
  public static Reallocation matrix(int n, double[] x) {
    BigFraction[][] t = Reallocation.empty(n);
    long den = 1L << DENOMINATOR_BITS;
    int at = 0;
    for (int i = 1; i <= n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < i; j++) max = Math.max(max, x[at + j]);
      double[] e = new double[i];
      double sum = 0;
      for (int j = 0; j < i; j++) sum += (e[j] = Math.exp(x[at + j] - max));
      long[] a = new long[i];
      long total = 0;
      int big = 0;
      for (int j = 0; j < i; j++) {
        a[j] = Math.max(1, (long) Math.floor(e[j] / sum * den)); // softmax is never 0: neither is a share
        total += a[j];
        if (e[j] > e[big]) big = j;
      }
      a[big] += den - total;
      for (int j = 0; j < i; j++) t[i][j] = BigFraction.of(BigInteger.valueOf(a[j]), BigInteger.valueOf(den));
      at += i;
    }
    return new Reallocation("OPT", t);
  }
}

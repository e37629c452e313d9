package org.mechcheck.group;

import java.util.List;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.optim.PointValuePair;

/**
 * The slides' step 2: w* in argmin over the simplex of g(w) = E[max(sum_i w_i phi_i(v_i), 0)], a
 * convex function. Two members: the derivative along the simplex, R_1(w) - R_2(w), is
 * non-decreasing in w_1, and its sign change (Brent) is the minimiser, a corner when it has none.
 * More members: Nelder-Mead (Hipparchus) over the first n-1 weights, each point projected onto the
 * simplex, the distance to it added as a penalty, restarted once from its own answer.
 */
public final class OptimalWeights {
  private OptimalWeights() {}

  public static double[] of(List<Member> members) {
    int n = members.size();
    if (n == 1) return new double[] {1};
    if (n == 2) return two(members);
    return many(members);
  }

  private static double[] two(List<Member> members) {
    java.util.function.DoubleUnaryOperator slope = w1 -> {
      double[] r = new WeightedSurplus(members, new double[] {w1, 1 - w1}).memberSurplus();
      return r[0] - r[1];
    };
    if (slope.applyAsDouble(0) >= 0) return new double[] {0, 1};
    if (slope.applyAsDouble(1) <= 0) return new double[] {1, 0};
    double w1 = new BrentSolver(1e-13, 1e-13).solve(200, slope::applyAsDouble, 0, 1);
    return new double[] {w1, 1 - w1};
  }

  private static double[] many(List<Member> members) {
    int n = members.size();
    ObjectiveFunction f = new ObjectiveFunction(x -> {
      double[] raw = new double[n];
      double rest = 1;
      for (int i = 0; i < n - 1; i++) {
        raw[i] = x[i];
        rest -= x[i];
      }
      raw[n - 1] = rest;
      double[] w = Simplex.project(raw);
      double dist = 0;
      for (int i = 0; i < n; i++) dist += Math.abs(raw[i] - w[i]);
      return new WeightedSurplus(members, w).value() + dist;
    });
    double[] start = new double[n - 1];
    java.util.Arrays.fill(start, 1.0 / n);
    double step = 0.2;
    PointValuePair best = null;
    for (int round = 0; round < 3; round++) {
      SimplexOptimizer opt = new SimplexOptimizer(1e-12, 1e-14);
      best = opt.optimize(new MaxEval(4000), f, GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(n - 1, step));
      start = best.getPoint();
      step /= 10;
    }
    double[] raw = new double[n];
    double rest = 1;
    for (int i = 0; i < n - 1; i++) {
      raw[i] = start[i];
      rest -= start[i];
    }
    raw[n - 1] = rest;
    return Simplex.project(raw);
  }
}

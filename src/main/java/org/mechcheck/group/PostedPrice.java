package org.mechcheck.group;

import java.util.List;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * The benchmark on the slides: each member is offered the good at price p and the group buys iff
 * every member accepts, so the revenue per member is p * prod_i P[v_i >= p]. The best p: a grid
 * over [0, min_i hi_i], refined by Brent around the best grid point, and every atom of a discrete
 * member (where the revenue jumps) tried as well.
 */
public final class PostedPrice {
  private PostedPrice() {}

  public record Best(double price, double revenuePerMember) {}

  public static double revenuePerMember(List<Member> members, double p) {
    double r = p;
    for (Member m : members) r *= m.distribution().survivalAtLeast(p);
    return r;
  }

  public static Best best(List<Member> members) {
    double top = Double.POSITIVE_INFINITY;
    for (Member m : members) {
      ValueDistribution d = m.distribution();
      top = Math.min(top, Double.isFinite(d.hi()) ? d.hi() : d.quantile(1 - 1e-12));
    }
    int steps = 4000;
    double bestP = 0, bestR = 0;
    for (int k = 0; k <= steps; k++) {
      double p = top * k / steps, r = revenuePerMember(members, p);
      if (r > bestR) {
        bestR = r;
        bestP = p;
      }
    }
    double from = Math.max(0, bestP - top / steps), to = Math.min(top, bestP + top / steps);
    if (to > from) {
      UnivariatePointValuePair q = new BrentOptimizer(1e-14, 1e-16).optimize(new MaxEval(500), GoalType.MAXIMIZE,
          new UnivariateObjectiveFunction(p -> revenuePerMember(members, p)), new SearchInterval(from, to, bestP));
      if (q.getValue() > bestR) {
        bestR = q.getValue();
        bestP = q.getPoint();
      }
    }
    for (Member m : members) {
      if (m.distribution() instanceof DiscreteValue d) {
        for (var v : d.values()) {
          double p = v.doubleValue(), r = p <= top ? revenuePerMember(members, p) : 0;
          if (r > bestR) {
            bestR = r;
            bestP = p;
          }
        }
      }
    }
    return new Best(bestP, bestR);
  }
}

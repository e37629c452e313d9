package org.mechcheck.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mechcheck.store.InputException;

/**
 * One analysis of a group sale (what {@code mechcheck group} prints): the mechanism for the optimal
 * or the given weights, the best posted price, BIC and interim IR as measured, ex-post IR as
 * measured, and optimality against random feasible weightings.
 */
public record GroupSale(
    EqualShareMechanism mechanism,
    boolean optimalWeights,
    PostedPrice.Best posted,
    IncentiveCheck.Result incentives,
    RandomWeightings random,
    Optional<UniformPair> closedForm,
    double seconds,
    double weightsSeconds) {
  // weightsSeconds: the weights, the mechanism and its revenue, without the checks

  /** The best of {@code count} uniform random weightings (seed): revenue min_i R_i(w) and the objective g(w). */
  public record RandomWeightings(int count, long seed, double bestRevenue, double lowestObjective) {}

  public static List<Member> members(List<String> specs) {
    if (specs == null || specs.isEmpty()) throw new InputException("--member: give at least one member (e.g. --member 'U(0,2)')");
    List<Member> ms = new ArrayList<>();
    for (String s : specs) ms.add(new Member(Distributions.parse(s)));
    return ms;
  }

  public static GroupSale analyse(List<Member> members, double[] givenWeights, int randomCount, long seed, int reportGrid, int othersBudget) {
    long start = System.nanoTime();
    double[] w = givenWeights != null ? givenWeights : OptimalWeights.of(members);
    EqualShareMechanism m = new EqualShareMechanism(members, w);
    m.revenuePerMember();
    double weightsSeconds = (System.nanoTime() - start) / 1e9; // weights, allocation, shares and revenue
    PostedPrice.Best posted = PostedPrice.best(members);
    IncentiveCheck.Result ic = IncentiveCheck.of(m, reportGrid, othersBudget);
    RandomWeightings rw = random(members, randomCount, seed);
    Optional<UniformPair> cf = members.size() == 2 ? UniformPair.of(members.get(0).distribution().spec(), members.get(1).distribution().spec()) : Optional.empty();
    return new GroupSale(m, givenWeights == null, posted, ic, rw, cf, (System.nanoTime() - start) / 1e9, weightsSeconds);
  }

  public static RandomWeightings random(List<Member> members, int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double best = Double.NEGATIVE_INFINITY, lowest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      double[] w = Simplex.sample(members.size(), rnd);
      WeightedSurplus s = new WeightedSurplus(members, w);
      double rev = Double.POSITIVE_INFINITY;
      for (double r : s.memberSurplus()) rev = Math.min(rev, r);
      best = Math.max(best, rev);
      lowest = Math.min(lowest, s.value());
    }
    return new RandomWeightings(count, seed, best, lowest);
  }

  /**
   * The threshold delta when every member's virtual value is affine (uniform, exponential):
   * sum_i w_i phi_i(v_i) = sum_i w_i (alpha_i v_i - beta_i) with alpha_i = phi_i(1) - phi_i(0), so the group
   * buys iff sum_i w_i alpha_i v_i >= delta = sum_i w_i beta_i. Empty otherwise. Returns {alpha_1..n, delta}.
   */
  public Optional<double[]> affineThreshold() {
    List<Member> ms = mechanism.members();
    double[] w = mechanism.weights();
    double[] out = new double[ms.size() + 1];
    for (int i = 0; i < ms.size(); i++) {
      ValueDistribution d = ms.get(i).distribution();
      if (!d.affineVirtualValue() || !ms.get(i).regular()) return Optional.empty();
      double x0 = d.lo(), x1 = Double.isFinite(d.hi()) ? d.hi() : d.lo() + 1;
      double alpha = (d.virtualValue(x1) - d.virtualValue(x0)) / (x1 - x0);
      double beta = alpha * x0 - d.virtualValue(x0);
      out[i] = alpha;
      out[ms.size()] += w[i] * beta;
    }
    return Optional.of(out);
  }
}

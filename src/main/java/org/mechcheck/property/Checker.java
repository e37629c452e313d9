package org.mechcheck.property;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;

/**
 * Concrete property checks on one network, exactly. The others report truthfully; the agent
 * under test ranges over her whole deviation space: every subset of the neighbours she could
 * inform, combined with every bid (via {@link BidSweep}, which visits every breakpoint and the
 * pieces between them). Each violation names the agent, the deviation and both utilities.
 */
public final class Checker {
  private static final Exact A = Exact.INSTANCE;
  private final Mechanism mechanism;
  private final Benchmark benchmark;

  public Checker(Mechanism mechanism, Benchmark benchmark) {
    this.mechanism = mechanism;
    this.benchmark = benchmark;
  }

  public Checker(Mechanism mechanism) {
    this(mechanism, Benchmark.VICKREY);
  }

  public List<Violation> check(Market market, Set<Property> properties) {
    Profile<BigFraction> truthful = Profile.truthful(market, A);
    Outcome<BigFraction> outcome = mechanism.run(truthful, A);
    List<Violation> found = new ArrayList<>();
    if (properties.contains(Property.IR) || properties.contains(Property.IC)) {
      for (int v = 1; v < market.size(); v++) {
        if (truthful.graph().informed(v)) found.addAll(checkAgent(truthful, outcome, v, properties));
      }
    }
    if (properties.contains(Property.BB)) {
      BigFraction rev = outcome.revenue(A);
      if (rev.signum() < 0) found.add(new Violation(Property.BB, -1, null, rev, BigFraction.ZERO, "revenue " + Rationals.format(rev) + " < 0"));
    }
    if (properties.contains(Property.EFF)) {
      BigFraction realised = welfare(outcome);
      BigFraction best = optimalWelfare(truthful, A);
      if (realised.compareTo(best) < 0) {
        found.add(new Violation(Property.EFF, -1, null, realised, best, "welfare " + Rationals.format(realised) + " < W* = " + Rationals.format(best)));
      }
    }
    if (properties.contains(Property.REV)) {
      BigFraction rev = outcome.revenue(A);
      BigFraction bench = benchmark.value(truthful, A);
      if (rev.compareTo(bench) < 0) {
        found.add(new Violation(Property.REV, -1, null, rev, bench,
            "revenue " + Rationals.format(rev) + " < " + benchmark.id() + " benchmark " + Rationals.format(bench)));
      }
    }
    if (properties.contains(Property.NW)) {
      int k = market.units();
      int buyers = informedBidders(truthful);
      BigFraction sold = outcome.unitsAllocated();
      if (buyers >= k && sold.compareTo(BigFraction.of(k)) < 0) {
        found.add(new Violation(Property.NW, -1, null, sold, BigFraction.of(k),
            Rationals.format(sold) + " of " + k + " units allocated although " + buyers + " buyers are informed"));
      }
    }
    if (properties.contains(Property.EQ)) found.addAll(equals(truthful, outcome));
    if (properties.contains(Property.LEMMA1)) found.addAll(lemma1(truthful));
    return found;
  }

  /**
   * W*, the optimal welfare of a profile: 000's efficient allocation of one unit along a
   * lowest-cost chain ({@link Welfare}) when one unit is for sale; with k > 1 units, one per
   * buyer and no costs (the multi-unit social model of 002), the sum of the k highest informed bids.
   */
  public static <N> N optimalWelfare(Profile<N> p, org.mechcheck.num.Arith<N> a) {
    Market m = p.market();
    if (m.units() == 1) return new Welfare<>(p, a).best();
    for (int v = 1; v < m.size(); v++) {
      if (m.isIntermediary(v)) throw new IllegalArgumentException("optimal welfare with " + m.units() + " units is defined for social networks (no costs); " + m.id(v) + " is an intermediary");
    }
    return org.mechcheck.multiunit.Units.welfare(p, a);
  }

  /** The informed bidders of a profile: how many buyers take part. */
  public static int informedBidders(Profile<?> p) {
    int c = 0;
    for (int v : p.graph().informed().stream().toArray()) if (p.market().isBidder(v)) c++;
    return c;
  }

  public List<Violation> check(Market market) {
    return check(market, EnumSet.allOf(Property.class));
  }

  /** IR and IC for one informed agent: the most profitable deviation, and any deviation leaving an intermediary below 0. */
  private List<Violation> checkAgent(Profile<BigFraction> truthful, Outcome<BigFraction> outcome, int v, Set<Property> properties) {
    Market market = truthful.market();
    BigFraction truth = utility(outcome, v);
    List<Violation> found = new ArrayList<>();
    if (properties.contains(Property.IR) && truth.signum() < 0) {
      found.add(new Violation(Property.IR, v, Deviation.TRUTHFUL, truth, truth, market.id(v) + "'s truthful utility " + Rationals.format(truth) + " < 0"));
    }
    BitSet all = truthful.informs(v);
    Deviation bestDev = null;
    BigFraction bestU = truth;
    Deviation worstDev = null;
    BigFraction worstU = BigFraction.ZERO;
    for (BitSet informs : subsets(all)) {
      Profile<BigFraction> p = truthful.withInforms(v, informs);
      BitSet reported = informs.equals(all) ? null : informs;
      BigFraction bid = null;
      BigFraction u;
      if (market.isBidder(v)) {
        BidSweep.Point best = BidSweep.best(mechanism, p, v);
        u = best.utility();
        bid = best.bid().compareTo(market.agent(v).value()) == 0 ? null : best.bid();
      } else {
        u = utility(mechanism.run(p, A), v);
      }
      if (u.compareTo(bestU) > 0) {
        bestU = u;
        bestDev = new Deviation(bid, reported);
      }
      // 000 Definition 6: an intermediary is not forced to share, so IR holds whomever she informs
      if (!market.isBidder(v) && reported != null) {
        BigFraction plain = utility(mechanism.run(p, A), v);
        if (plain.compareTo(worstU) < 0) {
          worstU = plain;
          worstDev = new Deviation(null, reported);
        }
      }
    }
    if (properties.contains(Property.IC) && bestDev != null) {
      found.add(new Violation(Property.IC, v, bestDev, truth, bestU,
          market.id(v) + " gains " + Rationals.format(bestU.subtract(truth)) + " by deviating"));
    }
    if (properties.contains(Property.IR) && worstDev != null) {
      found.add(new Violation(Property.IR, v, worstDev, truth, worstU,
          market.id(v) + "'s utility is " + Rationals.format(worstU) + " < 0 when she informs fewer neighbours"));
    }
    return found;
  }

  /** EQ: the first agent whose allocation or payment differs from the reference mechanism's. */
  private List<Violation> equals(Profile<BigFraction> truthful, Outcome<BigFraction> outcome) {
    Mechanism ref = benchmark.reference().orElseThrow(() -> new IllegalArgumentException("an EQ check needs a benchmark naming a reference mechanism, not " + benchmark.id()));
    Outcome<BigFraction> other = ref.run(truthful, A);
    Market m = truthful.market();
    for (int v = 1; v < m.size(); v++) {
      boolean alloc = outcome.allocation(v).compareTo(other.allocation(v)) != 0;
      if (alloc || outcome.payment(v).compareTo(other.payment(v)) != 0) {
        BigFraction mine = alloc ? outcome.allocation(v) : outcome.payment(v), theirs = alloc ? other.allocation(v) : other.payment(v);
        String what = alloc ? "wins with probability " : "pays ";
        return List.of(new Violation(Property.EQ, -1, null, mine, theirs, m.id(v) + " " + what + Rationals.format(mine) + " under " + mechanism.name()
            + " but " + Rationals.format(theirs) + " under " + ref.name()));
      }
    }
    return List.of();
  }

  private List<Violation> lemma1(Profile<BigFraction> truthful) {
    Lemma1.Failure f = Lemma1.firstFailure(truthful, A);
    if (f == null) return List.of();
    Market market = truthful.market();
    return List.of(new Violation(Property.LEMMA1, f.withholder(), null, BigFraction.ZERO, BigFraction.ZERO,
        "when " + market.id(f.withholder()) + " withholds her threshold neighbourhood the winner becomes " + market.id(f.newWinner())
            + " and its chain passes " + market.id(f.passed()) + ", who follows " + market.id(f.withholder()) + " on the old chain"));
  }

  private BigFraction utility(Outcome<BigFraction> o, int v) {
    Market m = o.market();
    return o.utility(v, m.agent(v).value(), m.agent(v).cost(), A);
  }

  /** Realised welfare at the true types: the sum of every agent's valuation. */
  public static BigFraction welfare(Outcome<BigFraction> o) {
    Market m = o.market();
    BigFraction w = BigFraction.ZERO;
    for (int v = 1; v < m.size(); v++) w = w.add(o.valuation(v, m.agent(v).value(), m.agent(v).cost(), A));
    return w;
  }

  /** Every subset of {@code all}, the full set first: the informing sets of an agent's deviation space. */
  public static List<BitSet> subsets(BitSet all) {
    int[] members = all.stream().toArray();
    if (members.length > 20) throw new IllegalArgumentException("an agent with " + members.length + " neighbours has too many informing sets to enumerate");
    List<BitSet> out = new ArrayList<>();
    for (int mask = (1 << members.length) - 1; mask >= 0; mask--) {
      BitSet s = new BitSet();
      for (int k = 0; k < members.length; k++) if ((mask >> k & 1) != 0) s.set(members[k]);
      out.add(s);
    }
    return out;
  }
}

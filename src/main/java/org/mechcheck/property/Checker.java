package org.mechcheck.property;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.UnitDemand;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.plugin.Registry;

/**
 * Concrete property checks on one network, exactly: each property's own {@link Property#check}.
 * For IR and IC the agent under test ranges over her whole deviation space: every subset of the neighbours she could inform, combined with every bid (via
 * {@link BidSweep}, which visits every breakpoint and the pieces between them). Each violation
 * names the agent, the deviation and both numbers. IR takes the others' truthful reports; IC those
 * {@link Others} says (truthful unless asked).
 */
public final class Checker {
  private final Mechanism mechanism;
  private final Benchmark benchmark;
  private final Others others;

  /** A checker of {@code mechanism}, comparing revenue (REV) or outcomes (EQ) with {@code benchmark}; IC against the others' truthful reports, so that one network's check stays cheap ({@link #Checker(Mechanism, Benchmark, Others)}). */
  public Checker(Mechanism mechanism, Benchmark benchmark) {
    this(mechanism, benchmark, Others.TRUTHFUL);
  }

  /** IC over the others' reports {@code others} says (the search confirms its models with its own quantifier). */
  public Checker(Mechanism mechanism, Benchmark benchmark, Others others) {
    this.mechanism = mechanism;
    this.benchmark = benchmark;
    this.others = others;
  }

  /** A checker with the Vickrey benchmark. */
  public Checker(Mechanism mechanism) {
    this(mechanism, Benchmark.VICKREY);
  }

  /** The violations of the given properties, in the order the registry lists the properties. */
  public List<Violation> check(Market market, Set<Property> properties) {
    Concrete c = new Concrete(mechanism, benchmark, market, others);
    List<Violation> found = new ArrayList<>();
    List<Property> order = new ArrayList<>(Registry.standard().all(Property.class));
    for (Property p : properties) if (!order.contains(p)) order.add(p);
    for (Property p : order) if (properties.contains(p)) found.addAll(p.check(c));
    return found;
  }

  /** Every shipped property. */
  public List<Violation> check(Market market) {
    return check(market, Set.copyOf(Registry.standard().all(Property.class)));
  }

  /**
   * W*, the optimal welfare of a profile: 000's efficient allocation of one unit along a
   * lowest-cost chain ({@link Welfare}) when one unit is for sale; with k > 1 units, one per
   * buyer and no costs (the multi-unit social model of 002), the sum of the k highest informed bids.
   */
  public static <N> N optimalWelfare(Profile<N> p, Arith<N> a) {
    Market m = p.market();
    if (m.units() == 1) return new Welfare<>(p, a).best();
    for (int v = 1; v < m.size(); v++) {
      if (m.isIntermediary(v)) throw new IllegalArgumentException("optimal welfare with " + m.units() + " units is defined for social networks (no costs); " + m.id(v) + " is an intermediary");
    }
    return UnitDemand.welfare(p, a);
  }

  /** The informed bidders of a profile: how many buyers take part. */
  public static int informedBidders(Profile<?> p) {
    int c = 0;
    for (int v : p.graph().informed().stream().toArray()) if (p.market().isBidder(v)) c++;
    return c;
  }

  /** Realised welfare at the true types: the sum of every agent's valuation. */
  public static BigFraction welfare(Outcome<BigFraction> o) {
    Market m = o.market();
    BigFraction w = BigFraction.ZERO;
    for (int v = 1; v < m.size(); v++) w = w.add(o.valuation(v, m.agent(v).value(), m.agent(v).cost(), Exact.INSTANCE));
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

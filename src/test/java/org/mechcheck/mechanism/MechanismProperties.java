package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.gen.BruteForce;
import org.mechcheck.gen.Networks;
import org.mechcheck.gen.Networks.Net;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Violation;

/**
 * What the source documents claim about each mechanism, on random networks of the claim's
 * class, each checked by the concrete {@link Checker} (every agent, every informing set, every
 * bid, exactly); and the invariants every outcome must satisfy, against an independent oracle
 * ({@link BruteForce}).
 */
class MechanismProperties {
  private static final Exact A = Exact.INSTANCE;

  @Provide
  Arbitrary<Net> cs() {
    return Networks.customerSharing();
  }

  @Provide
  Arbitrary<Net> csTrees() {
    return Networks.customerSharingTrees();
  }

  @Provide
  Arbitrary<Net> social() {
    return Networks.socialNetworks();
  }

  @Provide
  Arbitrary<Net> any() {
    return Networks.any();
  }

  // ---- claims of the sources, on their network classes ----

  /** 000 §3: VCG with transaction costs is IR, IC and efficient. */
  @Property(tries = 200)
  void vcgIsIrIcAndEfficientOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("vcg", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.EFF);
  }

  /** 000 Proposition 1: on trees IDM-TC is IR, IC and weakly budget balanced. */
  @Property(tries = 200)
  void idmTcIsIrIcAndBbOnCustomerSharingTrees(@ForAll("csTrees") Net net) {
    assertNoViolation("idm-tc", net, NetworkClass.CS_TREE, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.BB);
  }

  /** 000 Proposition 1: on trees IDM-TC is efficient and earns at least the Vickrey revenue. */
  @Property(tries = 200)
  void idmTcIsEfficientAndBeatsVickreyOnCustomerSharingTrees(@ForAll("csTrees") Net net) {
    assertNoViolation("idm-tc", net, NetworkClass.CS_TREE, org.mechcheck.property.Property.EFF,
        org.mechcheck.property.Property.REV);
  }

  /** 000 Theorems 1 and 2: CSM is IR and weakly budget balanced. */
  @Property(tries = 200)
  void csmIsIrAndBbOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("csm", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.BB);
  }

  /** 000 Theorems 1 and 2: CSM is efficient and earns at least the Vickrey revenue. */
  @Property(tries = 200)
  void csmIsEfficientAndBeatsVickreyOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("csm", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.EFF,
        org.mechcheck.property.Property.REV);
  }

  /** IDM (Li et al. 2017, restated in 002): IR, IC and never a deficit on social networks. */
  @Property(tries = 200)
  void idmIsIrIcAndBbOnSocialNetworks(@ForAll("social") Net net) {
    assertNoViolation("idm", net, NetworkClass.SOCIAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.BB);
  }

  private static void assertNoViolation(String name, Net net, NetworkClass cls, org.mechcheck.property.Property... props) {
    Mechanism mech = Mechanisms.byName(name).orElseThrow();
    Market m = net.market();
    // the generators also add agents who never hear of the sale (no path through agents who pass
    // it on); the part of the network that can be informed has the shape of the class
    assertEquals(java.util.Optional.empty(), mech.refusal(m), "in its domain");
    java.util.Set<org.mechcheck.property.Property> set = new java.util.LinkedHashSet<>(List.of(props));
    List<Violation> found = new Checker(mech).check(m, set);
    assertTrue(found.isEmpty(), () -> name + " violates " + set + " on " + net + ":\n  "
        + found.stream().map(v -> v.property() + " " + (v.agent() < 0 ? "" : m.id(v.agent()) + " ") + v.detail()
            + " (truthful " + v.truthful() + ", deviating " + v.deviating() + ", deviation " + v.deviation() + ")")
            .collect(Collectors.joining("\n  ")));
  }

  // ---- invariants of every outcome, for every mechanism on its domain ----

  /**
   * For every registered mechanism that accepts the network: at most one unit is sold, to an
   * informed bidder; an agent who never hears of the sale pays 0, wins nothing and is on no
   * chain; the chain is a trading chain (Definition 1 of 000): it starts at the seller, ends at
   * the winner, has no repeated node, and each node on it is informed and informs the next.
   * Revenue is the sum of the payments.
   */
  /** Mechanisms whose allocation is a probability (exact expectations over their randomness). */
  static final Set<String> RANDOMISED = Set.of("sra", "sra-central");

  @Property(tries = 200)
  void outcomeInvariants(@ForAll("any") Net net) {
    Market m = net.market();
    BitSet informed = BruteForce.informed(m);
    List<List<Integer>> arcs = BruteForce.arcs(m);
    int checked = 0;
    for (Mechanism mech : Mechanisms.all()) {
      if (mech.refusal(m).isPresent()) continue;
      checked++;
      String where = mech.name() + " on " + net;
      Outcome<BigFraction> o = Contract.run(mech, Profile.truthful(m, A));
      int[] winners = o.winners();
      if (RANDOMISED.contains(mech.name())) {
        // 001's sra and sra-central: winning probabilities, summing to 1 when anyone is informed, no chains
        BigFraction total = BigFraction.ZERO;
        for (int v : winners) {
          assertTrue(o.allocation(v).compareTo(BigFraction.ONE) <= 0 && o.allocation(v).signum() > 0, where + ": " + m.id(v) + " wins with probability " + o.allocation(v));
          assertTrue(informed.get(v), where + ": winner " + m.id(v) + " never hears of the sale");
          total = total.add(o.allocation(v));
        }
        assertEquals(informed.isEmpty() ? BigFraction.ZERO : BigFraction.ONE, total, where + ": winning probabilities");
        assertTrue(o.chains().isEmpty(), where + ": no trading chains");
      }
      assertTrue(winners.length <= 1 || RANDOMISED.contains(mech.name()), where + ": more than one winner");
      BigFraction sum = BigFraction.ZERO;
      for (int v = 1; v < m.size(); v++) sum = sum.add(o.payment(v));
      assertEquals(sum, o.revenue(A), where + ": revenue is not the sum of payments");
      for (int v = 1; v < m.size(); v++) {
        if (informed.get(v)) continue;
        assertEquals(BigFraction.ZERO, o.payment(v), where + ": " + m.id(v) + " never hears of the sale but pays");
        assertEquals(BigFraction.ZERO, o.allocation(v), where + ": " + m.id(v) + " never hears of the sale but wins");
        assertEquals(BigFraction.ZERO, o.through(v), where + ": " + m.id(v) + " never hears of the sale but is on the chain");
      }
      if (winners.length == 0 || RANDOMISED.contains(mech.name())) {
        assertTrue(o.chains().isEmpty(), where + ": a chain without a sale");
        continue;
      }
      int w = winners[0];
      assertEquals(BigFraction.ONE, o.allocation(w), where + ": the winner does not get the one unit");
      assertTrue(informed.get(w), where + ": winner " + m.id(w) + " never hears of the sale");
      assertTrue(m.agent(w).isBidder(), where + ": winner " + m.id(w) + " is not a bidder");
      assertTrue(o.chains().size() <= 1, where + ": one unit, at most one chain");
      if (o.chains().isEmpty()) {
        // IDM and the multi-unit social-network mechanisms of 002 move units along critical agents, without costs
        assertTrue(List.of("idm", "gidm", "vcg-k").contains(mech.name()), where + ": only IDM, GIDM and VCG-k, which have no trading chains, report none");
        continue;
      }
      int[] chain = o.chains().get(0);
      String c = where + ": chain " + ids(m, chain);
      assertEquals(0, chain[0], c + " does not start at the seller");
      assertEquals(w, chain[chain.length - 1], c + " does not end at the winner");
      Set<Integer> seen = new HashSet<>();
      for (int k = 0; k < chain.length; k++) {
        assertTrue(seen.add(chain[k]), c + " repeats " + m.id(chain[k]));
        if (k > 0) assertTrue(informed.get(chain[k]), c + ": " + m.id(chain[k]) + " is not informed");
        // IDM's chain is checked on its own below (idmChainIsATradingChain), so that its known
        // failure does not hide the other mechanisms' invariants
        if (k + 1 < chain.length && !mech.name().equals("idm")) {
          assertTrue(arcs.get(chain[k]).contains(chain[k + 1]), c + ": " + m.id(chain[k]) + " does not inform " + m.id(chain[k + 1]));
        }
      }
      for (int v = 1; v < m.size(); v++) {
        boolean inside = false;
        for (int k = 1; k < chain.length - 1; k++) inside |= chain[k] == v;
        assertEquals(inside ? BigFraction.ONE : BigFraction.ZERO, o.through(v), c + ": " + m.id(v) + "'s share of the trade");
      }
    }
    assertNotEquals(0, checked, "no mechanism accepts " + net);
  }

  /**
   * IDM's outcome too carries a {@code chain}, which docs/formats/outcome.md defines as "the trading chain of
   * the winner": a path from the seller along which each node informs the next (000 Definition
   * 1). Checked on social networks, IDM's domain. IDM passes the item along critical agents, who
   * need not be neighbours (s-A, s-B, A-C, B-C with C the highest bidder once gave "chain" s-C),
   * so IDM now reports no chain; any chain it reports must be a trading chain.
   */
  @Property(tries = 200)
  void idmChainIsATradingChain(@ForAll("social") Net net) {
    Market m = net.market();
    List<List<Integer>> arcs = BruteForce.arcs(m);
    Outcome<BigFraction> o = Contract.run(new Idm(), Profile.truthful(m, A));
    for (int[] chain : o.chains()) {
      for (int k = 0; k + 1 < chain.length; k++) {
        assertTrue(arcs.get(chain[k]).contains(chain[k + 1]),
            "idm on " + net + ": chain " + ids(m, chain) + ": " + m.id(chain[k]) + " does not inform " + m.id(chain[k + 1]));
      }
    }
  }

  /**
   * The efficient mechanisms (VCG, IDM-TC, CSM in both readings) realise the optimal welfare,
   * computed here by brute force over every simple path from the seller; their chain is a
   * lowest-cost chain to the winner; and {@link Welfare#best()} agrees with the brute force on
   * every network, social ones included.
   */
  @Property(tries = 200)
  void efficientWelfareIsTheBruteForceMaximum(@ForAll("any") Net net) {
    Market m = net.market();
    BigFraction best = BruteForce.optimalWelfare(m);
    assertEquals(best, new Welfare<>(Profile.truthful(m, A), A).best(), "Welfare.best() on " + net);
    List<String> efficient = new ArrayList<>(List.of("vcg", "idm-tc", "csm", "csm-min"));
    for (String name : efficient) {
      Mechanism mech = Mechanisms.byName(name).orElseThrow();
      if (mech.refusal(m).isPresent()) continue;
      Outcome<BigFraction> o = Contract.run(mech, Profile.truthful(m, A));
      BigFraction realised = BigFraction.ZERO;
      if (o.sold()) {
        int[] chain = o.chains().get(0);
        realised = BruteForce.welfare(m, chain);
        assertEquals(BruteForce.lowestCost(m, chain[chain.length - 1]), BruteForce.cost(m, chain),
            name + " on " + net + ": chain " + ids(m, chain) + " is not a lowest-cost chain");
      }
      assertEquals(best, realised, name + " on " + net + ": realised welfare vs brute-force W*");
    }
  }

  /**
   * The tie-break of spec/README.md: the efficient winner is the earliest in the file among the bidders
   * of highest SW, and the chain the lexicographically first (in file order) among her
   * lowest-cost chains; all computed here by brute force.
   */
  @Property(tries = 200)
  void efficientWinnerAndChainFollowTheDocumentedTieBreak(@ForAll("any") Net net) {
    Market m = net.market();
    List<List<Integer>> arcs = BruteForce.arcs(m);
    int w = BruteForce.efficientWinner(m, arcs);
    for (String name : List.of("vcg", "idm-tc", "csm", "csm-min")) {
      Mechanism mech = Mechanisms.byName(name).orElseThrow();
      if (mech.refusal(m).isPresent()) continue;
      Outcome<BigFraction> o = Contract.run(mech, Profile.truthful(m, A));
      if (w < 0) {
        assertTrue(!o.sold(), name + " on " + net + ": sold although no SW_i is at least 0");
        continue;
      }
      assertEquals(List.of(m.id(w)), java.util.Arrays.stream(o.winners()).mapToObj(m::id).toList(), name + " on " + net + ": winner");
      assertEquals(ids(m, BruteForce.firstLowestCostChain(m, arcs, w)), ids(m, o.chains().get(0)), name + " on " + net + ": chain");
    }
  }

  /** v_i(t_i, pi) of 000 §2 for a single-unit sale along {@code chain}: b_i for the winner, -c_i on the chain, 0 otherwise. */
  private static BigFraction value(Market m, int[] chain, int i) {
    if (chain == null) return BigFraction.ZERO;
    if (chain[chain.length - 1] == i) return m.agent(i).value();
    for (int k = 1; k < chain.length - 1; k++) if (chain[k] == i) return m.agent(i).cost().negate();
    return BigFraction.ZERO;
  }

  /** 000 §3: VCG charges x_i = W*_{-i} - (W* - v_i), each term by brute force; the uninformed pay 0. */
  @Property(tries = 200)
  void vcgPaymentsAreClarkePivots(@ForAll("any") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = Contract.run(new Vcg(), Profile.truthful(m, A));
    int[] chain = o.sold() ? o.chains().get(0) : null;
    BigFraction best = BruteForce.optimalWelfare(m);
    BitSet informed = BruteForce.informed(m);
    for (int i = 1; i < m.size(); i++) {
      BigFraction want = !informed.get(i) ? BigFraction.ZERO
          : BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, i)).subtract(best.subtract(value(m, chain, i)));
      assertEquals(want, o.payment(i), "vcg on " + net + ": payment of " + m.id(i));
    }
  }

  /**
   * 000 §3, IDM-TC's payment rule with every term by brute force, on every customer-sharing
   * network: x_i = W*_{-d_i} - W*_{-d_{i+1}} - c_i for the winner's critical agents, -c_i for the
   * others on the chain, W*_{-m} + the chain's costs for the winner m, 0 for everyone else; and
   * the revenue telescopes to W*_{-d_1} (Proposition 1's proof).
   */
  @Property(tries = 200)
  void idmTcPaymentsFollowTheDefinition(@ForAll("cs") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = Contract.run(new IdmTc(), Profile.truthful(m, A));
    if (!o.sold()) {
      for (int i = 1; i < m.size(); i++) assertEquals(BigFraction.ZERO, o.payment(i), "idm-tc on " + net + ": no sale, " + m.id(i) + " pays");
      return;
    }
    int[] chain = o.chains().get(0);
    int w = chain[chain.length - 1];
    List<Integer> critical = BruteForce.criticalSequence(m, w);
    assertEquals(w, critical.get(critical.size() - 1));
    for (int i = 1; i < m.size(); i++) {
      int at = critical.indexOf(i);
      BigFraction want;
      if (i == w) {
        want = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, w)).add(BruteForce.cost(m, chain));
      } else if (at >= 0) {
        want = withoutDominated(m, i).subtract(withoutDominated(m, critical.get(at + 1))).subtract(m.agent(i).cost());
      } else if (onChain(chain, i)) {
        want = m.agent(i).cost().negate();
      } else {
        want = BigFraction.ZERO;
      }
      assertEquals(want, o.payment(i), "idm-tc on " + net + ": payment of " + m.id(i) + " (chain " + ids(m, chain) + ")");
    }
    assertEquals(withoutDominated(m, critical.get(0)), o.revenue(A), "idm-tc on " + net + ": revenue is W*_{-d_1}");
  }

  private static boolean onChain(int[] chain, int v) {
    for (int k = 1; k < chain.length - 1; k++) if (chain[k] == v) return true;
    return false;
  }

  /** W*_{-d_v}: the optimal welfare when v and everyone who hears of the sale only through her stay away. */
  private static BigFraction withoutDominated(Market m, int v) {
    return BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, BruteForce.dominated(m, v)));
  }

  /**
   * IDM as restated in 002 (and in reference/README.md), with every term by brute force on social
   * networks: the highest informed bidder t (earliest on ties), her critical sequence d_1..d_k = t,
   * prices p_j = the highest bid among the informed outside d_{d_j} (0 if none); d_j passes the
   * item on and is paid p_j - p_{j+1} while her bid is below p_{j+1}, and the first who does not
   * keeps it and pays p_j; everyone else pays 0. The revenue telescopes to p_1.
   */
  @Property(tries = 200)
  void idmPaymentsFollowTheDefinition(@ForAll("social") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = Contract.run(new Idm(), Profile.truthful(m, A));
    BitSet informed = BruteForce.informed(m);
    BigFraction[] want = new BigFraction[m.size()];
    java.util.Arrays.fill(want, BigFraction.ZERO);
    if (informed.isEmpty()) {
      assertTrue(!o.sold(), "idm on " + net + ": sold with nobody informed");
    } else {
      int t = -1;
      for (int v = informed.nextSetBit(0); v >= 0; v = informed.nextSetBit(v + 1)) {
        if (t < 0 || m.agent(v).value().compareTo(m.agent(t).value()) > 0) t = v;
      }
      List<Integer> d = BruteForce.criticalSequence(m, t);
      List<BigFraction> p = new ArrayList<>();
      for (int c : d) {
        BigFraction best = BigFraction.ZERO;
        BitSet outside = (BitSet) informed.clone();
        outside.andNot(BruteForce.dominated(m, c));
        for (int v = outside.nextSetBit(0); v >= 0; v = outside.nextSetBit(v + 1)) if (m.agent(v).value().compareTo(best) > 0) best = m.agent(v).value();
        p.add(best);
      }
      int j = 0;
      while (j < d.size() - 1 && m.agent(d.get(j)).value().compareTo(p.get(j + 1)) < 0) {
        want[d.get(j)] = p.get(j).subtract(p.get(j + 1));
        j++;
      }
      want[d.get(j)] = p.get(j);
      assertEquals(List.of(m.id(d.get(j))), java.util.Arrays.stream(o.winners()).mapToObj(m::id).toList(), "idm on " + net + ": winner");
      assertEquals(p.get(0), o.revenue(A), "idm on " + net + ": revenue is p_1");
    }
    for (int i = 1; i < m.size(); i++) assertEquals(want[i], o.payment(i), "idm on " + net + ": payment of " + m.id(i));
  }

  /** The benchmark: a second-price auction among the seller's bidder neighbours (earliest on ties), nobody else involved. */
  @Property(tries = 200)
  void vickreyIsASecondPriceAuctionAmongTheSellersNeighbours(@ForAll("any") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = Contract.run(new Vickrey(), Profile.truthful(m, A));
    List<Integer> bidders = new ArrayList<>();
    for (int[] e : m.edges()) if (e[0] == 0 && m.agent(e[1]).isBidder()) bidders.add(e[1]);
    java.util.Collections.sort(bidders);
    if (bidders.isEmpty()) {
      assertTrue(!o.sold(), "vickrey on " + net);
      return;
    }
    int w = bidders.get(0);
    for (int b : bidders) if (m.agent(b).value().compareTo(m.agent(w).value()) > 0) w = b;
    BigFraction second = BigFraction.ZERO;
    for (int b : bidders) if (b != w && m.agent(b).value().compareTo(second) > 0) second = m.agent(b).value();
    assertEquals(List.of(m.id(w)), java.util.Arrays.stream(o.winners()).mapToObj(m::id).toList(), "vickrey on " + net + ": winner");
    for (int i = 1; i < m.size(); i++) assertEquals(i == w ? second : BigFraction.ZERO, o.payment(i), "vickrey on " + net + ": payment of " + m.id(i));
  }

  /**
   * 000 §4, CSM's payment rule with every term by brute force, for both readings of the
   * threshold neighbourhood: buyers pay x_i = W*_{-i} - W* + v_i; an intermediary pays
   * W*_{-d_i} - W*_{-r*_i} + v_i, where r*_i = r'_i off the chain (so everyone off the chain pays
   * 0, as §4 says). The threshold is checked against Definition 10: a subset of r'_i that is
   * r'_i or whose withholding changes the efficient winner; for csm-min, a smallest such subset.
   */
  @Property(tries = 200)
  void csmPaymentsFollowTheDefinition(@ForAll("cs") Net net) {
    Market m = net.market();
    BitSet informed = BruteForce.informed(m);
    BigFraction best = BruteForce.optimalWelfare(m);
    int winner = BruteForce.efficientWinner(m);
    for (Csm.Reading reading : Csm.Reading.values()) {
      Csm csm = new Csm(reading);
      String where = csm.name() + " on " + net;
      Outcome<BigFraction> o = Contract.run(csm, Profile.truthful(m, A));
      int[] chain = o.sold() ? o.chains().get(0) : null;
      @SuppressWarnings("unchecked")
      java.util.Map<Integer, BitSet> thresholds = o.sold() ? (java.util.Map<Integer, BitSet>) o.details().get("threshold") : java.util.Map.of();
      for (int i = 1; i < m.size(); i++) {
        BigFraction want;
        if (!informed.get(i) || chain == null) {
          want = BigFraction.ZERO;
        } else if (m.agent(i).isBidder()) {
          want = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, i)).subtract(best).add(value(m, chain, i));
        } else {
          BitSet all = new BitSet();
          BruteForce.arcs(m).get(i).forEach(all::set);
          BitSet r = thresholds.get(i);
          assertTrue(r != null, where + ": no threshold neighbourhood for " + m.id(i));
          BitSet extra = (BitSet) r.clone();
          extra.andNot(all);
          assertTrue(extra.isEmpty(), where + ": " + m.id(i) + "'s threshold is not a subset of whom she informs");
          if (!onChain(chain, i)) {
            assertEquals(all, r, where + ": off the chain r*_" + m.id(i) + " = r'_" + m.id(i));
          } else {
            checkThreshold(m, i, all, r, winner, reading, where);
          }
          want = withoutDominated(m, i).subtract(BruteForce.optimalWelfare(m, BruteForce.arcsWithholding(m, i, r))).add(value(m, chain, i));
        }
        assertEquals(want, o.payment(i), where + ": payment of " + m.id(i) + (chain == null ? "" : " (chain " + ids(m, chain) + ")"));
        if (chain != null && !onChain(chain, i) && chain[chain.length - 1] != i) {
          assertEquals(BigFraction.ZERO, o.payment(i), where + ": " + m.id(i) + " is off the chain and should pay 0");
        }
      }
    }
  }

  private static void checkThreshold(Market m, int i, BitSet all, BitSet r, int winner, Csm.Reading reading, String where) {
    java.util.function.Predicate<BitSet> changes = s -> BruteForce.efficientWinner(m, BruteForce.arcsWithholding(m, i, s)) != winner;
    String t = where + ": threshold of " + m.id(i) + " " + r;
    assertTrue(r.equals(all) || changes.test(r), t + " neither is r' nor changes the winner");
    if (reading == Csm.Reading.MINIMUM) {
      int[] members = all.stream().toArray();
      int smallest = Integer.MAX_VALUE;
      for (int mask = 1; mask < 1 << members.length; mask++) {
        BitSet s = new BitSet();
        for (int k = 0; k < members.length; k++) if ((mask >> k & 1) != 0) s.set(members[k]);
        if (changes.test(s)) smallest = Math.min(smallest, s.cardinality());
      }
      if (smallest == Integer.MAX_VALUE) assertEquals(all, r, t + ": nothing changes the winner, so r* = r'");
      else assertTrue(r.cardinality() == smallest && changes.test(r), t + ": not a smallest set that changes the winner (size " + smallest + ")");
    }
  }

  static String ids(Market m, int[] chain) {
    List<String> s = new ArrayList<>();
    for (int v : chain) s.add(m.id(v));
    return String.join("-", s);
  }

  // ---- the revenue identities KeY proves of the kernels (spec/contracts.md), on the mechanisms' outcomes ----

  /** 002: IDM's revenue is p_1, the best bid among the informed outside d_1's dominated set (0 if none). */
  @Property(tries = 200)
  void idmRevenueIsTheFirstCriticalPrice(@ForAll("social") Net net) {
    Market m = net.market();
    BitSet informed = BruteForce.informed(m);
    if (informed.isEmpty()) return;
    int top = -1;
    for (int v = informed.nextSetBit(0); v >= 0; v = informed.nextSetBit(v + 1)) {
      if (top < 0 || m.agent(v).value().compareTo(m.agent(top).value()) > 0) top = v;
    }
    int d1 = BruteForce.criticalSequence(m, top).get(0);
    BitSet rest = (BitSet) informed.clone();
    rest.andNot(BruteForce.dominated(m, d1));
    BigFraction p1 = BigFraction.ZERO;
    for (int v = rest.nextSetBit(0); v >= 0; v = rest.nextSetBit(v + 1)) if (m.agent(v).value().compareTo(p1) > 0) p1 = m.agent(v).value();
    assertEquals(p1, Contract.run(new Idm(), Profile.truthful(m, A)).revenue(A), () -> "idm on " + net);
  }

  /** 000 §3 (Proposition 1's proof): on trees IDM-TC's revenue is W*_{-d_1}, for d_1 the efficient winner's first critical agent. */
  @Property(tries = 200)
  void idmTcRevenueIsTheWelfareWithoutTheFirstCriticalAgent(@ForAll("csTrees") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = Contract.run(new IdmTc(), Profile.truthful(m, A));
    if (!o.sold()) return;
    List<Integer> critical = BruteForce.criticalSequence(m, o.winners()[0]);
    BigFraction expected = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, BruteForce.dominated(m, critical.get(0))));
    assertEquals(expected, o.revenue(A), () -> "idm-tc on " + net);
  }

  /**
   * 000, Theorem 2's proof (CustomerSharingPayment.revenue, proven by KeY under bounded
   * preconditions): CSM's revenue is the chain intermediaries' W*_{-d_i} - W*_{-r*_i} plus W*_{-m}.
   */
  @Property(tries = 200)
  void csmRevenueIsTheoremTwosSum(@ForAll("cs") Net net) {
    Market m = net.market();
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    Outcome<BigFraction> o = Contract.run(csm, truthful);
    if (!o.sold()) return;
    int winner = o.winners()[0];
    int[] chain = o.chains().get(0);
    BigFraction expected = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, winner));
    for (int k = 1; k < chain.length - 1; k++) {
      int i = chain[k];
      BigFraction withoutSubtree = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, BruteForce.dominated(m, i)));
      BitSet threshold = csm.threshold(truthful, A, i, winner, chain);
      BigFraction withoutThreshold = BruteForce.optimalWelfare(m, BruteForce.arcsWithholding(m, i, threshold));
      expected = expected.add(withoutSubtree).subtract(withoutThreshold);
    }
    assertEquals(expected, o.revenue(A), () -> "csm on " + net);
  }
}

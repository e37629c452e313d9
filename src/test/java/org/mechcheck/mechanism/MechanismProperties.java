package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
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
  @Property(tries = 100)
  void vcgIsIrIcAndEfficientOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("vcg", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.EFF);
  }

  /** 000 Proposition 1: on trees IDM-TC is IR, IC and weakly budget balanced. */
  @Property(tries = 150)
  void idmTcIsIrIcAndBbOnCustomerSharingTrees(@ForAll("csTrees") Net net) {
    assertNoViolation("idm-tc", net, NetworkClass.CS_TREE, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.BB);
  }

  /** 000 Proposition 1: on trees IDM-TC is efficient and earns at least the Vickrey revenue. */
  @Property(tries = 150)
  void idmTcIsEfficientAndBeatsVickreyOnCustomerSharingTrees(@ForAll("csTrees") Net net) {
    assertNoViolation("idm-tc", net, NetworkClass.CS_TREE, org.mechcheck.property.Property.EFF,
        org.mechcheck.property.Property.REV);
  }

  /** 000 Theorems 1 and 2: CSM is IR and weakly budget balanced. */
  @Property(tries = 100)
  void csmIsIrAndBbOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("csm", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.BB);
  }

  /** 000 Theorems 1 and 2: CSM is efficient and earns at least the Vickrey revenue. */
  @Property(tries = 100)
  void csmIsEfficientAndBeatsVickreyOnCustomerSharingNetworks(@ForAll("cs") Net net) {
    assertNoViolation("csm", net, NetworkClass.CS_GENERAL, org.mechcheck.property.Property.EFF,
        org.mechcheck.property.Property.REV);
  }

  /** IDM (Li et al. 2017, restated in 002): IR, IC and never a deficit on social networks. */
  @Property(tries = 150)
  void idmIsIrIcAndBbOnSocialNetworks(@ForAll("social") Net net) {
    assertNoViolation("idm", net, NetworkClass.SOCIAL, org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.BB);
  }

  private static void assertNoViolation(String name, Net net, NetworkClass cls, org.mechcheck.property.Property... props) {
    Mechanism mech = Mechanisms.byName(name).orElseThrow();
    Market m = net.market();
    assertTrue(cls.contains(m), "generator produced a network outside " + cls.id() + ": " + net);
    assertEquals(java.util.Optional.empty(), mech.refusal(m), "in its domain");
    EnumSet<org.mechcheck.property.Property> set = EnumSet.copyOf(List.of(props));
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
      Outcome<BigFraction> o = mech.run(Profile.truthful(m, A), A);
      int[] winners = o.winners();
      assertTrue(winners.length <= 1, where + ": more than one winner");
      BigFraction sum = BigFraction.ZERO;
      for (int v = 1; v < m.size(); v++) sum = sum.add(o.payment(v));
      assertEquals(sum, o.revenue(A), where + ": revenue is not the sum of payments");
      for (int v = 1; v < m.size(); v++) {
        if (informed.get(v)) continue;
        assertEquals(BigFraction.ZERO, o.payment(v), where + ": " + m.id(v) + " never hears of the sale but pays");
        assertEquals(BigFraction.ZERO, o.allocation(v), where + ": " + m.id(v) + " never hears of the sale but wins");
        assertEquals(BigFraction.ZERO, o.through(v), where + ": " + m.id(v) + " never hears of the sale but is on the chain");
      }
      if (winners.length == 0) {
        assertTrue(o.chains().isEmpty(), where + ": a chain without a sale");
        continue;
      }
      int w = winners[0];
      assertEquals(BigFraction.ONE, o.allocation(w), where + ": the winner does not get the one unit");
      assertTrue(informed.get(w), where + ": winner " + m.id(w) + " never hears of the sale");
      assertTrue(m.agent(w).isBidder(), where + ": winner " + m.id(w) + " is not a bidder");
      assertEquals(1, o.chains().size(), where + ": one unit, one chain");
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
   * IDM's outcome too carries a {@code chain}, which FORMATS.md defines as "the trading chain of
   * the winner": a path from the seller along which each node informs the next (000 Definition
   * 1). Checked on social networks, IDM's domain. Fails at the time of writing: Idm.run reports
   * the seller followed by the winner's diffusion critical sequence, whose consecutive members
   * need not be neighbours (s-A, s-B, A-C, B-C with C the highest bidder gives "chain" s-C).
   * Tagged so that it can be excluded until that is settled.
   */
  @Tag("known-bug")
  @Property(tries = 200)
  void idmChainIsATradingChain(@ForAll("social") Net net) {
    Market m = net.market();
    List<List<Integer>> arcs = BruteForce.arcs(m);
    Outcome<BigFraction> o = new Idm().run(Profile.truthful(m, A), A);
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
      Outcome<BigFraction> o = mech.run(Profile.truthful(m, A), A);
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

  static String ids(Market m, int[] chain) {
    List<String> s = new ArrayList<>();
    for (int v : chain) s.add(m.id(v));
    return String.join("-", s);
  }
}

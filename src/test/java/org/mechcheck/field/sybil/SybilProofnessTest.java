package org.mechcheck.field.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.field.sybil.SybilSplit.Shares;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Concrete;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.search.Search;

/** SP on concrete markets and with Z3 (spec/sybil-proofness.md). */
class SybilProofnessTest {
  private static final SybilProofness SP = new SybilProofness();
  private static final Mechanism IDM = Mechanisms.byName("idm").orElseThrow();

  /** s - A - B with A's value 0 and B's 1. */
  static Market line() {
    return new Market("line", "test", "s", List.of(Agent.bidder("A", BigFraction.ZERO, true), Agent.bidder("B", BigFraction.ONE, true)),
        List.of(new int[] {0, 1}, new int[] {1, 2}), 1);
  }

  @Test
  void theReadingsAreRegisteredProperties() {
    for (String name : List.of("SP", "SP3", "SP-APART", "SP-COVER")) assertTrue(Property.parse(Registry.standard(), name).isPresent(), name);
    SybilProofness three = (SybilProofness) Property.parse(Registry.standard(), "sp3").orElseThrow();
    assertEquals(3, three.maxIdentities());
    SybilProofness apart = (SybilProofness) Property.parse(Registry.standard(), "SP-APART").orElseThrow();
    assertFalse(apart.identityLinks());
    assertEquals(Shares.COVER, ((SybilProofness) Property.parse(Registry.standard(), "SP-COVER").orElseThrow()).sharing());
    assertEquals(SP, Property.parse(Registry.standard(), "SP").orElseThrow());
  }

  /**
   * IDM's definition (spec/idm.md, 002) on the line, by hand. Truthfully B is the highest bidder,
   * her critical sequence is A, B; p_A is the highest bid outside A's subtree (none: 0) and p_B the
   * highest outside B's (A's 0); A's bid 0 reaches p_B, so A keeps the item at p_A = 0: utility 0.
   * Now A joins as A#1 (linked to s, B and A#2, bid 0) and A#2 (linked to A#1 only, bid 1/2): B is
   * still the highest bidder, with critical sequence A#1, B; p_B is now max(0, 1/2) = 1/2 > A#1's
   * bid, so A#1 passes the item on and pays p_A#1 - p_B = -1/2; A#2 wins nothing and pays nothing.
   * Her utility: 0 - (-1/2) = 1/2.
   */
  @Test
  void aFakeBidderBelowHerRaisesThePriceSheCollectsInIdm() {
    Market m = line();
    BitSet one = new BitSet();
    one.set(0);
    one.set(2);
    SybilSplit s = new SybilSplit(1, List.of(one, new BitSet()), List.<int[]>of(new int[] {0, 1}));
    SybilSplit.Transformed t = s.transform(m);
    assertEquals(BigFraction.of(1, 2), SybilProofness.exactUtility(IDM, m, t, 1, new BigFraction[] {BigFraction.ZERO, BigFraction.of(1, 2)}));
    Concrete c = new Concrete(IDM, Benchmark.VICKREY, m);
    assertEquals(BigFraction.ZERO, c.utility(c.outcome(), 1));
    List<Violation> found = SP.check(c);
    Violation v = found.stream().filter(x -> x.agent() == 1).findFirst().orElseThrow(() -> new AssertionError("A's gain not reported: " + found));
    assertConsistent(IDM, m, v);
    // the supremum over A#2's bid b in (0, 1) is 1, never reached: at b = 1 the tie with B goes to A#2, who then wins and pays
    assertTrue(v.deviating().compareTo(BigFraction.ONE) < 0, v.detail());
  }

  /** A reported split, read back from its detail and re-run exactly, gives the reported utility, above the truthful one. */
  static void assertConsistent(Mechanism mech, Market m, Violation v) {
    SybilSplit.WithBids back = SybilSplit.parse(v.detail(), m);
    assertEquals(v.agent(), back.split().agent());
    BigFraction u = SybilProofness.exactUtility(mech, m, back.split().transform(m), v.agent(), back.bids());
    assertEquals(v.deviating(), u, v.detail());
    assertTrue(u.compareTo(v.truthful()) > 0, v.detail());
    Concrete c = new Concrete(mech, Benchmark.VICKREY, m);
    assertEquals(c.utility(c.outcome(), v.agent()), v.truthful());
  }

  /**
   * The concrete check against a brute force over every split of the reading and a grid of bids
   * (0, each value, the midpoints, one above the largest): whenever the grid finds a gain for an
   * agent, the check reports her; whatever the check reports is consistent. Random small social
   * networks; IDM, NSP and VCG.
   */
  @Test
  void theCheckFindsEveryGainAGridFinds() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<Mechanism> mechs = List.of(IDM, new Nsp(), Mechanisms.byName("vcg").orElseThrow());
    for (int trial = 0; trial < 4; trial++) {
      Market m = randomSocial(rnd, 2 + rnd.nextInt(2));
      for (Mechanism mech : mechs) {
        Concrete c = new Concrete(mech, Benchmark.VICKREY, m);
        List<Violation> found = SP.check(c);
        for (Violation v : found) assertConsistent(mech, m, v);
        for (int a = 1; a < m.size(); a++) {
          int agent = a;
          boolean reported = found.stream().anyMatch(v -> v.agent() == agent);
          if (gridGain(mech, c, a) && !reported) throw new AssertionError(mech.name() + " on " + m.edges().size() + " edges: the grid finds a gain for " + m.id(a) + " that the check misses");
        }
      }
    }
  }

  /** sra-central (slower: it averages over spanning trees) on one small network with a cycle: what it reports is consistent. */
  @Test
  void sraCentralReportsConsistentSplits() {
    Mechanism sra = Mechanisms.byName("sra-central").orElseThrow();
    Market m = new Market("triangle", "test", "s", List.of(Agent.bidder("A", BigFraction.ONE, true), Agent.bidder("B", BigFraction.of(2), true)),
        List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 2}), 1);
    for (Violation v : SP.check(new Concrete(sra, Benchmark.VICKREY, m))) assertConsistent(sra, m, v);
  }

  private static boolean gridGain(Mechanism mech, Concrete c, int a) {
    Market m = c.market();
    java.util.TreeSet<BigFraction> g = new java.util.TreeSet<>(List.of(BigFraction.ZERO));
    for (int w = 1; w < m.size(); w++) g.add(m.agent(w).value());
    g.add(g.last().add(BigFraction.ONE));
    List<BigFraction> pts = List.copyOf(g);
    for (int i = 1; i < pts.size(); i++) g.add(pts.get(i - 1).add(pts.get(i)).divide(2));
    List<BigFraction> grid = List.copyOf(g);
    BigFraction truth = c.utility(c.outcome(), a);
    for (SybilSplit s : SP.splits(m, a)) {
      SybilSplit.Transformed t = s.transform(m);
      for (BigFraction x : grid) {
        for (BigFraction y : grid) {
          if (SybilProofness.exactUtility(mech, m, t, a, new BigFraction[] {x, y}).compareTo(truth) > 0) return true;
        }
      }
    }
    return false;
  }

  static Market randomSocial(SplittableRandom rnd, int n) {
    List<Agent> as = new java.util.ArrayList<>();
    List<int[]> edges = new java.util.ArrayList<>();
    for (int k = 1; k <= n; k++) {
      as.add(Agent.bidder(String.valueOf((char) ('A' + k - 1)), BigFraction.of(rnd.nextInt(5)), true));
      edges.add(new int[] {rnd.nextInt(k), k});
    }
    for (int u = 0; u <= n; u++) {
      for (int v = u + 1; v <= n; v++) {
        boolean there = false;
        for (int[] e : edges) there |= e[0] == u && e[1] == v;
        if (!there && rnd.nextInt(3) == 0) edges.add(new int[] {u, v});
      }
    }
    return new Market("random", "test", "s", as, edges, 1);
  }

  /**
   * NSP: the winner's price is the highest other bid among the seller's neighbours, which her own
   * identities can only raise, and an identity away from the seller takes no part; so no split
   * gains (spec/sybil-proofness.md). Z3 on every social network up to 3 agents, every valuation.
   */
  @Test
  void nspIsSybilProofOnEverySocialNetworkUpToThreeAgents() {
    Search.Result r = new Search(new Nsp(), SP, Benchmark.VICKREY, NetworkClass.SOCIAL, BigFraction.of(100), 30_000, 1).run(3, 60, Search.SILENT);
    assertFalse(r.refuted(), () -> "nsp SP refuted: " + r.violation());
    assertEquals(3, r.bound());
  }

  /** The search finds IDM's weakness by itself, on the smallest network that has it, and the concrete check confirms it. */
  @Test
  void theSearchFindsIdmsSybilAttack() {
    Search.Result r = new Search(IDM, SP, Benchmark.VICKREY, NetworkClass.SOCIAL, BigFraction.of(100), 30_000, 1).run(3, 60, Search.SILENT);
    assertTrue(r.refuted(), "IDM SP not refuted up to 3 agents");
    assertEquals(2, r.counterexample().agentCount(), "a single agent cannot gain: nobody pays her");
    assertConsistent(IDM, r.counterexample(), r.violation());
    assertNotNull(new Checker(IDM).check(r.counterexample(), Set.of(SP)).stream().findFirst().orElse(null));
  }

  @Test
  void replayReDerivesTheSplit() {
    Market m = line();
    Concrete c = new Concrete(IDM, Benchmark.VICKREY, m);
    Violation v = SP.check(c).stream().filter(x -> x.agent() == 1).findFirst().orElseThrow();
    Property.Replayed r = SP.replay(new Concrete(IDM, Benchmark.VICKREY, m), 1, null);
    assertTrue(r.violates());
    assertEquals(v.detail(), r.detail());
    assertEquals(v.deviating(), r.deviating());
    Property.Replayed none = SP.replay(new Concrete(new Nsp(), Benchmark.VICKREY, m), 1, null);
    assertFalse(none.violates(), none.detail());
    assertThrows(IllegalArgumentException.class, () -> SP.replay(c, 1, new Deviation(BigFraction.ONE, null)));
    assertThrows(IllegalArgumentException.class, () -> SP.replay(c, -1, null));
    assertTrue(SP.refusesDeviation(new Deviation(BigFraction.ONE, null)).isPresent());
  }

  /** An agent nobody informs has no split that reaches the sale. */
  @Test
  void anUninformedAgentIsNotChecked() {
    Market m = new Market("apart", "test", "s", List.of(Agent.bidder("A", BigFraction.ONE, true), Agent.bidder("B", BigFraction.of(5), true)),
        List.of(new int[] {0, 1}), 1);
    assertNull(SP.attack(new Concrete(IDM, Benchmark.VICKREY, m), 2));
    assertEquals(List.of(), SP.check(new Concrete(IDM, Benchmark.VICKREY, m)));
  }
}

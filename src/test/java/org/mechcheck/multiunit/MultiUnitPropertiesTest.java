package org.mechcheck.multiunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.search.SymbolicChecker;
import org.mechcheck.search.SymbolicChecker.Status3;

/**
 * The properties with k units, concretely ({@link Checker}) and symbolically ({@link
 * SymbolicChecker}): EFF against the k highest bids, NW, the k-vickrey benchmark, and IC with
 * several winners.
 */
class MultiUnitPropertiesTest {
  private static final Exact A = Exact.INSTANCE;

  /** A wasteful test mechanism: whatever k, only the highest informed bidder gets a unit, for free. */
  static final Mechanism TOP_ONE = new Mechanism() {
    public String name() {
      return "test-top-one";
    }

    public String description() {
      return "test: one unit to the highest bidder, whatever k";
    }

    public String source() {
      return "test";
    }

    public String domain() {
      return "social";
    }

    public Optional<String> refusal(Market m) {
      return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> p, Arith<N> a) {
      N[] pay = (N[]) new Object[p.market().size()];
      Arrays.fill(pay, a.zero());
      List<Integer> top = org.mechcheck.mechanism.UnitDemand.ranked(org.mechcheck.mechanism.UnitDemand.informed(p), 1, p, a);
      return Outcome.awardAll(p.market(), top, pay, Map.of());
    }
  };

  private static BigFraction sumOfTop(List<BigFraction> xs, int k) {
    List<BigFraction> s = new ArrayList<>(xs);
    s.sort(Comparator.reverseOrder());
    BigFraction sum = BigFraction.ZERO;
    for (int j = 0; j < Math.min(k, s.size()); j++) sum = sum.add(s.get(j));
    return sum;
  }

  /** EFF with 5 units: GIDM realises D + H + K + Y + G (the reference winners) = 86 < 87, the five highest bids. */
  @Test
  void gidmIsNotEfficientOnTheWorkedExample() {
    Market m = GidmTest.reference("gidm-example-k5");
    List<BigFraction> values = new ArrayList<>();
    for (int v = 1; v < m.size(); v++) values.add(m.agent(v).value());
    BigFraction best = sumOfTop(values, 5);
    BigFraction realised = BigFraction.ZERO;
    for (String w : GidmTest.winners(GidmTest.expected("gidm-example-k5", "gidm"), m)) realised = realised.add(m.agent(m.node(w)).value());
    List<Violation> found = new Checker(new Gidm()).check(m, Set.of(Property.EFF));
    assertEquals(1, found.size(), found.toString());
    assertEquals(realised, found.get(0).truthful());
    assertEquals(best, found.get(0).deviating());
    assertTrue(new Checker(new VcgK()).check(m, Set.of(Property.EFF)).isEmpty(), "vcg-k is efficient");
  }

  /** The paper's claims IR and BB, and NW, hold on the worked example; with the source's IC claim, GIDM's only failure there is EFF. */
  @Test
  void onTheWorkedExampleGidmFailsOnlyEfficiency() {
    Market m = GidmTest.reference("gidm-example-k5");
    List<Violation> found = new Checker(new Gidm(), Benchmark.K_VICKREY).check(m, Set.of(Property.IR, Property.IC, Property.BB, Property.NW, Property.REV, Property.EFF));
    assertEquals(List.of(Property.EFF), found.stream().map(Violation::property).toList(), found.toString());
  }

  @Test
  void nonWastefulness() {
    Market m = GidmTest.reference("gidm-example-k5");
    List<Violation> waste = new Checker(TOP_ONE).check(m, Set.of(Property.NW));
    assertEquals(1, waste.size());
    assertEquals(BigFraction.ONE, waste.get(0).truthful(), "units allocated");
    assertEquals(BigFraction.of(5), waste.get(0).deviating(), "units for sale");
    // with fewer informed buyers than units nothing is asked: one agent, two units
    Market lone = Enumerator.networks(NetworkClass.SOCIAL, 1).get(0).withUnits(2);
    assertTrue(new Checker(TOP_ONE).check(lone, Set.of(Property.NW)).isEmpty());
    // and with one unit, one winner is all there is
    assertTrue(new Checker(TOP_ONE).check(m.withUnits(1), Set.of(Property.NW)).isEmpty());
  }

  /** k-vickrey: k times the (k+1)-th highest bid among the seller's neighbours (A 7, B 4, C 2 in the example). */
  @Test
  void kVickreyBenchmark() {
    Market m = GidmTest.reference("gidm-example-k5");
    List<BigFraction> neighbours = new ArrayList<>();
    for (int[] e : m.edges()) if (e[0] == 0) neighbours.add(m.agent(e[1]).value());
    neighbours.sort(Comparator.reverseOrder());
    assertEquals(List.of(BigFraction.of(7), BigFraction.of(4), BigFraction.of(2)), neighbours);
    for (int k = 1; k <= 5; k++) {
      Market mk = m.withUnits(k);
      BigFraction want = k + 1 <= neighbours.size() ? neighbours.get(k).multiply(k) : BigFraction.ZERO;
      assertEquals(want, Benchmark.K_VICKREY.value(Profile.truthful(mk, A), A), "k = " + k);
    }
    Market one = m.withUnits(1);
    assertEquals(Vickrey.revenue(Profile.truthful(one, A), A), Benchmark.K_VICKREY.value(Profile.truthful(one, A), A), "k = 1 is Vickrey");
  }

  /** The concrete IC check with several winners: VCG-k is IC on every social network up to 4 agents with 2 units (random values). */
  @Test
  void vcgKIsIcWithSeveralWinners() {
    java.util.Random rnd = new java.util.Random(3);
    for (int n = 1; n <= 4; n++) {
      for (Market s : Enumerator.networks(NetworkClass.SOCIAL, n)) {
        Market m = GidmTest.withRandomValues(s, rnd).withUnits(2);
        List<Violation> found = new Checker(new VcgK()).check(m, Set.of(Property.IC, Property.IR, Property.EFF));
        assertTrue(found.isEmpty(), GidmTest.describe(m) + ": " + found);
      }
    }
  }

  // ------------------------------------------------------------------ symbolic

  /** The spec's IC counterexample structure (tree s-A, A-B, A-C, B-D, C-E, 2 units): Z3 finds B's gain for GIDM, none for VCG-k. */
  @Test
  void z3FindsGidmsIcViolationAndNoneForVcgK() {
    Market tree = treeOfTheCounterexample();
    try (SymbolicChecker z3 = new SymbolicChecker(BigFraction.of(100), 60_000)) {
      SymbolicChecker.Result r = z3.check(new Gidm(), tree, Property.IC, Benchmark.VICKREY);
      assertEquals(Status3.VIOLATED, r.status(), r.note());
      assertEquals(Property.IC, r.violation().property());
      assertEquals(Status3.HOLDS, z3.check(new VcgK(), tree, Property.IC, Benchmark.VICKREY).status());
      assertEquals(Status3.HOLDS, z3.check(new Gidm(), tree, Property.NW, Benchmark.VICKREY).status());
      assertEquals(Status3.VIOLATED, z3.check(TOP_ONE, tree, Property.NW, Benchmark.VICKREY).status());
      assertEquals(Status3.VIOLATED, z3.check(new Gidm(), tree, Property.EFF, Benchmark.VICKREY).status());
      assertEquals(Status3.HOLDS, z3.check(new VcgK(), tree, Property.EFF, Benchmark.VICKREY).status());
      assertEquals(Status3.HOLDS, z3.check(new Gidm(), tree, Property.BB, Benchmark.VICKREY).status());
    }
  }

  /** With one unit the same structure is IC for GIDM (it is IDM there). */
  @Test
  void z3FindsNoIcViolationWithOneUnit() {
    try (SymbolicChecker z3 = new SymbolicChecker(BigFraction.of(100), 60_000)) {
      assertEquals(Status3.HOLDS, z3.check(new Gidm(), treeOfTheCounterexample().withUnits(1), Property.IC, Benchmark.VICKREY).status());
    }
  }

  static Market treeOfTheCounterexample() {
    for (Market m : Enumerator.networks(NetworkClass.SOCIAL_TREE, 5)) {
      // s-A, A-B, A-C, B-D, C-E: one agent at depth 1, two at depth 2, each with one child
      if (Arrays.deepEquals(m.edges().toArray(), new int[][] {{0, 1}, {1, 2}, {1, 3}, {2, 4}, {3, 5}})) return m.withUnits(2);
    }
    throw new IllegalStateException("the enumerator has no s-A, A-B, A-C, B-D, C-E tree");
  }
}

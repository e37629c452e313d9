package org.mechcheck.property;

import org.mechcheck.store.Replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleFixtures;
import org.mechcheck.store.CounterexampleJson;

class ReplayTest {
  @TempDir Path dir;

  private static Mechanism mech(String name) {
    return Mechanisms.byName(name).orElseThrow();
  }

  @Test
  void idmTcIcViolationFoundByTheCheckerStillShowsAfterWriteAndRead() {
    Counterexample found = CounterexampleFixtures.idmTcIc();
    Counterexample c = CounterexampleJson.read(CounterexampleJson.save(dir, found).json());
    Replay.Result r = Replay.of(c);
    assertTrue(r.violates(), r.detail());
    assertEquals(BigFraction.ZERO, r.truthful());
    assertEquals(BigFraction.ONE, r.deviating());
    assertTrue(r.matchesRecord());
    assertEquals("idm-tc", r.mechanism());
  }

  @Test
  void csmFixesIt() {
    Counterexample c = CounterexampleJson.read(CounterexampleJson.save(dir, CounterexampleFixtures.idmTcIc()).json());
    Replay.Result r = Replay.on(c, mech("csm"));
    assertFalse(r.violates(), r.detail());
    assertEquals("csm", r.mechanism());
    assertTrue(r.deviating().compareTo(r.truthful()) <= 0);
    List<Replay.Result> fixes = Replay.fixes(c.withFixedBy(List.of("csm", "vcg")));
    assertEquals(2, fixes.size());
    assertTrue(fixes.stream().noneMatch(Replay.Result::violates));
  }

  @Test
  void numbersAreRecomputedNotRead() {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    // a file claiming a larger gain still replays to the true numbers, and says they differ
    Counterexample inflated = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(), c.deviation(),
        BigFraction.ZERO, BigFraction.of(5), null, c.foundBy(), false, List.of(), null);
    Replay.Result r = Replay.of(inflated);
    assertTrue(r.violates());
    assertEquals(BigFraction.ONE, r.deviating());
    assertFalse(r.matchesRecord());
    // a file claiming a gain where none is: the truthful report is IC-optimal for A among these
    Counterexample noGain = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(),
        new Deviation(null, bits(c.market(), "C", "D", "E")), BigFraction.ZERO, BigFraction.ONE, null, c.foundBy(), false, List.of(), null);
    Replay.Result n = Replay.of(noGain);
    assertFalse(n.violates(), n.detail());
    assertFalse(n.matchesRecord());
  }

  @Test
  void everyIcViolationTheCheckerFindsReplays() {
    for (String file : List.of("idmtc-fig1a-plus-BE.json", "csm-fig1a.json", "csm-fig1b.json", "gidm-example-k1.json", "gidm-example-k5.json")) {
      Market m = CounterexampleFixtures.reference(file);
      for (Mechanism mech : Mechanisms.all()) {
        if (mech.refusal(m).isPresent()) continue;
        for (Violation v : new Checker(mech).check(m, Set.of(Property.IR, Property.IC, Property.BB, Property.EFF, Property.REV))) {
          Counterexample c = Counterexample.from(v, m, mech.name(), "test", "test", false);
          Replay.Result r = Replay.of(CounterexampleJson.parse(CounterexampleJson.toJson(c), file, file));
          assertTrue(r.violates(), mech.name() + " on " + file + ": " + v.detail() + " / " + r.detail());
          assertTrue(r.matchesRecord(), mech.name() + " on " + file + ": " + v.detail() + " / " + r.detail());
        }
      }
    }
  }

  @Test
  void bidDeviationReplays() {
    // Vickrey among the seller's neighbours is IC in bids: A bidding 3 instead of 5 does not gain
    Market m = market("s", List.of(Agent.bidder("A", BigFraction.of(5), false), Agent.bidder("B", BigFraction.of(2), false)),
        new String[][] {{"s", "A"}, {"s", "B"}});
    Counterexample c = new Counterexample("vickrey", Property.IC, "vickrey/ic/x", m, m.node("A"), new Deviation(BigFraction.of(3), null),
        BigFraction.of(3), BigFraction.of(3), null, "test", false, List.of(), null);
    Replay.Result r = Replay.of(c);
    assertFalse(r.violates());
    assertEquals(BigFraction.of(3), r.truthful());
    assertEquals(BigFraction.of(3), r.deviating());
    assertTrue(r.matchesRecord());
    // bidding 1 loses the item
    Counterexample low = new Counterexample("vickrey", Property.IC, "vickrey/ic/x", m, m.node("A"), new Deviation(BigFraction.ONE, null),
        BigFraction.of(3), BigFraction.ZERO, null, "test", false, List.of(), null);
    assertEquals(BigFraction.ZERO, Replay.of(low).deviating());
  }

  @Test
  void vcgBudgetDeficitReplays() {
    // s - I(cost 0) - B(10), and C(1) beside the seller: VCG pays I her marginal contribution 9, B pays 1
    Market m = market("s", List.of(Agent.intermediary("I", BigFraction.ZERO), Agent.bidder("B", BigFraction.of(10), false),
        Agent.bidder("C", BigFraction.ONE, false)), new String[][] {{"s", "I"}, {"I", "B"}, {"s", "C"}});
    List<Violation> found = new Checker(mech("vcg")).check(m, Set.of(Property.BB));
    assertEquals(1, found.size());
    Counterexample c = CounterexampleJson.read(CounterexampleJson.save(dir,
        Counterexample.from(found.get(0), m, "vcg", "vcg/bb/general", "test", true)).json());
    assertEquals(-1, c.agent());
    Replay.Result r = Replay.of(c);
    assertTrue(r.violates(), r.detail());
    assertTrue(r.truthful().signum() < 0);
    assertEquals(BigFraction.ZERO, r.deviating());
    assertTrue(r.matchesRecord());
    Replay.Result csm = Replay.on(c, mech("csm"));
    assertFalse(csm.violates(), csm.detail());
    assertTrue(csm.truthful().signum() >= 0);
  }

  @Test
  void efficiencyAndRevenueReplay() {
    Market m = CounterexampleFixtures.reference("csm-fig1a.json");
    Violation eff = new Checker(mech("vickrey")).check(m, Set.of(Property.EFF)).get(0);
    Counterexample c = Counterexample.from(eff, m, "vickrey", "vickrey/eff/x", "test", false);
    Replay.Result r = Replay.of(c);
    assertTrue(r.violates());
    assertEquals(BigFraction.of(4), r.truthful());
    assertEquals(BigFraction.of(9), r.deviating());
    assertFalse(Replay.on(c, mech("csm")).violates());
    assertEquals(Replay.on(c, mech("csm")).truthful(), BigFraction.of(9));

    // REV of csm against the Vickrey benchmark: the replay agrees with the checker either way
    Counterexample rev = new Counterexample("csm", Property.REV, "csm/rev/general", m, -1, null, BigFraction.ZERO, BigFraction.ZERO,
        Benchmark.VICKREY, "test", false, List.of(), null);
    Replay.Result rr = Replay.of(rev);
    assertEquals(!new Checker(mech("csm"), Benchmark.VICKREY).check(m, Set.of(Property.REV)).isEmpty(), rr.violates());
    assertEquals(Benchmark.VICKREY.value(org.mechcheck.network.Profile.truthful(m, org.mechcheck.num.Exact.INSTANCE), org.mechcheck.num.Exact.INSTANCE), rr.deviating());
  }

  @Test
  void lemma1ReplaysForTheNamedIntermediary() {
    Market m = CounterexampleFixtures.reference("gidm-example-k1.json");
    List<Violation> found = new Checker(mech("idm")).check(m, Set.of(new org.mechcheck.mechanism.Lemma1()));
    if (found.isEmpty()) return; // nothing to replay on this reference network
    Counterexample c = CounterexampleJson.read(CounterexampleJson.save(dir,
        Counterexample.from(found.get(0), m, "idm", "idm/lemma1/x", "test", false)).json());
    assertEquals(m.id(found.get(0).agent()), c.agentId());
    assertTrue(Replay.of(c).violates());
  }

  @Test
  void irReplays() {
    Market m = CounterexampleFixtures.reference("idmtc-fig1a-plus-BE.json");
    // nobody's truthful utility is below 0 under idm-tc here, nor E's when she informs nobody
    Counterexample truthfulIr = new Counterexample("idm-tc", Property.IR, "x", m, m.node("E"), null, BigFraction.of(-1), BigFraction.of(-1),
        null, "test", false, List.of(), null);
    Replay.Result r = Replay.of(truthfulIr);
    assertFalse(r.violates(), r.detail());
    assertEquals(r.truthful(), r.deviating());
    Counterexample withheld = new Counterexample("idm-tc", Property.IR, "x", m, m.node("E"), new Deviation(null, new BitSet()),
        BigFraction.ZERO, BigFraction.of(-1), null, "test", false, List.of(), null);
    Replay.Result w = Replay.of(withheld);
    assertEquals(w.deviating().signum() < 0 || w.truthful().signum() < 0, w.violates());
  }

  @Test
  void refusesAMechanismOutsideItsDomain() {
    Market m = CounterexampleFixtures.reference("gidm-example-k1.json");
    Counterexample c = new Counterexample("idm", Property.BB, "x", m, -1, null, BigFraction.ZERO, BigFraction.ZERO, null, "t", false, List.of(), null);
    assertThrows(IllegalArgumentException.class, () -> Replay.on(c, mech("csm")));
  }

  private static Market market(String seller, List<Agent> agents, String[][] edges) {
    List<String> ids = new java.util.ArrayList<>();
    ids.add(seller);
    agents.forEach(a -> ids.add(a.id()));
    List<int[]> es = new java.util.ArrayList<>();
    for (String[] e : edges) es.add(new int[] {ids.indexOf(e[0]), ids.indexOf(e[1])});
    return new Market("test", "", seller, agents, es, 1);
  }

  private static BitSet bits(Market m, String... ids) {
    BitSet s = new BitSet();
    for (String id : ids) s.set(m.node(id));
    return s;
  }
}

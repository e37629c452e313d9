package org.mechcheck.sra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.store.NetworkJson;

/** 001 Theorem 5.3 against message-passing, choice and computational deviations: by hand, by search, and every saved file replayed. */
class DeviationSearchTest {

  /**
   * s - A, s - B, A - C, B - C with A = 0, B = 1, C = 2, by hand (Eq. 1-2). C reports to A: the
   * seller's auction has A at 2 and B at 1, A buys at 1; A's auction has C alone, price
   * max(1, 0) = 1 above A's 0, so C buys at 1: utility 1. C reports to B: A bids 0, B 2, B buys
   * at 0; B's 1 reaches her price max(0, 0) = 0, so she keeps it: C gets 0. At random: 1/2.
   */
  @Test
  void choosingTheInviterPaysByHand() {
    Market m = ProtocolTest.market("diamond", new long[] {0, 0, 1, 2}, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
    DeviationSearch.Finding f = DeviationSearch.confirm(m, 3, "choice", "passing", List.of(1), null);
    assertNotNull(f);
    assertEquals(BigFraction.of(1, 2), f.truthful());
    assertEquals(BigFraction.ONE, f.deviating());
    assertNull(DeviationSearch.confirm(m, 3, "choice", "passing", List.of(2), null), "reporting to B only gains nothing");
  }

  /** Reporting to both inviters: the seller sees C's 2 from A and from B, sells at 2, and C buys at 2 in the end (utility 0 < 1/2). */
  @Test
  void reportingToSeveralHurtsHere() {
    Market m = ProtocolTest.market("diamond", new long[] {0, 0, 1, 2}, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
    assertNull(DeviationSearch.confirm(m, 3, "passing", "passing", List.of(1, 2), null));
  }

  @Test
  void theSearchFindsTheChoiceCounterexampleWithThreeAgents() {
    DeviationSearch.Result r = DeviationSearch.run("choice", NetworkClass.SOCIAL, 3, BigFraction.of(100), 60_000, 0, x -> {});
    assertNotNull(r.finding());
    assertEquals(3, r.finding().witness().agentCount());
    assertEquals(2, r.bound(), "1 and 2 agents verified first");
  }

  @Test
  void computationDeviationsNeverGainUpToThreeAgents() {
    DeviationSearch.Result r = DeviationSearch.run("computation", NetworkClass.SOCIAL, 3, BigFraction.of(100), 60_000, 0, x -> {});
    assertNull(r.finding(), () -> DeviationEvidence.describe(r.finding()));
    assertEquals(3, r.bound());
  }

  @Test
  void twoWorkersFindWhatOneFinds() {
    for (String family : List.of("choice", "passing", "computation")) {
      DeviationSearch.Result one = DeviationSearch.run(family, NetworkClass.SOCIAL, 3, null, 60_000, 0, 1, false, org.mechcheck.search.Search.SILENT);
      DeviationSearch.Result two = DeviationSearch.run(family, NetworkClass.SOCIAL, 3, null, 60_000, 0, 2, false, org.mechcheck.search.Search.SILENT);
      assertEquals(one.finding() == null ? null : one.finding().witness().name(), two.finding() == null ? null : two.finding().witness().name(), family);
      assertEquals(one.bound(), two.bound(), family);
      assertEquals(one.networks(), two.networks(), family + ": networks counted up to the first finding");
      assertEquals(one.levels().stream().map(l -> l.networks()).toList(), two.levels().stream().map(l -> l.networks()).toList(), family);
    }
  }

  /**
   * With a second solver, the computation family up to 3 agents is verified as without one, on
   * the same networks with the same queries, and every one of those queries (all UNSAT, since
   * none found a gain) is re-decided as UNSAT by SMTInterpol; a search that stopped at an
   * uncertified answer would verify less, and one that skipped certification would count none.
   */
  @Test
  void aCertifiedSearchReDecidesEveryAnswer() {
    DeviationSearch.Result plain = DeviationSearch.run("computation", NetworkClass.SOCIAL, 3, null, 60_000, 0, 2, false, org.mechcheck.search.Search.SILENT);
    DeviationSearch.Result certified = DeviationSearch.run("computation", NetworkClass.SOCIAL, 3, null, 60_000, 0, 2, true, org.mechcheck.search.Search.SILENT);
    assertNull(certified.finding());
    assertEquals(plain.bound(), certified.bound());
    assertEquals(3, certified.bound());
    assertEquals(plain.levels().stream().map(l -> List.of(l.networks(), l.queries())).toList(),
        certified.levels().stream().map(l -> List.of(l.networks(), l.queries())).toList());
    assertEquals(0, plain.stats().certified, "Z3 alone certifies nothing");
    assertEquals(certified.queries(), certified.stats().certified, "every UNSAT answer re-decided");
    assertEquals(0, certified.stats().disagreements);
  }

  /** The choice family's counterexample is found with a second solver too: certification re-decides UNSAT answers and never hides a gain. */
  @Test
  void aCertifiedSearchStillFindsTheChoiceCounterexample() {
    DeviationSearch.Result r = DeviationSearch.run("choice", NetworkClass.SOCIAL, 3, null, 60_000, 0, 1, true, org.mechcheck.search.Search.SILENT);
    assertNotNull(r.finding());
    assertEquals(3, r.finding().witness().agentCount());
    assertEquals(2, r.bound());
    assertEquals(0, r.stats().disagreements);
  }

  @TestFactory
  Stream<DynamicTest> everySavedDeviationStillGains() throws IOException {
    Path dir = Path.of("counterexamples/sra");
    if (!Files.isDirectory(dir)) return Stream.empty();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      DeviationSearch.Finding g = DeviationEvidence.replay(f, NetworkJson.readTree(f));
      assertNotNull(g, f + " no longer gains");
      assertTrue(g.deviating().compareTo(g.truthful()) > 0);
    }));
  }
}

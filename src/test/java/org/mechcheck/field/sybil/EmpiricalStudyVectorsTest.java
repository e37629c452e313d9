package org.mechcheck.field.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Checker;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/**
 * The numeric unit tests of the public Python repository none44353/Empirical-Study-on-Diffusion-Auction
 * for IDM and NSP (mechanism/IDM.py, mechanism/NSP.py, mechanism/trivial_test.py), transcribed as
 * network files under src/test/resources/field/empirical-study/ whose {@code expected} blocks hold
 * the winners, payments and revenues those tests assert, and whose {@code welfare.tsv} holds the
 * welfare and efficiency ratios they assert (the network format has no field for those). The
 * numbers are read from the files, never restated here.
 *
 * <p>The Python outcome reports transfers to the agents ({@code monetaryTransfer}), welfare as the
 * winner's bid and an efficiency ratio as a double; the files hold payments (the negative of a
 * transfer), welfare, and the ratio as the source prints it, compared to 1e-9 (the source itself
 * compares to 7 places).
 */
class EmpiricalStudyVectorsTest {
  private static final Exact A = Exact.INSTANCE;
  private static final Map<String, Mechanism> MECHANISMS = Map.of("idm", Mechanisms.byName("idm").orElseThrow(), "nsp", new Nsp());

  static Path dir() {
    try {
      return Path.of(EmpiricalStudyVectorsTest.class.getResource("/field/empirical-study").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void theTranscribedTestsAreThere() throws IOException {
    assertEquals(List.of("hand.json", "li2017-fig2.json", "trivial-one-neighbour.json", "trivial-seller-alone.json"),
        files().stream().map(p -> p.getFileName().toString()).toList());
  }

  @TestFactory
  Stream<DynamicNode> everyAssertedNumber() throws IOException {
    List<DynamicNode> out = new ArrayList<>();
    for (Path file : files()) {
      NetworkFile nf = NetworkJson.read(file, true);
      List<DynamicNode> tests = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = nf.expected().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Mechanism mech = MECHANISMS.get(e.getKey());
        String[] stated = welfare(file.getFileName().toString(), e.getKey());
        tests.add(DynamicTest.dynamicTest(e.getKey(), file.toUri(), () -> check(nf.market(), mech, e.getValue(), stated)));
      }
      out.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests.stream()));
    }
    return out.stream();
  }

  /** The welfare and efficiency ratio welfare.tsv states for a file and mechanism ({"", ""} when it states none). */
  static String[] welfare(String file, String mechanism) throws IOException {
    for (String line : Files.readAllLines(dir().resolve("welfare.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] c = line.split("\t", -1);
      if (c[0].equals(file) && c[1].equals(mechanism)) return new String[] {c[2], c[3]};
    }
    return new String[] {"", ""};
  }

  @Test
  void everyWelfareRowNamesATranscribedTest() throws IOException {
    int rows = 0;
    for (String line : Files.readAllLines(dir().resolve("welfare.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] c = line.split("\t", -1);
      assertEquals(4, c.length, line);
      assertTrue(NetworkJson.read(dir().resolve(c[0]), true).expected().has(c[1]), line);
      rows++;
    }
    assertEquals(6, rows);
  }

  private static void check(Market m, Mechanism mech, JsonNode exp, String[] stated) {
    assertEquals(java.util.Optional.empty(), mech.refusal(m), "in the domain");
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Outcome<BigFraction> o = mech.run(truthful, A);
    String where = mech.name() + " on " + m.name();
    if (exp.has("allocation")) {
      List<Integer> expected = new ArrayList<>();
      exp.get("allocation").fieldNames().forEachRemaining(id -> expected.add(m.node(id)));
      assertEquals(expected.toString(), Arrays.toString(o.winners()), where + ": winners");
      exp.get("allocation").fields().forEachRemaining(a -> assertEquals(Rationals.parse(a.getValue().asText()), o.allocation(m.node(a.getKey())), where + ": " + a.getKey() + "'s units"));
    }
    if (exp.has("payments")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = exp.get("payments").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        assertEquals(Rationals.parse(p.getValue().asText()), o.payment(m.node(p.getKey())), where + ": " + p.getKey() + "'s payment");
      }
    }
    if (exp.has("revenue")) assertEquals(Rationals.parse(exp.get("revenue").asText()), o.revenue(A), where + ": revenue");
    BigFraction welfare = Checker.welfare(o);
    if (!stated[0].isEmpty()) assertEquals(Rationals.parse(stated[0]), welfare, where + ": welfare");
    if (!stated[1].isEmpty()) {
      BigFraction best = highestInformedValue(truthful);
      BigDecimal ratio = new BigDecimal(welfare.divide(best).bigDecimalValue(30, java.math.RoundingMode.HALF_EVEN).toString());
      BigDecimal ratioStated = new BigDecimal(stated[1]);
      assertTrue(ratio.subtract(ratioStated).abs().compareTo(new BigDecimal("1e-9")) <= 0,
          where + ": welfare / W* = " + Rationals.format(welfare.divide(best)) + ", the source states " + ratioStated);
    }
  }

  /** W* on a single-unit social network, computed here: the highest value among the informed agents. */
  private static BigFraction highestInformedValue(Profile<BigFraction> p) {
    BigFraction best = BigFraction.ZERO;
    BitSet informed = p.graph().informed();
    for (int v = informed.nextSetBit(0); v >= 0; v = informed.nextSetBit(v + 1)) if (p.bid(v).compareTo(best) > 0) best = p.bid(v);
    return best;
  }

  /**
   * The Python tests run on directed graphs; hand.json takes the graph undirected. Letting every
   * agent inform only her out-neighbours of the source's arcs (0->1, 0->2, 0->3, 0->4, 1->5, 2->5,
   * 3->6, 5->7, 8->9) gives the same outcome, so the undirected file is the source's network.
   */
  @Test
  void theSourceArcsGiveTheSameOutcomeAsTheUndirectedNetwork() throws IOException {
    Market m = NetworkJson.read(dir().resolve("hand.json"), true).market();
    int[][] arcs = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 5}, {2, 5}, {3, 6}, {5, 7}, {8, 9}};
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Profile<BigFraction> directed = truthful;
    for (int v = 1; v < m.size(); v++) {
      BitSet to = new BitSet();
      for (int[] a : arcs) if (m.node(String.valueOf(a[0])) == v) to.set(m.node(String.valueOf(a[1])));
      directed = directed.withInforms(v, to);
    }
    assertFalse(directed.graph().informed().equals(new BitSet()), "the seller informs her neighbours");
    for (Mechanism mech : MECHANISMS.values()) {
      Outcome<BigFraction> a = mech.run(truthful, A), b = mech.run(directed, A);
      assertEquals(Arrays.toString(a.winners()), Arrays.toString(b.winners()), mech.name() + ": winners");
      for (int v = 1; v < m.size(); v++) assertEquals(a.payment(v), b.payment(v), mech.name() + ": " + m.id(v) + "'s payment");
    }
  }
}

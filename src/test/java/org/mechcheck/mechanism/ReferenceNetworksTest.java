package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/**
 * Every outcome a source document states, as transcribed in the {@code expected} blocks of
 * src/test/resources/reference/*.json: one dynamic test per (file, mechanism). The numbers are
 * read from the files, never restated here.
 */
class ReferenceNetworksTest {
  private static final Exact A = Exact.INSTANCE;
  private static final Set<String> KNOWN_KEYS = Set.of("allocation", "chain", "payments", "revenue", "threshold", "note");
  private static final String OTHERS_PAY_ZERO = "every other agent pays 0";

  static Path referenceDir() {
    try {
      return Path.of(ReferenceNetworksTest.class.getResource("/reference").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> referenceFiles() throws IOException {
    try (Stream<Path> s = Files.list(referenceDir())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void theReferenceFilesAreThere() throws IOException {
    List<String> names = referenceFiles().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("csm-fig1a.json", "csm-fig1b.json", "gidm-example-k1.json", "gidm-example-k5.json",
        "idmtc-fig1a-plus-BE.json")), "reference files: " + names);
  }

  @TestFactory
  Stream<DynamicNode> everyStatedOutcome() throws IOException {
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : referenceFiles()) {
      NetworkFile nf = NetworkJson.read(file, true);
      JsonNode expected = nf.expected();
      List<DynamicNode> tests = new ArrayList<>();
      if (expected != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String mechName = e.getKey();
          JsonNode exp = e.getValue();
          tests.add(DynamicTest.dynamicTest(mechName, file.toUri(), () -> {
            Mechanism mech = Mechanisms.byName(mechName).orElse(null);
            Assumptions.assumeTrue(mech != null, "mechanism '" + mechName + "' named in " + file.getFileName() + " is not implemented yet");
            check(nf, mech, exp);
          }));
        }
      }
      files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests.stream()));
    }
    return files.stream();
  }

  private static void check(NetworkFile nf, Mechanism mech, JsonNode exp) {
    Market m = nf.market();
    String where = mech.name() + " on " + nf.path().getFileName();
    for (Iterator<String> it = exp.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      assertTrue(KNOWN_KEYS.contains(key), where + ": the expected block has '" + key + "', which this test does not check yet");
    }
    assertTrue(mech.refusal(m).isEmpty(), () -> where + ": refused: " + mech.refusal(m).orElse(""));
    Outcome<BigFraction> o = Contract.run(mech, Profile.truthful(m, A));

    if (exp.has("allocation")) {
      Map<String, BigFraction> want = new TreeMap<>();
      exp.get("allocation").fields().forEachRemaining(f -> want.put(f.getKey(), number(f.getValue())));
      Map<String, BigFraction> got = new TreeMap<>();
      for (int v : o.winners()) got.put(m.id(v), o.allocation(v));
      assertEquals(want, got, where + ": allocation");
    }
    if (exp.has("chain")) {
      List<String> want = new ArrayList<>();
      exp.get("chain").forEach(x -> want.add(x.asText()));
      assertEquals(1, o.chains().size(), where + ": one trading chain");
      List<String> got = new ArrayList<>();
      for (int v : o.chains().get(0)) got.add(m.id(v));
      assertEquals(want, got, where + ": chain");
    }
    if (exp.has("payments")) {
      Map<String, BigFraction> want = new LinkedHashMap<>();
      exp.get("payments").fields().forEachRemaining(f -> want.put(f.getKey(), number(f.getValue())));
      for (Map.Entry<String, BigFraction> w : want.entrySet()) {
        int v = m.node(w.getKey());
        assertTrue(v > 0, where + ": expected payment of unknown agent " + w.getKey());
        assertEquals(w.getValue(), o.payment(v), where + ": payment of " + w.getKey());
      }
      String note = exp.has("note") ? exp.get("note").asText() : "";
      if (note.contains(OTHERS_PAY_ZERO)) {
        for (int v = 1; v < m.size(); v++) {
          if (!want.containsKey(m.id(v))) assertEquals(BigFraction.ZERO, o.payment(v), where + ": " + m.id(v) + " should pay 0 (" + note + ")");
        }
      }
    }
    if (exp.has("revenue")) {
      assertEquals(number(exp.get("revenue")), o.revenue(A), where + ": revenue");
    }
    if (exp.has("threshold")) {
      Object t = o.details().get("threshold");
      assertNotNull(t, where + ": the outcome has no threshold neighbourhoods");
      @SuppressWarnings("unchecked")
      Map<Integer, BitSet> got = (Map<Integer, BitSet>) t;
      exp.get("threshold").fields().forEachRemaining(f -> {
        int v = m.node(f.getKey());
        assertTrue(v > 0, where + ": threshold of unknown agent " + f.getKey());
        List<String> want = new ArrayList<>();
        f.getValue().forEach(x -> want.add(x.asText()));
        BitSet g = got.get(v);
        assertNotNull(g, where + ": no threshold neighbourhood for " + f.getKey());
        List<String> gotIds = g.stream().mapToObj(m::id).toList();
        assertEquals(want.stream().sorted().toList(), gotIds.stream().sorted().toList(), where + ": threshold neighbourhood of " + f.getKey());
      });
    }
    assertFalse(exp.isEmpty(), where + ": empty expected block");
  }

  /** A number of an expected block: a JSON integer, decimal or "p/q" string, read exactly. */
  static BigFraction number(JsonNode n) {
    if (n.isIntegralNumber()) return BigFraction.of(n.bigIntegerValue());
    if (n.isTextual()) {
      String s = n.asText().trim();
      int slash = s.indexOf('/');
      if (slash >= 0) return BigFraction.of(new java.math.BigInteger(s.substring(0, slash).trim()), new java.math.BigInteger(s.substring(slash + 1).trim()));
      return fromDecimal(new java.math.BigDecimal(s));
    }
    if (n.isNumber()) return fromDecimal(n.decimalValue());
    fail("not a number in an expected block: " + n);
    return null;
  }

  private static BigFraction fromDecimal(java.math.BigDecimal d) {
    java.math.BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) return BigFraction.of(s.toBigIntegerExact());
    return BigFraction.of(s.unscaledValue(), java.math.BigInteger.TEN.pow(s.scale()));
  }
}

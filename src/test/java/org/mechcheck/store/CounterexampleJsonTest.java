package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechcheck.network.Market;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;

class CounterexampleJsonTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsEverything() {
    Counterexample c = CounterexampleFixtures.idmTcIc().withFixedBy(List.of("csm"));
    CounterexampleJson.Saved saved = CounterexampleJson.save(dir, c);
    assertTrue(saved.created());
    assertTrue(Files.isRegularFile(saved.json()));
    assertTrue(Files.isRegularFile(saved.svg()));
    assertEquals(CounterexampleJson.baseName(c) + ".svg", saved.svg().getFileName().toString());
    Counterexample back = CounterexampleJson.read(saved.json());
    assertEquals("idm-tc", back.mechanism());
    assertEquals(Property.IC, back.property());
    assertEquals("idm-tc/ic/general", back.claim());
    assertEquals("A", back.agentId());
    assertNull(back.deviation().bid());
    assertEquals(nodes(back.market(), "C", "D"), back.deviation().informs());
    assertEquals(BigFraction.ZERO, back.truthful());
    assertEquals(BigFraction.ONE, back.deviating());
    assertEquals(c.foundBy(), back.foundBy());
    assertFalse(back.minimised());
    assertEquals(List.of("csm"), back.fixedBy());
    assertEquals(c.detail(), back.detail());
    assertEquals(NetworkJson.toJson(c.market()), NetworkJson.toJson(back.market()));
    // writing what was read gives the same text, hence the same name
    assertEquals(CounterexampleJson.text(c), CounterexampleJson.text(back));
    assertEquals(CounterexampleJson.fileName(c), CounterexampleJson.fileName(back));
  }

  @Test
  void fileHasTheDocumentedShape() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    JsonNode o = NetworkJson.MAPPER.readTree(Files.readString(CounterexampleJson.save(dir, c).json()));
    assertEquals("mechcheck-counterexample/1", o.get("format").asText());
    assertEquals("IC", o.get("property").asText());
    assertEquals("mechcheck-network/1", o.get("network").get("format").asText());
    assertEquals("A", o.get("agent").asText());
    assertTrue(o.get("deviation").get("bid").isNull());
    assertEquals("[\"C\",\"D\"]", o.get("deviation").get("invites").toString());
    assertEquals("0", o.get("truthful").get("utility").asText());
    assertEquals("1", o.get("deviating").get("utility").asText());
    assertTrue(o.get("minimised").isBoolean());
    assertTrue(o.get("foundBy").isTextual());
  }

  @Test
  void nameIsMechanismPropertyAndAStableHash() {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    String name = CounterexampleJson.fileName(c);
    assertTrue(name.matches("idm-tc-IC-[0-9a-f]{8}\\.json"), name);
    assertEquals(name, CounterexampleJson.fileName(CounterexampleFixtures.idmTcIc()));
    // labels and bookkeeping do not change the identity ...
    Counterexample relabelled = new Counterexample(c.mechanism(), c.property(), "other/claim", c.market().withName("renamed"), c.agent(),
        c.deviation(), BigFraction.of(7), BigFraction.of(8), null, "another command", true, List.of("csm"), "another detail");
    assertEquals(name, CounterexampleJson.fileName(relabelled));
    // ... the deviation does
    Counterexample otherDeviation = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(),
        new Deviation(null, nodes(c.market(), "C")), c.truthful(), c.deviating(), null, c.foundBy(), c.minimised(), List.of(), null);
    assertNotEquals(name, CounterexampleJson.fileName(otherDeviation));
    // the key is canonical JSON with sorted keys
    String key = CounterexampleJson.canonicalKey(c);
    assertTrue(key.startsWith("{\"agent\":\"A\",\"deviation\":{\"bid\":null,\"invites\":[\"C\",\"D\"]},\"mechanism\":\"idm-tc\""), key);
    assertFalse(key.contains(" "));
  }

  @Test
  void savingTheSameCounterexampleTwiceGivesOneFile() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    CounterexampleJson.Saved first = CounterexampleJson.save(dir, c);
    String text = Files.readString(first.json());
    // found again by another command: same identity, the first file stays as it is
    Counterexample again = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(), c.deviation(),
        c.truthful(), c.deviating(), null, "found again", true, List.of(), null);
    CounterexampleJson.Saved second = CounterexampleJson.save(dir, again);
    assertFalse(second.created());
    assertEquals(first.json(), second.json());
    assertEquals(text, Files.readString(second.json()));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(first.json().getFileName().toString(), first.svg().getFileName().toString()),
          s.map(p -> p.getFileName().toString()).sorted().toList(), "one JSON, one SVG, no temporary files left");
    }
  }

  @Test
  void neverReplacesADifferentFile() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    Path target = dir.resolve(CounterexampleJson.fileName(c));
    Files.writeString(target, "{\"something\": \"else\"}");
    assertThrows(IllegalStateException.class, () -> CounterexampleJson.save(dir, c));
    assertEquals("{\"something\": \"else\"}", Files.readString(target));

    // a valid counterexample of another identity under this name (a short-hash collision)
    Counterexample other = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(),
        new Deviation(null, nodes(c.market(), "C")), c.truthful(), c.deviating(), null, c.foundBy(), false, List.of(), null);
    String otherText = CounterexampleJson.text(other);
    Files.writeString(target, otherText);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CounterexampleJson.save(dir, c));
    assertTrue(e.getMessage().contains("different counterexample"), e.getMessage());
    assertEquals(otherText, Files.readString(target));
  }

  @Test
  void writesNothingItCouldNotReadBack() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc().withFixedBy(List.of("idm")); // idm refuses intermediaries
    InputException e = assertThrows(InputException.class, () -> CounterexampleJson.save(dir, c));
    assertTrue(e.getMessage().contains("fixedBy[0]: the network is outside the domain of idm"), e.getMessage());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void marketLevelCounterexampleRoundTrips() throws Exception {
    Market m = CounterexampleFixtures.reference("csm-fig1a.json");
    Counterexample c = new Counterexample("vickrey", Property.REV, "vickrey/rev/x", m, -1, null, BigFraction.of(-1, 3),
        BigFraction.of(2), new org.mechcheck.mechanism.WithoutFirstCritical(), "test", true, List.of(), null);
    Path file = CounterexampleJson.save(dir, c).json();
    JsonNode o = NetworkJson.MAPPER.readTree(Files.readString(file));
    assertFalse(o.has("agent"));
    assertFalse(o.has("deviation"));
    assertEquals("-1/3", o.get("truthful").get("value").asText());
    assertEquals("2", o.get("deviating").get("benchmark").asText());
    assertEquals("w-d1star", o.get("benchmark").asText());
    Counterexample back = CounterexampleJson.read(file);
    assertEquals(-1, back.agent());
    assertNull(back.deviation());
    assertEquals(new org.mechcheck.mechanism.WithoutFirstCritical(), back.benchmark());
    assertEquals(BigFraction.of(-1, 3), back.truthful());
    assertEquals(CounterexampleJson.text(c), CounterexampleJson.text(back));
  }

  // ---------------------------------------------------------------- rejections

  static Stream<Arguments> corruptions() {
    return Stream.of(
        bad("format missing", o -> o.remove("format"), "format", "missing"),
        bad("wrong format", o -> o.put("format", "mechcheck-network/1"), "format", "expected"),
        bad("mechanism missing", o -> o.remove("mechanism"), "mechanism", "missing"),
        bad("unknown mechanism", o -> o.put("mechanism", "nonesuch"), "mechanism", "unknown mechanism 'nonesuch'"),
        bad("property missing", o -> o.remove("property"), "property", "missing"),
        bad("unknown property", o -> o.put("property", "XYZ"), "property", "unknown property 'XYZ'"),
        bad("claim missing", o -> o.remove("claim"), "claim", "missing"),
        bad("claim not a string", o -> o.put("claim", 3), "claim", "non-empty string"),
        bad("network missing", o -> o.remove("network"), "network", "missing"),
        bad("network not an object", o -> o.put("network", "fig1"), "network", "must be a"),
        bad("bad network", o -> ((ObjectNode) o.get("network")).put("format", "x"), "network: format", "expected"),
        bad("network edge to an unknown agent", o -> ((ArrayNode) o.get("network").get("edges")).addArray().add("s").add("Z"),
            "network: edges[11]", "unknown agent 'Z'"),
        bad("unknown field in the network", o -> ((ObjectNode) o.get("network")).put("colour", "red"), "network: colour", "unknown field"),
        bad("network outside the mechanism's domain", o -> o.put("mechanism", "csm").set("network", socialNetwork()), "network", "outside the domain of csm"),
        bad("agent missing", o -> o.remove("agent"), "agent", "missing"),
        bad("agent not in the network", o -> o.put("agent", "Q"), "agent", "'Q' is not an agent"),
        bad("agent is the seller", o -> o.put("agent", "s"), "agent", "seller"),
        bad("agent on a market-level property", o -> o.put("property", "BB"), "agent", "property of the market"),
        bad("deviation missing for IC", o -> o.remove("deviation"), "deviation", "missing"),
        bad("deviation not an object", o -> o.put("deviation", "withholds"), "deviation", "must be an object"),
        bad("deviation.bid missing", o -> ((ObjectNode) o.get("deviation")).remove("bid"), "deviation.bid", "missing"),
        bad("deviation.invites missing", o -> ((ObjectNode) o.get("deviation")).remove("invites"), "deviation.invites", "missing"),
        bad("unknown field in the deviation", o -> ((ObjectNode) o.get("deviation")).put("price", 3), "deviation.price", "unknown field"),
        bad("truthful deviation for IC", o -> ((ObjectNode) o.get("deviation")).putNull("invites"), "deviation", "truthful report"),
        bad("invites a non-neighbour", o -> ((ArrayNode) o.get("deviation").get("invites")).add("H"), "deviation.invites[2]", "not a neighbour of A"),
        bad("invites an unknown agent", o -> ((ArrayNode) o.get("deviation").get("invites")).add("Q"), "deviation.invites[2]", "not an agent"),
        bad("invites the seller", o -> ((ArrayNode) o.get("deviation").get("invites")).add("s"), "deviation.invites[2]", "seller"),
        bad("invites someone twice", o -> ((ArrayNode) o.get("deviation").get("invites")).add("C"), "deviation.invites[2]", "twice"),
        bad("invites not a list", o -> ((ObjectNode) o.get("deviation")).put("invites", "C"), "deviation.invites", "must be a list"),
        bad("an intermediary bids", o -> ((ObjectNode) o.get("deviation")).put("bid", "3"), "deviation.bid", "intermediary"),
        bad("a bid that is no number", o -> o.put("agent", "D").set("deviation", dev("seven", null)), "deviation.bid", "not a number"),
        bad("a negative bid", o -> o.put("agent", "D").set("deviation", dev("-1/2", null)), "deviation.bid", "negative"),
        bad("a non-inviting buyer informs", o -> o.put("agent", "D").set("deviation", dev(null, "A")), "deviation.invites[0]", "does not invite"),
        bad("truthful missing", o -> o.remove("truthful"), "truthful", "missing"),
        bad("truthful.utility missing", o -> o.set("truthful", NetworkJson.MAPPER.createObjectNode()), "truthful.utility", "missing"),
        bad("truthful with the market-level shape", o -> o.set("truthful", NetworkJson.MAPPER.createObjectNode().put("value", "0")),
            "truthful.value", "unknown field"),
        bad("deviating not a number", o -> ((ObjectNode) o.get("deviating")).put("utility", "lots"), "deviating.utility", "not a number"),
        bad("deviating missing", o -> o.remove("deviating"), "deviating", "missing"),
        bad("foundBy missing", o -> o.remove("foundBy"), "foundBy", "missing"),
        bad("minimised missing", o -> o.remove("minimised"), "minimised", "missing"),
        bad("minimised not a boolean", o -> o.put("minimised", "yes"), "minimised", "true or false"),
        bad("fixedBy not a list", o -> o.put("fixedBy", "csm"), "fixedBy", "list"),
        bad("fixedBy names an unknown mechanism", o -> o.putArray("fixedBy").add("nonesuch"), "fixedBy[0]", "unknown mechanism"),
        bad("fixedBy names the mechanism itself", o -> o.putArray("fixedBy").add("idm-tc"), "fixedBy[0]", "the mechanism the counterexample refutes"),
        bad("benchmark on IC", o -> o.put("benchmark", "vickrey"), "benchmark", "only a REV"),
        bad("detail not a string", o -> o.put("detail", 5), "detail", "must be a string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptions")
  void rejectsCorruptFiles(String what, Consumer<ObjectNode> corrupt, String field, String reason) throws Exception {
    ObjectNode o = CounterexampleJson.toJson(CounterexampleFixtures.idmTcIc());
    corrupt.accept(o);
    Path file = dir.resolve("corrupt.json");
    Files.writeString(file, NetworkJson.MAPPER.writeValueAsString(o));
    InputException e = assertThrows(InputException.class, () -> CounterexampleJson.read(file), what);
    String msg = e.getMessage();
    assertTrue(msg.startsWith(file + ": " + field + ": "), what + ": " + msg);
    assertTrue(msg.contains(reason), what + ": " + msg);
    assertFalse(msg.contains("\n"), "one line: " + msg);
  }

  @Test
  void rejectsMarketLevelShapesGoneWrong() throws Exception {
    Market m = CounterexampleFixtures.reference("csm-fig1a.json");
    Counterexample bb = new Counterexample("vcg", Property.BB, "vcg/bb/general", m, -1, null, BigFraction.of(-1), BigFraction.ZERO,
        null, "test", false, List.of(), null);
    ObjectNode withDeviation = CounterexampleJson.toJson(bb);
    withDeviation.set("deviation", dev(null, null));
    assertRejected(withDeviation, "deviation", "property of the market");
    ObjectNode utilityShape = CounterexampleJson.toJson(bb);
    utilityShape.set("truthful", NetworkJson.MAPPER.createObjectNode().put("utility", "-1"));
    assertRejected(utilityShape, "truthful.utility", "unknown field");
    ObjectNode badBenchmark = CounterexampleJson.toJson(bb);
    badBenchmark.put("property", "REV").put("benchmark", "median");
    assertRejected(badBenchmark, "benchmark", "unknown benchmark");
    ObjectNode irWithBid = CounterexampleJson.toJson(CounterexampleFixtures.idmTcIc());
    irWithBid.put("property", "IR").put("agent", "D").set("deviation", dev("3", null));
    assertRejected(irWithBid, "deviation.bid", "only in whom");
  }

  @Test
  void rejectsUnreadableFiles() throws Exception {
    Path missing = dir.resolve("missing.json");
    assertEquals(missing + ": no such file", assertThrows(InputException.class, () -> CounterexampleJson.read(missing)).getMessage());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\": ");
    assertTrue(assertThrows(InputException.class, () -> CounterexampleJson.read(broken)).getMessage().startsWith(broken + ": not valid JSON"));
    Path list = dir.resolve("list.json");
    Files.writeString(list, "[]");
    assertEquals(list + ": the file must hold one JSON object", assertThrows(InputException.class, () -> CounterexampleJson.read(list)).getMessage());
    Path dup = dir.resolve("dup.json");
    Files.writeString(dup, "{\"format\": \"mechcheck-counterexample/1\", \"format\": \"x\"}");
    assertTrue(assertThrows(InputException.class, () -> CounterexampleJson.read(dup)).getMessage().contains("Duplicate field"));
  }

  @Test
  void irAtTheTruthfulReportHasNoDeviation() {
    Market m = CounterexampleFixtures.reference("idmtc-fig1a-plus-BE.json");
    var v = new org.mechcheck.property.Violation(Property.IR, m.node("B"), Deviation.TRUTHFUL, BigFraction.of(-1), BigFraction.of(-1), "made up");
    Counterexample c = Counterexample.from(v, m, "idm-tc", "idm-tc/ir/general", "test", false);
    assertNull(c.deviation());
    assertFalse(CounterexampleJson.toJson(c).has("deviation"));
    Counterexample back = CounterexampleJson.parse(CounterexampleJson.toJson(c), "x", "x");
    assertNull(back.deviation());
    assertEquals("B", back.agentId());
  }

  private void assertRejected(ObjectNode o, String field, String reason) throws Exception {
    Path file = dir.resolve("corrupt.json");
    Files.writeString(file, NetworkJson.MAPPER.writeValueAsString(o));
    String msg = assertThrows(InputException.class, () -> CounterexampleJson.read(file)).getMessage();
    assertTrue(msg.startsWith(file + ": " + field + ": ") && msg.contains(reason), msg);
  }

  private static Arguments bad(String what, Consumer<ObjectNode> corrupt, String field, String reason) {
    return Arguments.of(what, corrupt, field, reason);
  }

  private static ObjectNode dev(String bid, String invites) {
    ObjectNode d = NetworkJson.MAPPER.createObjectNode();
    if (bid == null) d.putNull("bid");
    else d.put("bid", bid);
    if (invites == null) d.putNull("invites");
    else d.putArray("invites").add(invites);
    return d;
  }

  private static JsonNode socialNetwork() {
    try {
      return NetworkJson.MAPPER.readTree(Files.readString(CounterexampleFixtures.REFERENCE.resolve("gidm-example-k1.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static BitSet nodes(Market m, String... ids) {
    BitSet s = new BitSet();
    for (String id : ids) s.set(m.node(id));
    return s;
  }
}

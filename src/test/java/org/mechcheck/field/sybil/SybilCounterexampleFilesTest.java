package org.mechcheck.field.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Concrete;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.Replay;

/**
 * Every saved SP counterexample of the repository (counterexamples/*-SP*.json, found by
 * {@code mechcheck search --property SP... --save}) replayed from its record: the split is read
 * back from {@code detail} and re-run exactly, which must give the recorded utilities; and the
 * property's own replay (what {@code mechcheck replay} does) must find the same split again. The
 * schema rule for SP files is checked on them and on mutations.
 */
class SybilCounterexampleFilesTest {
  static final Path FOLDER = Path.of("counterexamples");
  static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(FOLDER)) {
      return s.filter(p -> p.getFileName().toString().matches(".*-SP(3)?(-APART|-COVER)?-[0-9a-f]{8}\\.json")).sorted().toList();
    }
  }

  @Test
  void theSearchesLeftTheirEvidence() throws IOException {
    List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
    for (String prefix : List.of("idm-SP-", "vcg-SP-", "sra-central-SP-", "gidm-SP-", "vcg-k-SP-", "idm-SP-APART-", "idm-SP3-", "idm-SP-COVER-")) {
      assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no " + prefix + "* file: " + names);
    }
    assertFalse(names.stream().anyMatch(n -> n.startsWith("nsp-") || n.startsWith("vickrey-")), "NSP and Vickrey were verified, not refuted");
  }

  @TestFactory
  Stream<DynamicTest> eachSplitReplaysFromItsRecord() throws IOException {
    return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      Counterexample c = CounterexampleJson.read(f);
      assertTrue(c.property() instanceof SybilProofness, f.toString());
      assertNull(c.deviation());
      assertTrue(c.foundBy().startsWith("mechcheck search --mechanism " + c.mechanism() + " --property " + c.property().name()), c.foundBy());
      Mechanism mech = Registry.standard().find(Mechanism.class, c.mechanism()).orElseThrow();
      SybilSplit.WithBids split = SybilSplit.parse(c.detail(), c.market());
      assertEquals(c.agent(), split.split().agent());
      assertTrue(((SybilProofness) c.property()).splits(c.market(), c.agent()).stream()
          .anyMatch(s -> s.describe(c.market(), split.bids()).equals(split.split().describe(c.market(), split.bids()))), "a split of the property's reading");
      BigFraction u = SybilProofness.exactUtility(mech, c.market(), split.split().transform(c.market()), c.agent(), split.bids());
      assertEquals(c.deviating(), u, "the recorded split gives the recorded utility");
      Concrete truth = new Concrete(mech, Benchmark.VICKREY, c.market());
      assertEquals(c.truthful(), truth.utility(truth.outcome(), c.agent()));
      Replay.Result r = Replay.of(c);
      assertTrue(r.violates() && r.matchesRecord(), r.detail());
      assertEquals(c.detail(), r.detail(), "replay finds the recorded split again");
    }));
  }

  @Test
  void theSchemaHoldsSpFilesToTheirShape() throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.readTree(Files.readString(Path.of("docs/formats/schema/counterexample.schema.json"))));
    Path file = files().get(0);
    JsonNode ok = JSON.readTree(Files.readString(file));
    assertEquals(List.of(), schema.validate(ok), file.toString());
    for (Consumer<ObjectNode> breaks : List.<Consumer<ObjectNode>>of(
        o -> o.remove("detail"),
        o -> o.remove("agent"),
        o -> o.put("detail", "A gains 1 by deviating"),
        o -> o.putObject("deviation").putNull("bid").putArray("invites"))) {
      ObjectNode bad = ok.deepCopy();
      breaks.accept(bad);
      assertFalse(schema.validate(bad).isEmpty(), "the schema accepts " + bad);
    }
  }
}

package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.cli.Main;

/**
 * The JSON Schemas of docs/formats/schema against what mechcheck ships and prints: every shipped
 * JSON file (matched to its schema by its "format" field; spec/claims.json by name, the group
 * records by their folder), the examples on the format pages, and the output of {@code run --json}
 * and {@code check --json}. Shipped files and examples are held to a closed reading of each schema
 * (no field the page does not document); users' files only to the schema itself. Invalid
 * documents (a required field missing, a number that is not an exact rational, a wrong format tag,
 * a broken reader rule) must be rejected, and for networks and counterexamples the readers must
 * reject what the schema rejects (through the command line: exit status 2).
 */
class SchemaTest {
  static final Path DOCS = Path.of("docs/formats");
  static final Path SCHEMAS = DOCS.resolve("schema");
  static final String ID_BASE = "https://mechcheck.invalid/formats/schema/";
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Every schema by name (the file name without .schema.json), as written and in its closed reading. */
  static final Map<String, JsonNode> TREES = new TreeMap<>();
  static final Map<String, Schema> OPEN = new TreeMap<>(), CLOSED = new TreeMap<>();
  /** Format tag (the schema's properties.format.const) to schema name. */
  static final Map<String, String> BY_TAG = new TreeMap<>();

  static {
    SchemaRegistry open = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    SchemaRegistry closed = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (Stream<Path> s = Files.list(SCHEMAS)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
        String name = p.getFileName().toString().replace(".schema.json", "");
        JsonNode tree = read(p);
        TREES.put(name, tree);
        OPEN.put(name, open.getSchema(tree));
        CLOSED.put(name, closed.getSchema(closedReading(tree.deepCopy())));
        JsonNode tag = tree.path("properties").path("format").path("const");
        if (tag.isTextual()) BY_TAG.put(tag.asText(), name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TempDir Path dir;

  // ---------------------------------------------------------------- the schemas themselves

  @Test
  void everyFormatHasASchemaAndAPage() throws IOException {
    String index = Files.readString(DOCS.resolve("README.md"));
    assertEquals(List.of("claims", "counterexample", "datatrade-claim", "datatrade-counterexample", "datatrade-model", "datatrade-search",
        "group-evidence", "key", "network", "outcome", "partial", "proof", "sra-deviation", "violations"), List.copyOf(TREES.keySet()));
    for (String name : TREES.keySet()) {
      assertTrue(Files.isRegularFile(DOCS.resolve(name + ".md")), "no page docs/formats/" + name + ".md");
      assertTrue(index.contains("(" + name + ".md)"), "docs/formats/README.md does not link " + name + ".md");
      assertTrue(index.contains("(schema/" + name + ".schema.json)"), "docs/formats/README.md does not link schema/" + name + ".schema.json");
    }
  }

  /** Every field a schema names is on its page (in code quotes, alone or in a path such as `agents[].id`). */
  @Test
  void everyFieldOfASchemaIsOnItsPage() throws IOException {
    for (Map.Entry<String, JsonNode> e : TREES.entrySet()) {
      String page = Files.readString(DOCS.resolve(e.getKey() + ".md"));
      JsonNode own = e.getValue().deepCopy();
      if (!e.getKey().equals("network") && !e.getKey().equals("datatrade-model") && own.get("$defs") instanceof ObjectNode defs) {
        // the embedded network and model are documented on their own pages
        for (String borrowed : List.of("network", "datatrade-model")) TREES.get(borrowed).get("$defs").fieldNames().forEachRemaining(defs::remove);
        defs.remove("network");
      }
      List<String> fields = new ArrayList<>();
      collectFields(own, fields);
      for (String f : fields) {
        if (f.equals("$schema")) continue;
        assertTrue(Pattern.compile("`[^`\\n]*(?<![A-Za-z0-9])" + Pattern.quote(f) + "(?![A-Za-z0-9])[^`\\n]*`").matcher(page).find(),
            "docs/formats/" + e.getKey() + ".md does not mention the field `" + f + "`");
      }
    }
  }

  private static void collectFields(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.path("properties").fieldNames().forEachRemaining(out::add);
      n.elements().forEachRemaining(c -> collectFields(c, out));
    } else if (n.isArray()) {
      n.forEach(c -> collectFields(c, out));
    }
  }

  @Test
  void everySchemaIsAValidDraft202012SchemaWithItsOwnId() {
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of(DRAFT));
    for (Map.Entry<String, JsonNode> e : TREES.entrySet()) {
      JsonNode s = e.getValue();
      assertEquals(DRAFT, s.path("$schema").asText(), e.getKey() + ": $schema");
      assertEquals(ID_BASE + e.getKey() + ".schema.json", s.path("$id").asText(), e.getKey() + ": $id");
      assertEquals(List.of(), messages(meta.validate(s)), e.getKey() + " against the draft 2020-12 meta-schema");
    }
    // the meta-schema is really applied: a schema with a misspelt type is refused
    assertFalse(meta.validate(tree("{\"type\": \"obect\"}")).isEmpty());
  }

  /**
   * The schemas are self-contained (an editor needs no reference resolution), so the network and
   * the model definitions are copied where they are embedded, and the shared definitions (exact
   * numbers, names) are copied into each schema that uses them: every copy equals its source.
   */
  @Test
  void embeddedCopiesEqualTheirSource() {
    JsonNode network = TREES.get("network"), model = TREES.get("datatrade-model");
    for (String embedding : List.of("counterexample", "sra-deviation")) {
      JsonNode defs = TREES.get(embedding).get("$defs");
      assertEquals(body(network), defs.get("network"), embedding + ": $defs/network is not the body of network.schema.json");
      network.get("$defs").fields().forEachRemaining(d -> assertEquals(d.getValue(), defs.get(d.getKey()), embedding + ": $defs/" + d.getKey()));
    }
    model.get("$defs").fields().forEachRemaining(d ->
        assertEquals(d.getValue(), TREES.get("datatrade-counterexample").get("$defs").get(d.getKey()), "datatrade-counterexample: $defs/" + d.getKey()));
    Map<String, JsonNode> first = new LinkedHashMap<>();
    TREES.forEach((name, s) -> s.path("$defs").fields().forEachRemaining(d -> {
      JsonNode seen = first.putIfAbsent(d.getKey(), d.getValue());
      if (seen != null) assertEquals(seen, d.getValue(), name + ": $defs/" + d.getKey() + " differs from the same definition elsewhere");
    }));
  }

  // ---------------------------------------------------------------- shipped files

  /** Every JSON file the repository ships as data or evidence, with the schema it must match. */
  static Map<Path, String> shippedFiles() throws IOException {
    Map<Path, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    for (String root : List.of("counterexamples", "proofs", "src/test/resources")) files.addAll(jsonFiles(Path.of(root), Integer.MAX_VALUE));
    for (String root : List.of("networks", "bench")) files.addAll(jsonFiles(Path.of(root), 1));
    files.add(Path.of("spec/claims.json"));
    for (Path f : files) out.put(f, schemaFor(f, read(f)));
    return out;
  }

  static String schemaFor(Path file, JsonNode doc) {
    JsonNode tag = doc.path("format");
    if (tag.isTextual()) {
      String name = BY_TAG.get(tag.asText());
      assertNotNull(name, file + ": no schema for format \"" + tag.asText() + "\" under docs/formats/schema");
      return name;
    }
    if (file.equals(Path.of("spec/claims.json"))) return "claims";
    if (file.startsWith(Path.of("proofs/group"))) return "group-evidence";
    return fail(file + ": no \"format\" field, so no schema applies; give it one (and a page under docs/formats)");
  }

  @TestFactory
  Stream<DynamicTest> everyShippedFileMatchesItsSchema() throws IOException {
    return shippedFiles().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " (" + e.getValue() + ")", e.getKey().toUri(),
        () -> assertValid(e.getValue(), read(e.getKey()), e.getKey().toString())));
  }

  /** The walk above finds the evidence: each format that has shipped files today has them checked. */
  @Test
  void theShippedFilesAreFound() throws IOException {
    Map<String, Integer> count = new TreeMap<>();
    shippedFiles().values().forEach(s -> count.merge(s, 1, Integer::sum));
    for (String s : List.of("claims", "counterexample", "datatrade-claim", "datatrade-counterexample", "datatrade-search", "group-evidence", "key",
        "network", "proof", "sra-deviation")) {
      assertTrue(count.getOrDefault(s, 0) > 0, "no shipped file checked against " + s + ": " + count);
    }
    assertTrue(count.get("proof") >= 40 && count.get("network") >= 8 && count.get("group-evidence") == 4, count.toString());
  }

  // ---------------------------------------------------------------- the pages' examples

  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

  /** Every ```json block of a format page is a whole document of that format; fragments are marked otherwise. */
  @TestFactory
  Stream<DynamicTest> everyExampleOnAPageMatchesItsSchema() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : TREES.keySet()) {
      String page = Files.readString(DOCS.resolve(name + ".md"));
      Matcher m = JSON_BLOCK.matcher(page);
      int k = 0;
      while (m.find()) {
        String block = m.group(1);
        int at = ++k;
        tests.add(DynamicTest.dynamicTest(name + ".md example " + at, () -> assertValid(name, tree(block), name + ".md example " + at)));
      }
      assertTrue(k > 0, "docs/formats/" + name + ".md has no ```json example");
    }
    return tests.stream();
  }

  // ---------------------------------------------------------------- what the commands print

  record Run(int status, String out, String err) {}

  static synchronized Run cli(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(Main.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static List<String> mechanisms() {
    Run r = cli("mechanisms", "--json");
    assertEquals(0, r.status(), r.err());
    List<String> names = new ArrayList<>();
    tree(r.out()).get("mechanisms").forEach(m -> names.add(m.get("name").asText()));
    return names;
  }

  static List<Path> referenceNetworks() throws IOException {
    List<Path> out = new ArrayList<>(jsonFiles(Path.of("src/test/resources/reference"), 1));
    out.add(Path.of("networks/sra-experiment.json"));
    return out;
  }

  /** run --json of every mechanism on every reference network it accepts: each line an outcome. */
  @Test
  void runJsonPrintsOutcomes() throws IOException {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (String mech : mechanisms()) {
      for (Path net : referenceNetworks()) {
        Run r = cli("run", "--mechanism", mech, "--network", net.toString(), "--json");
        if (r.status() == 2) continue; // outside the mechanism's domain
        assertEquals(0, r.status(), mech + " on " + net + ": " + r.err());
        for (String line : r.out().lines().toList()) {
          assertValid("outcome", tree(line), "run --json --mechanism " + mech + " --network " + net);
          outcomes.merge(mech, 1, Integer::sum);
        }
      }
    }
    for (String mech : mechanisms()) assertTrue(outcomes.containsKey(mech), "no reference network ran " + mech + ": " + outcomes);
  }

  /** check --json on networks where the concrete checker finds violations of both shapes (an agent's, the market's). */
  @Test
  void checkJsonPrintsViolations() throws IOException {
    int agentLevel = 0, marketLevel = 0;
    for (String[] c : List.of(new String[] {"idm-tc", "idmtc-fig1a-plus-BE.json"}, new String[] {"vickrey", "csm-fig1a.json"}, new String[] {"csm", "csm-fig1b.json"})) {
      Run r = cli("check", "--mechanism", c[0], "--network", "src/test/resources/reference/" + c[1], "--json");
      assertTrue(r.status() == 0 || r.status() == 1, c[0] + " on " + c[1] + ": " + r.err());
      JsonNode out = tree(r.out());
      assertValid("violations", out, "check --json --mechanism " + c[0] + " --network " + c[1]);
      for (JsonNode v : out.get("violations")) {
        if (v.has("agent")) agentLevel++;
        else marketLevel++;
      }
    }
    assertTrue(agentLevel > 0 && marketLevel > 0, "violations with an agent: " + agentLevel + ", without: " + marketLevel);
  }

  // ---------------------------------------------------------------- invalid documents

  /** The document of each schema that the negative tests break: a shipped one where there is one. */
  static final Map<String, String> SAMPLES = Map.of(
      "network", "src/test/resources/reference/csm-fig1a.json",
      "counterexample", "counterexamples/idm-tc-IC-aa01e35a.json",
      "proof", "proofs/idm-tc_ic_tree.json",
      "claims", "spec/claims.json",
      "key", "proofs/key/summary.json",
      "sra-deviation", "counterexamples/sra/sra_ic-choice_social-dfae2c8a.json",
      "datatrade-counterexample", "counterexamples/datatrade/datatrade_trade-expansion_homogeneous-high-423277df.json",
      "datatrade-claim", "proofs/datatrade/datatrade_welfare_budget-balanced.json",
      "datatrade-search", "proofs/datatrade/search/datatrade_local-comparison_homogeneous-high.json");

  static JsonNode sample(String schema) throws IOException {
    if (SAMPLES.containsKey(schema)) return read(Path.of(SAMPLES.get(schema)));
    return switch (schema) {
      case "datatrade-model" -> datatradeModel();
      case "partial" -> partial();
      case "outcome" -> tree(cli("run", "--mechanism", "csm", "--network", "src/test/resources/reference/csm-fig1b.json", "--json").out());
      case "violations" -> tree(cli("check", "--mechanism", "idm-tc", "--network", "src/test/resources/reference/idmtc-fig1a-plus-BE.json", "--json").out());
      default -> fail("no sample of " + schema);
    };
  }

  /** A partial record as search --shard writes it: one shard of VCG's BB search, whose slice holds a violation. */
  static synchronized JsonNode partial() throws IOException {
    Path out = Files.createTempDirectory("partial").resolve("part.json");
    Run r = cli("search", "--mechanism", "vcg", "--property", "BB", "--class", "cs-general", "--max-agents", "3", "--shard", "1/3", "--partial-out", out.toString());
    assertEquals(0, r.status(), r.err());
    return read(out);
  }

  /** The model of a shipped data-trading counterexample with its mechanism t: a model file as datatrade solve reads it. */
  static JsonNode datatradeModel() throws IOException {
    ObjectNode m = (ObjectNode) read(Path.of("counterexamples/datatrade/datatrade_trade-expansion_homogeneous-high-423277df.json")).get("model").deepCopy();
    m.set("t", read(Path.of("counterexamples/datatrade/datatrade_trade-expansion_homogeneous-high-423277df.json")).get("t"));
    return m;
  }

  @Test
  void aWrongOrMissingFormatTagIsRejected() throws IOException {
    assertTrue(BY_TAG.size() >= 8, BY_TAG.toString());
    for (Map.Entry<String, String> e : BY_TAG.entrySet()) {
      String tag = e.getKey(), schema = e.getValue();
      assertRejected(schema, change(sample(schema), d -> ((ObjectNode) d).put("format", tag.replace("/1", "/2"))), "format " + tag.replace("/1", "/2"));
      assertRejected(schema, change(sample(schema), d -> ((ObjectNode) d).put("format", "mechcheck-network/1".equals(tag) ? "mechcheck-counterexample/1" : "mechcheck-network/1")), "another format's tag");
      assertRejected(schema, change(sample(schema), d -> ((ObjectNode) d).remove("format")), "no format");
    }
  }

  @Test
  void everyRequiredFieldIsRequired() throws IOException {
    for (String schema : TREES.keySet()) {
      if (schema.equals("group-evidence")) continue; // its three shapes: below
      JsonNode required = resolve(TREES.get(schema), TREES.get(schema)).path("required");
      assertTrue(required.size() > 0, schema + " requires nothing");
      for (JsonNode f : required) assertRejected(schema, change(sample(schema), d -> ((ObjectNode) d).remove(f.asText())), "without " + f.asText());
    }
    JsonNode claim = TREES.get("claims").get("$defs").get("claim");
    for (JsonNode f : claim.get("required")) {
      assertRejected("claims", change(sample("claims"), d -> ((ObjectNode) d.get("claims").get(0)).remove(f.asText())), "claims[0] without " + f.asText());
    }
    for (Path p : jsonFiles(Path.of("proofs/group"), 1)) {
      JsonNode doc = read(p);
      String shape = doc.get("claim").asText().startsWith("group/weights/") ? "hazardRate" : doc.get("claim").asText().startsWith("group/rev/") ? "postedPrice" : "incentives";
      for (JsonNode f : TREES.get("group-evidence").get("$defs").get(shape).get("required")) {
        assertRejected("group-evidence", change(doc, d -> ((ObjectNode) d).remove(f.asText())), p.getFileName() + " without " + f.asText());
      }
    }
  }

  /** Strings that are not exact rationals in the documented forms (integer, p/q, decimal). */
  static final List<String> NOT_RATIONAL = List.of("abc", "", "1/0", "3/", "/3", "1,5", "0x10", "1 1/2", "2/3/4", "NaN", "Infinity", "½");

  /** Where each schema's sample holds an exact number (JSON pointers). */
  static final Map<String, List<String>> NUMBERS = Map.ofEntries(
      Map.entry("network", List.of("/agents/0/cost", "/agents/2/value", "/expected/idm-tc/payments/A")),
      Map.entry("counterexample", List.of("/truthful/utility", "/deviating/utility", "/network/agents/0/cost")),
      Map.entry("outcome", List.of("/revenue", "/welfare", "/payments/A", "/utilities/H", "/allocation/H")),
      Map.entry("violations", List.of("/violations/0/truthful/utility", "/violations/0/deviating/utility")),
      Map.entry("proof", List.of("/box")),
      Map.entry("sra-deviation", List.of("/truthful/utility", "/network/agents/1/value")),
      Map.entry("datatrade-model", List.of("/grid/0", "/Q/0/0", "/t/0/0")),
      Map.entry("datatrade-counterexample", List.of("/model/grid/0", "/model/Q/0/0", "/t/0/0", "/violation/vPrev", "/violation/sides/0/price")));

  @Test
  void numbersThatAreNotExactRationalsAreRejected() throws IOException {
    for (Map.Entry<String, List<String>> e : NUMBERS.entrySet()) {
      for (String pointer : e.getValue()) {
        JsonNode sample = sample(e.getKey());
        assertFalse(sample.at(pointer).isMissingNode(), e.getKey() + ": the sample has nothing at " + pointer);
        for (String bad : NOT_RATIONAL) assertRejected(e.getKey(), set(sample, pointer, bad), pointer + " = \"" + bad + "\"");
        assertRejected(e.getKey(), set(sample, pointer, true), pointer + " = true");
      }
    }
    // what mechcheck writes (outcome, check --json) is canonical: lowest terms' shape, no decimals, no sign on 0
    for (String bad : List.of("3/1", "1.5", "-0", "+3", "03", "0/7")) assertRejected("outcome", set(sample("outcome"), "/revenue", bad), "/revenue = \"" + bad + "\"");
    // values and costs are at least 0
    for (Object bad : List.of("-1", "-1/2", -1, "-0.5")) assertRejected("network", set(sample("network"), "/agents/0/cost", bad), "cost " + bad);
  }

  /** Breaking one rule a reader enforces, per format: the schema rejects each. */
  @Test
  void brokenReaderRulesAreRejected() throws IOException {
    JsonNode net = read(Path.of("src/test/resources/reference/csm-fig1a.json"));
    for (Map.Entry<String, JsonNode> e : networkMutations(net).entrySet()) assertRejected("network", e.getValue(), e.getKey());

    JsonNode ic = read(Path.of("counterexamples/idm-tc-IC-aa01e35a.json"));
    for (Map.Entry<String, JsonNode> e : counterexampleMutations(ic).entrySet()) assertRejected("counterexample", e.getValue(), e.getKey());
    JsonNode bb = read(Path.of("counterexamples/vcg-BB-7e491ce3.json"));
    assertRejected("counterexample", change(bb, d -> ((ObjectNode) d).put("agent", "A")), "a BB counterexample naming an agent");
    assertRejected("counterexample", change(bb, d -> ((ObjectNode) d).put("benchmark", "vickrey")), "a BB counterexample naming a benchmark");

    JsonNode partial = partial();
    assertRejected("partial", change(partial, d -> ((ObjectNode) d.get("shard")).put("index", 0)), "shard index 0");
    assertRejected("partial", change(partial, d -> ((ObjectNode) d.get("levels").get(0)).remove("complete")), "a size without complete");
    assertRejected("partial", change(partial, d -> ((ObjectNode) d.get("version")).put("code", "abc")), "a code digest that is not SHA-256");
    JsonNode proof = read(Path.of("proofs/idm-tc_ic_tree.json"));
    assertRejected("proof", change(proof, d -> ((ObjectNode) d).put("maxAgents", "6")), "maxAgents as a string");
    assertRejected("proof", change(proof, d -> ((ObjectNode) d).put("class", "trees")), "an unknown network class");
    assertRejected("proof", change(proof, d -> ((ObjectNode) d).put("claim", "IDM-TC/IC/tree")), "a claim id in upper case");
    assertRejected("proof", change(proof, d -> ((ObjectNode) d).put("units", 0)), "units 0");

    JsonNode claims = read(Path.of("spec/claims.json"));
    assertRejected("claims", change(claims, d -> ((ObjectNode) d.get("claims").get(0)).remove("class")), "a mechanism claim without class");
    assertRejected("claims", change(claims, d -> ((ObjectNode) d.get("claims").get(0)).put("expected", "true")), "expected true");
    assertRejected("claims", change(claims, d -> ((ObjectNode) d.get("claims").get(0)).put("units", 0)), "units 0");
    assertRejected("claims", change(claims, d -> ((ObjectNode) d.get("claims").get(0)).put("deviations", "passing")), "deviations on an IR claim");
    assertRejected("claims", change(claims, d -> ((ObjectNode) d.get("claims").get(0)).put("mechanism", "VCG")), "a mechanism name in upper case");
    assertRejected("claims", change(claims, d -> ((ObjectNode) d).remove("claims")), "no claims list");

    JsonNode key = read(Path.of("proofs/key/summary.json"));
    assertRejected("key", change(key, d -> ((ObjectNode) d.get("contracts").get(0)).remove("proof")), "a closed contract without its proof");
    assertRejected("key", change(key, d -> ((ObjectNode) d.get("contracts").get(0)).put("closed", false)), "an open contract without openGoals");
    assertRejected("key", change(key, d -> ((ObjectNode) d.get("contracts").get(0)).put("integers", "unchecked")), "an unknown integer semantics");

    JsonNode sra = read(Path.of("counterexamples/sra/sra_ic-choice_social-dfae2c8a.json"));
    assertRejected("sra-deviation", change(sra, d -> ((ObjectNode) d.get("deviation")).put("kind", "shift")), "kind shift without its parameter");
    assertRejected("sra-deviation", change(sra, d -> ((ObjectNode) d.get("deviation")).put("kind", "lie")), "an unknown deviation kind");
    assertRejected("sra-deviation", change(sra, d -> ((ObjectNode) d).put("family", "bribe")), "an unknown family");
    assertRejected("sra-deviation", change(sra, d -> ((ObjectNode) d.get("network")).put("colour", "red")), "a network with an unknown field");

    JsonNode local = read(Path.of("counterexamples/datatrade/datatrade_local-comparison_homogeneous-high-c710f0b6.json"));
    assertRejected("datatrade-counterexample", change(local, d -> ((ObjectNode) d).set("t", d.get("t1"))), "local-comparison with a single t");
    assertRejected("datatrade-counterexample", change(local, d -> ((ObjectNode) d).put("tieBreak", "middle")), "an unknown tie-break");
    assertRejected("datatrade-counterexample", change(local, d -> ((ObjectNode) d).put("claim", "datatrade/local-comparison/general")), "a claim it does not replay");
    JsonNode welfare = read(Path.of("counterexamples/datatrade/datatrade_welfare_budget-balanced-high-c784460a.json"));
    assertRejected("datatrade-counterexample", change(welfare, d -> ((ObjectNode) d.get("violation")).remove("sw")), "a welfare violation without sw");

    JsonNode search = read(Path.of("proofs/datatrade/search/datatrade_local-comparison_homogeneous-high.json"));
    assertRejected("datatrade-search", change(search, d -> ((ObjectNode) d).remove("detail")), "a counterexample without its detail");
    assertRejected("datatrade-search", change(search, d -> ((ObjectNode) d).put("counterexample", "/tmp/x.json")), "a counterexample path outside counterexamples/datatrade");
    JsonNode claimRecord = read(Path.of("proofs/datatrade/datatrade_welfare_budget-balanced.json"));
    assertRejected("datatrade-claim", change(claimRecord, d -> ((ObjectNode) d).put("verdict", "unknown")), "verdict unknown");

    JsonNode model = datatradeModel();
    assertRejected("datatrade-model", change(model, d -> ((ObjectNode) d).remove("Q")), "an explicit chain without Q");
    assertRejected("datatrade-model", change(model, d -> ((ObjectNode) d).put("n", 0)), "n 0");
    assertRejected("datatrade-model", change(model, d -> {
      ((ObjectNode) d).remove("t");
      ((ObjectNode) d).put("mechanism", "TBDS");
    }), "TBDS without alpha");
    assertRejected("datatrade-model", tree("{\"preset\": 5, \"n\": 3}"), "preset 5");
    assertRejected("datatrade-model", tree("{\"preset\": 3, \"n\": 3, \"reading\": \"imaginary\"}"), "an unknown reading");

    JsonNode incentives = read(Path.of("proofs/group/incentives.json"));
    assertRejected("group-evidence", change(incentives, d -> ((ObjectNode) d).put("pairs", 20)), "incentives with a count for pairs");
    assertRejected("group-evidence", change(incentives, d -> ((ObjectNode) d).put("claim", "group/rev/beats-posted-price")), "incentives under another claim");
  }

  /** Documents the readers accept and the schemas must accept too (optional fields left out, the other number forms). */
  @Test
  void whatTheReadersAcceptIsAccepted() throws IOException {
    JsonNode net = read(Path.of("src/test/resources/reference/csm-fig1a.json"));
    Map<String, JsonNode> ok = new LinkedHashMap<>();
    ok.put("no units, name, source or expected", change(net, d -> ((ObjectNode) d).remove(List.of("units", "name", "source", "expected"))));
    ok.put("a value as \"7/3\"", set(net, "/agents/2/value", "7/3"));
    ok.put("a value as \"0.45\"", set(net, "/agents/2/value", "0.45"));
    ok.put("a value as the JSON number 0.1", set(net, "/agents/2/value", new java.math.BigDecimal("0.1")));
    ok.put("a cost as \"0\"", set(net, "/agents/0/cost", "0"));
    ok.put("an intermediary with \"invites\": true", change(net, d -> ((ObjectNode) d.get("agents").get(0)).put("invites", true)));
    for (Map.Entry<String, JsonNode> e : ok.entrySet()) {
      assertValid("network", e.getValue(), e.getKey());
      assertEquals(0, cli("run", "--mechanism", "idm-tc", "--network", write(e.getValue()).toString()).status(), e.getKey() + ": the reader refuses it");
    }
    JsonNode withSchema = change(read(Path.of("proofs/idm-tc_ic_tree.json")), d -> ((ObjectNode) d).put("$schema", "../docs/formats/schema/proof.schema.json"));
    assertValid("proof", withSchema, "a proof record naming its schema");
    JsonNode stamped = change(read(Path.of("proofs/idm-tc_ic_tree.json")), d -> {
      ((ObjectNode) d).put("box", "unbounded").put("quantifier", "DSIC");
      ArrayNode ss = ((ObjectNode) d).putArray("solvers");
      ss.addObject().put("solver", "Z3 4.14.1.0").put("unsat", d.get("queries").asLong());
      ss.addObject().put("solver", "SMTInterpol 2.5-1388-ga5a4ab0c").put("unsat", d.get("queries").asLong());
    });
    assertValid("proof", stamped, "an unbounded, DSIC, certified record");
    assertTrue(ProofRecord.read(write(stamped)).certified(), "the reader takes it as certified");
    for (Map.Entry<String, JsonNode> e : Map.of(
        "box -1", change(stamped, d -> ((ObjectNode) d).put("box", "-1")),
        "box 'infinite'", change(stamped, d -> ((ObjectNode) d).put("box", "infinite")),
        "quantifier 'mostly'", change(stamped, d -> ((ObjectNode) d).put("quantifier", "mostly"))).entrySet()) {
      assertRejected("proof", e.getValue(), e.getKey());
      assertThrows(InputException.class, () -> ProofRecord.read(write(e.getValue())), e.getKey() + ": the schema rejects it but the reader accepts it");
    }
  }

  /** The readers refuse what the schemas refuse: every network mutation above makes run exit 2, every counterexample one makes replay exit 2. */
  @Test
  void theReadersRejectWhatTheSchemasReject() throws IOException {
    JsonNode net = read(Path.of("src/test/resources/reference/csm-fig1a.json"));
    assertEquals(0, cli("run", "--mechanism", "idm-tc", "--network", write(net).toString()).status());
    Map<String, JsonNode> nets = new LinkedHashMap<>(networkMutations(net));
    for (String pointer : List.of("/agents/0/cost", "/agents/2/value")) {
      for (String bad : NOT_RATIONAL) nets.put(pointer + " = \"" + bad + "\"", set(net, pointer, bad));
    }
    for (Map.Entry<String, JsonNode> e : nets.entrySet()) {
      assertRejected("network", e.getValue(), e.getKey());
      Run r = cli("run", "--mechanism", "idm-tc", "--network", write(e.getValue()).toString());
      assertEquals(2, r.status(), e.getKey() + ": the schema rejects it but run accepts it\n" + r.out());
      assertEquals(1, r.err().lines().count(), e.getKey() + ": not one line\n" + r.err());
    }
    JsonNode ic = read(Path.of("counterexamples/idm-tc-IC-aa01e35a.json"));
    assertEquals(0, cli("replay", write(ic).toString()).status());
    for (Map.Entry<String, JsonNode> e : counterexampleMutations(ic).entrySet()) {
      Run r = cli("replay", write(e.getValue()).toString());
      assertEquals(2, r.status(), e.getKey() + ": the schema rejects it but replay accepts it\n" + r.out() + r.err());
    }
  }

  static Map<String, JsonNode> networkMutations(JsonNode net) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put("an agent with a value and a cost", change(net, d -> ((ObjectNode) d.get("agents").get(0)).put("value", 3)));
    m.put("an agent with neither value nor cost", change(net, d -> ((ObjectNode) d.get("agents").get(0)).remove("cost")));
    m.put("an intermediary who does not invite", change(net, d -> ((ObjectNode) d.get("agents").get(0)).put("invites", false)));
    m.put("invites as a string", change(net, d -> ((ObjectNode) d.get("agents").get(2)).put("invites", "no")));
    m.put("an unknown field", change(net, d -> ((ObjectNode) d).put("colour", "red")));
    m.put("an unknown agent field", change(net, d -> ((ObjectNode) d.get("agents").get(0)).put("weight", 1)));
    m.put("units 0", change(net, d -> ((ObjectNode) d).put("units", 0)));
    m.put("units 1.5", change(net, d -> ((ObjectNode) d).put("units", new java.math.BigDecimal("1.5"))));
    m.put("an edge of three ids", change(net, d -> ((ArrayNode) d.get("edges").get(0)).add("C")));
    m.put("an edge with a number", change(net, d -> ((ArrayNode) d.get("edges")).addArray().add("s").add(3)));
    m.put("the same edge twice", change(net, d -> ((ArrayNode) d.get("edges")).add(d.get("edges").get(0).deepCopy())));
    m.put("a blank seller", change(net, d -> ((ObjectNode) d).put("seller", " ")));
    m.put("an agent without id", change(net, d -> ((ObjectNode) d.get("agents").get(0)).remove("id")));
    m.put("agents as an object", change(net, d -> ((ObjectNode) d).putObject("agents")));
    return m;
  }

  static Map<String, JsonNode> counterexampleMutations(JsonNode ic) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put("IC without deviation", change(ic, d -> ((ObjectNode) d).remove("deviation")));
    m.put("IC with the truthful report as deviation", change(ic, d -> ((ObjectNode) d.get("deviation")).putNull("invites")));
    m.put("IC without agent", change(ic, d -> ((ObjectNode) d).remove("agent")));
    m.put("a deviation with an unknown field", change(ic, d -> ((ObjectNode) d.get("deviation")).put("lie", true)));
    m.put("a deviation without bid", change(ic, d -> ((ObjectNode) d.get("deviation")).remove("bid")));
    m.put("a negative bid", change(ic, d -> ((ObjectNode) d.get("deviation")).put("bid", "-1")));
    m.put("a benchmark on an IC counterexample", change(ic, d -> ((ObjectNode) d).put("benchmark", "vickrey")));
    m.put("truthful as a value while an agent is named", change(ic, d -> ((ObjectNode) d).putObject("truthful").put("value", "0")));
    m.put("deviating with an extra field", change(ic, d -> ((ObjectNode) d.get("deviating")).put("benchmark", "1")));
    m.put("minimised as a string", change(ic, d -> ((ObjectNode) d).put("minimised", "yes")));
    m.put("units 0", change(ic, d -> ((ObjectNode) d).put("units", 0)));
    m.put("fixedBy a number", change(ic, d -> ((ObjectNode) d).putArray("fixedBy").add(1)));
    m.put("a network with an unknown field", change(ic, d -> ((ObjectNode) d.get("network")).put("colour", "red")));
    m.put("a network agent with a value and a cost", change(ic, d -> ((ObjectNode) d.get("network").get("agents").get(0)).put("value", 1)));
    m.put("a blank foundBy", change(ic, d -> ((ObjectNode) d).put("foundBy", "")));
    return m;
  }

  // ---------------------------------------------------------------- helpers

  void assertValid(String schema, JsonNode doc, String what) {
    List<String> open = messages(OPEN.get(schema).validate(doc));
    assertEquals(List.of(), open, what + " does not match " + schema + ".schema.json");
    List<String> closed = messages(CLOSED.get(schema).validate(doc));
    assertEquals(List.of(), closed, what + " has fields that docs/formats/" + schema + ".md does not document");
  }

  static void assertRejected(String schema, JsonNode doc, String what) {
    assertFalse(OPEN.get(schema).validate(doc).isEmpty(), schema + ".schema.json accepts " + what);
  }

  static List<String> messages(List<com.networknt.schema.Error> errors) {
    return errors.stream().map(Object::toString).toList();
  }

  /**
   * The schema with every object definition (type object, with properties) closed to the fields
   * it lists: unevaluatedProperties false, which sees the fields the definition's if/then/allOf
   * parts name too.
   */
  static JsonNode closedReading(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      if (o.path("type").asText().equals("object") && o.has("properties") && !o.has("additionalProperties") && !o.has("unevaluatedProperties")) {
        o.set("unevaluatedProperties", BooleanNode.FALSE);
      }
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) closedReading(it.next());
    } else if (n.isArray()) {
      n.forEach(SchemaTest::closedReading);
    }
    return n;
  }

  /** A schema's root object definition (following a top-level $ref into $defs). */
  static JsonNode resolve(JsonNode root, JsonNode s) {
    return s.has("$ref") && s.get("$ref").asText().startsWith("#/") ? resolve(root, root.at(s.get("$ref").asText().substring(1))) : s;
  }

  /** A schema without what makes it a document of its own: the body an embedding schema copies. */
  static JsonNode body(JsonNode schema) {
    ObjectNode b = schema.deepCopy();
    b.remove(List.of("$schema", "$id", "title", "description", "$defs"));
    return b;
  }

  static JsonNode change(JsonNode doc, Consumer<JsonNode> edit) {
    JsonNode copy = doc.deepCopy();
    edit.accept(copy);
    return copy;
  }

  static JsonNode set(JsonNode doc, String pointer, Object value) {
    int slash = pointer.lastIndexOf('/');
    return change(doc, d -> {
      JsonNode parent = d.at(pointer.substring(0, slash));
      String last = pointer.substring(slash + 1);
      JsonNode v = JSON.valueToTree(value);
      if (parent.isArray()) ((ArrayNode) parent).set(Integer.parseInt(last), v);
      else ((ObjectNode) parent).set(last, v);
    });
  }

  Path write(JsonNode doc) throws IOException {
    Path f = Files.createTempFile(dir, "doc", ".json");
    Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    return f;
  }

  static List<Path> jsonFiles(Path root, int depth) throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.walk(root, depth)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static JsonNode read(Path p) {
    try {
      return JSON.readTree(Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(p.toString(), e);
    }
  }

  static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

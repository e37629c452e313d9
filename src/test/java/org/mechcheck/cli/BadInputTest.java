package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine;

/**
 * Issue 14, deliverable 7: every case of bad input it lists gives one line on standard error
 * naming the file and field (or the option), nothing on standard output, and exit status 2,
 * before any work; plus what was promised and not kept: --help on every command, --json as the
 * README says, and a network of 300,000 agents, which is not bad input at all.
 */
class BadInputTest {
  @TempDir Path dir;

  /** The run of a command line that must be refused in one line naming {@code names}, within a few seconds. */
  static CliTest.Result refused(String names, String... args) {
    long start = System.nanoTime();
    CliTest.Result r = CliTest.run(args);
    double seconds = (System.nanoTime() - start) / 1e9;
    String what = String.join(" ", args);
    assertEquals(2, r.status(), what + ": " + r);
    assertEquals(1, r.errLines().size(), what + ": not one line: " + r);
    assertTrue(r.err().startsWith("mechcheck: ") && r.err().contains(names), what + ": does not name " + names + ": " + r.err());
    assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), what + ": " + r.err());
    assertEquals("", r.out(), what + ": printed before refusing");
    assertTrue(seconds < 15, what + ": took " + seconds + " s to refuse");
    return r;
  }

  /** A replay that must refuse its one file: that line, then replay's count of what it read. */
  static void replayRefused(Path file, String names) {
    CliTest.Result r = CliTest.run("replay", file.toString());
    assertEquals(2, r.status(), r.toString());
    assertEquals(2, r.errLines().size(), r.toString());
    assertTrue(r.errLines().get(0).startsWith("mechcheck: " + file + ": " + names), "does not name " + names + ": " + r.err());
    assertEquals("mechcheck replay: 1 counterexample, 0 as recorded, 0 not, 1 unreadable", r.errLines().get(1));
    assertEquals("", r.out());
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  Path write(String name, JsonNode doc) throws IOException {
    return write(name, NetworkJson.MAPPER.writeValueAsString(doc));
  }

  static ObjectNode read(String path) throws IOException {
    return (ObjectNode) NetworkJson.MAPPER.readTree(Files.readString(Path.of(path)));
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void aNumberTooLongToWriteOutIsRefusedQuickly() throws IOException {
    for (String number : List.of("1e999999999", "1e-50000000", "\"1e999999999\"", "\"1/" + "7".repeat(1001) + "\"")) {
      Path f = write("big.json", "{\"format\": \"mechcheck-network/1\", \"seller\": \"s\", \"agents\": [{\"id\": \"A\", \"value\": " + number
          + "}, {\"id\": \"B\", \"value\": 3}], \"edges\": [[\"s\", \"A\"], [\"s\", \"B\"]]}");
      CliTest.Result r = refused(f + ": agents[0].value: ", "run", "--mechanism", "vickrey", "--network", f.toString());
      assertTrue(r.err().contains("more than 1000 digits"), r.err());
      refused(f + ": agents[0].value: ", "check", "--mechanism", "vickrey", "--network", f.toString());
    }
    refused("--box: ", "search", "--mechanism", "vickrey", "--property", "IR", "--class", "social", "--max-agents", "2", "--box", "1e999999999");
    Path model = write("model.json", "{\"n\": 1, \"grid\": [1, 1e-50000000], \"Q\": [[1, 0], [0, 1]]}");
    refused(model + ": grid[1]: ", "datatrade", "solve", "--model", model.toString());
  }

  // ---------------------------------------------------------------- units

  @Test
  void unitsBeyondAnyMarketAreRefusedInFilesClaimsAndOptions() throws IOException {
    ObjectNode net = read("src/test/resources/reference/gidm-example-k1.json");
    net.put("units", 2147483647);
    Path f = write("units.json", net);
    refused(f + ": units: must be a whole number of at least 1 and at most 1000000", "run", "--mechanism", "gidm", "--network", f.toString());
    refused(f + ": units: must be a whole number of at least 1 and at most 1000000", "check", "--mechanism", "gidm", "--network", f.toString());

    ObjectNode claims = read("spec/claims.json");
    int k = 0;
    for (JsonNode c : claims.get("claims")) {
      if (c.path("mechanism").asText().equals("gidm")) break;
      k++;
    }
    ((ObjectNode) claims.get("claims").get(k)).put("units", 2147483647);
    Path cf = write("claims/claims.json", claims);
    refused(cf + ": claims[" + k + "].units: must be a whole number of at least 1 and at most 1000000", "claims", "--claims", cf.toString());

    refused("--units 2147483647", "search", "--mechanism", "gidm", "--property", "IR", "--class", "social", "--max-agents", "3", "--units", "2147483647");
  }

  @Test
  void eqWithoutAReferenceMechanismIsRefused() throws IOException {
    refused("--property EQ compares with a reference mechanism: name one with --benchmark (known: sra)",
        "search", "--mechanism", "sra-central", "--property", "EQ", "--class", "social", "--max-agents", "2");
    Path net = CliTest.reference("gidm-example-k1.json");
    ObjectNode one = read(net.toString());
    one.put("units", 1);
    Path single = write("one.json", one);
    refused("--property EQ compares with a reference mechanism", "check", "--mechanism", "sra-central", "--property", "EQ", "--network", single.toString());
  }

  // ---------------------------------------------------------------- numeric options of every command

  @Test
  void everyNumericOptionOutsideItsRangeIsRefused() {
    String[] search = {"search", "--mechanism", "vickrey", "--property", "IR", "--class", "social", "--max-agents", "2"};
    Map<String, String[]> cases = new LinkedHashMap<>();
    for (String[] o : new String[][] {{"--time-limit", "-1"}, {"--time-limit", "NaN"}, {"--time-limit", "Infinity"}, {"--threads", "0"}, {"--threads", "100000"},
        {"--random", "-5"}, {"--z3-timeout", "0"}, {"--units", "0"}, {"--box", "0"}, {"--box", "-1"}}) {
      cases.put(o[0], concat(search, o));
    }
    cases.put("--max-agents", new String[] {"search", "--mechanism", "vickrey", "--property", "IR", "--class", "social", "--max-agents", "0"});
    cases.put("--max-agents ", new String[] {"search", "--mechanism", "vickrey", "--property", "IR", "--class", "social", "--max-agents", "99"});
    cases.put("--max-agents: must be between 0", new String[] {"claims", "--max-agents", "-1"});
    cases.put("--max-agents: must be between 0 and", new String[] {"claims", "--max-agents", "99"});
    cases.put("--budget", new String[] {"claims", "--budget", "-1"});
    cases.put("--budget: ", new String[] {"claims", "--budget", "NaN"});
    String out = dir.resolve("enumerated").toString();
    cases.put("--limit", new String[] {"enumerate", "--class", "social", "--agents", "2", "--out", out, "--limit", "-1"});
    cases.put("--max-value", new String[] {"enumerate", "--class", "social", "--agents", "2", "--out", out, "--max-value", "-1"});
    cases.put("--max-value: must be between 0 and 2147483646", new String[] {"enumerate", "--class", "social", "--agents", "2", "--out", out, "--max-value", "2147483647"});
    cases.put("--agents", new String[] {"enumerate", "--class", "social", "--agents", "0", "--out", out});
    cases.put("--timeout", new String[] {"prove", "--timeout", "0"});
    cases.put("--max-steps", new String[] {"prove", "--max-steps", "-1"});
    cases.put("--samples", new String[] {"experiment", "sra", "--samples", "0"});
    cases.put("--n: ", new String[] {"datatrade", "table1", "--n", "0"});
    cases.put("--n: must be between 1 and 300", new String[] {"datatrade", "table1", "--n", "100000"});
    cases.put("--mc-samples", new String[] {"datatrade", "table1", "--mc-samples", "-1"});
    cases.put("--mc-seeds", new String[] {"datatrade", "table1", "--mc-seeds", "0"});
    cases.put("--opt-restarts", new String[] {"datatrade", "table1", "--opt-restarts", "-1"});
    cases.put("--opt-evals", new String[] {"datatrade", "table1", "--opt-evals", "0"});
    cases.put("--n: '0..3'", new String[] {"datatrade", "sweep", "--n", "0..3"});
    cases.put("--figure2-n", new String[] {"datatrade", "sweep", "--figure2-n", "0"});
    cases.put("--opt-evals: ", new String[] {"datatrade", "sweep", "--opt-evals", "0"});
    cases.put("--models", new String[] {"datatrade", "verify", "--models", "0"});
    cases.put("--max-n", new String[] {"datatrade", "search", "--max-n", "0"});
    cases.put("--budget: must be a number of seconds above 0", new String[] {"datatrade", "search", "--budget", "-1"});
    cases.put("--epsilon", new String[] {"datatrade", "fptas", "--epsilon", "0"});
    cases.put("--n: must be between 1 and 300, got 0", new String[] {"datatrade", "fptas", "--epsilon", "1/2", "--n", "0"});
    cases.put("--n: must be between 1 and 300, got 100000", new String[] {"datatrade", "fptas", "--epsilon", "1/2", "--n", "100000"});
    cases.put("--probes", new String[] {"datatrade", "fptas", "--epsilon", "1/2", "--probes", "-1"});
    cases.put("--H0", new String[] {"datatrade", "fptas", "--epsilon", "1/2", "--L0", "2", "--H0", "1"});
    String[] group = {"group", "--member", "U(0,1)", "--member", "U(0,2)"};
    cases.put("--grid", concat(group, new String[] {"--grid", "-1"}));
    cases.put("--grid: must be between 2", concat(group, new String[] {"--grid", "2147483647"}));
    cases.put("--others", concat(group, new String[] {"--others", "0"}));
    cases.put("--random: ", concat(group, new String[] {"--random", "-1"}));
    cases.put("--pairs", new String[] {"group", "evidence", "--pairs", "0", "--out", dir.resolve("group").toString()});
    cases.put("--threads", concat(search, new String[] {"--threads", "abc"})); // not a number at all: picocli's own line
    for (Map.Entry<String, String[]> e : cases.entrySet()) refused(e.getKey().trim(), e.getValue());
    assertTrue(!Files.exists(dir.resolve("group")) && !Files.exists(dir.resolve("enumerated")), "nothing written");
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---------------------------------------------------------------- --help, empty folders, --json

  @Test
  void everyCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 19, paths.toString());
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliTest.Result r = CliTest.run(args.toArray(String[]::new));
      assertEquals(0, r.status(), args + ": " + r);
      assertTrue(r.out().startsWith("Usage: mechcheck" + (path.isEmpty() ? "" : " " + String.join(" ", path))), args + ": " + r.out());
      assertEquals("", r.err(), args.toString());
    }
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      collect(e.getValue(), sub, out);
    }
  }

  @Test
  void anEmptyFolderGivenToRunIsSaidToBeEmpty() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    refused(empty + ": the folder holds no network file (*.json)", "run", "--mechanism", "vickrey", "--network", empty.toString());
  }

  @Test
  void jsonPrintsOneObjectPerLineWhereTheReadmeSaysSo() throws IOException {
    CliTest.Result choice = CliTest.run("search", "--mechanism", "sra", "--property", "IC", "--deviations", "choice", "--class", "social", "--max-agents", "3", "--json");
    assertEquals(1, choice.status(), choice.toString()); // a violation of a claim the source asserts
    List<String> lines = choice.outLines();
    assertEquals(2, lines.size(), choice.out());
    JsonNode cx = NetworkJson.MAPPER.readTree(lines.get(0)), summary = NetworkJson.MAPPER.readTree(lines.get(1));
    assertEquals("mechcheck-sra-deviation/1", cx.get("format").asText());
    assertEquals("sra/ic-choice/social", cx.get("claim").asText());
    assertEquals("refuted", summary.get("verdict").asText());
    assertEquals("choice", summary.get("deviations").asText());

    CliTest.Result passing = CliTest.run("search", "--mechanism", "sra", "--property", "IC", "--deviations", "passing", "--class", "social", "--max-agents", "2", "--json");
    assertEquals(0, passing.status(), passing.toString());
    assertEquals(1, passing.outLines().size(), passing.out());
    assertEquals("verified", NetworkJson.MAPPER.readTree(passing.out()).get("verdict").asText());

    CliTest.Result table = CliTest.run("datatrade", "table1", "--json", "--mc-samples", "0", "--opt-restarts", "1", "--opt-evals", "10");
    assertEquals(0, table.status(), table.toString());
    assertTrue(table.outLines().size() >= 12, table.out());
    for (String l : table.outLines()) {
      JsonNode row = NetworkJson.MAPPER.readTree(l);
      assertTrue(row.isObject() && row.has("model") && row.has("mechanism") && row.has("sw"), l);
    }
  }

  // ---------------------------------------------------------------- the readers of the formats work

  @Test
  void theSraDeviationReaderNamesWhatIsWrong() throws IOException {
    ObjectNode choice = read("counterexamples/sra/sra_ic-choice_social-dfae2c8a.json");
    Map<String, ObjectNode> bad = new LinkedHashMap<>();
    ObjectNode shift = choice.deepCopy();
    shift.put("family", "computation");
    ((ObjectNode) shift.get("deviation")).put("kind", "shift").putArray("targets");
    bad.put("deviation.parameter: missing; a shift deviation needs its shift d", shift);
    ObjectNode constant = shift.deepCopy();
    ((ObjectNode) constant.get("deviation")).put("kind", "constant");
    bad.put("deviation.parameter: missing; a constant deviation needs its constant c", constant);
    ObjectNode lie = choice.deepCopy();
    ((ObjectNode) lie.get("deviation")).put("kind", "lie");
    bad.put("deviation.kind: 'lie' is not a deviation of family choice", lie);
    ObjectNode word = shift.deepCopy();
    ((ObjectNode) word.get("deviation")).put("parameter", "lots");
    bad.put("deviation.parameter: 'lots' is not a number", word);
    ObjectNode bribe = choice.deepCopy();
    bribe.put("family", "bribe");
    bad.put("family: unknown family 'bribe'", bribe);
    ObjectNode stranger = choice.deepCopy();
    ((ArrayNode) stranger.get("deviation").get("targets")).removeAll().add("C");
    bad.put("deviation.targets[0]: 'C' is not one of C's inviters", stranger);
    for (Map.Entry<String, ObjectNode> e : bad.entrySet()) {
      replayRefused(write("sra/bad.json", e.getValue()), e.getKey());
    }
  }

  @Test
  void theDataTradingReadersNameWhatIsWrong() throws IOException {
    ObjectNode welfare = read("counterexamples/datatrade/datatrade_welfare_budget-balanced-high-c784460a.json");
    ObjectNode noSw = welfare.deepCopy();
    ((ObjectNode) noSw.get("violation")).remove("sw");
    ObjectNode unknown = welfare.deepCopy();
    unknown.putObject("violation").put("kind", "bribe");
    ObjectNode local = read("counterexamples/datatrade/datatrade_local-comparison_homogeneous-high-c710f0b6.json");
    ObjectNode noTrade = local.deepCopy();
    ((ObjectNode) noTrade.get("violation")).remove("trade");
    ObjectNode noPlayer = local.deepCopy();
    noPlayer.remove("player");
    Map<String, ObjectNode> bad = new LinkedHashMap<>();
    bad.put("violation.sw: missing", noSw);
    bad.put("violation.kind: unknown kind 'bribe'", unknown);
    bad.put("violation.trade: must be a trade i >= 1", noTrade);
    bad.put("player: the player whose shares t1 and t2 differ", noPlayer);
    for (Map.Entry<String, ObjectNode> e : bad.entrySet()) {
      replayRefused(write("datatrade/bad.json", e.getValue()), e.getKey());
    }

    Map<String, String> models = new LinkedHashMap<>();
    models.put("n: must be a whole number, got 2.5", "{\"preset\": 2, \"n\": 2.5}");
    models.put("preset: must be a whole number, got 2.5", "{\"preset\": 2.5, \"n\": 3}");
    models.put("v0: must be a whole number, got 1.5", "{\"n\": 1, \"grid\": [1, 2], \"v0\": 1.5, \"Q\": [[1, 0], [0, 1]]}");
    models.put("n: the presets' chains have at most 300 trades", "{\"preset\": 1, \"n\": 100000}");
    for (Map.Entry<String, String> e : models.entrySet()) {
      Path f = write("model.json", e.getValue());
      refused(f + ": " + e.getKey(), "datatrade", "solve", "--model", f.toString());
    }
  }

  // ---------------------------------------------------------------- not bad input: a large network

  /**
   * A star of 300,000 bidders: read, run and printed with memory that grows with the edges (it
   * was an OutOfMemoryError). The Vickrey outcome is known independently: the highest value
   * wins (the lowest agent among equal ones) and pays the second highest.
   */
  @Test
  void aNetworkOf300000AgentsRuns() throws IOException {
    int n = 300_000;
    StringBuilder sb = new StringBuilder("{\"format\": \"mechcheck-network/1\", \"seller\": \"s\", \"agents\": [");
    long best = -1, second = -1;
    int winner = -1;
    for (int k = 1; k <= n; k++) {
      long v = (k * 7919L) % 1_000_003L;
      if (v > best) {
        second = best;
        best = v;
        winner = k;
      } else if (v > second) {
        second = v;
      }
      sb.append(k > 1 ? ", " : "").append("{\"id\": \"a").append(k).append("\", \"value\": ").append(v).append('}');
    }
    sb.append("], \"edges\": [");
    for (int k = 1; k <= n; k++) sb.append(k > 1 ? ", " : "").append("[\"s\", \"a").append(k).append("\"]");
    Path f = write("star.json", sb.append("]}").toString());
    CliTest.Result r = CliTest.run("run", "--mechanism", "vickrey", "--network", f.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode o = NetworkJson.MAPPER.readTree(r.out());
    assertEquals("{\"a" + winner + "\":1}", NetworkJson.line(o.get("allocation")));
    assertEquals(Long.toString(second), o.get("payments").get("a" + winner).asText());
    assertEquals(Long.toString(second), o.get("revenue").asText());
  }
}

package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line contract of docs/formats/README.md, through {@link Main#execute}: exit statuses (0 ok,
 * 1 violation, 2 bad input or usage), the outcome JSON of {@code run --json}, one line of
 * stderr and no stack trace on bad input, and {@code check}'s violations.
 */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  record Result(int status, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static synchronized Result run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Main.execute(args);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path reference(String name) {
    try {
      return Path.of(CliTest.class.getResource("/reference/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode file(Path p) throws IOException {
    return JSON.readTree(Files.readString(p));
  }

  /** A number of a network file or an expected block, read exactly (integers or "p/q" strings). */
  static BigFraction number(JsonNode n) {
    if (n.isIntegralNumber()) return BigFraction.of(n.bigIntegerValue());
    String s = n.asText();
    int slash = s.indexOf('/');
    return slash < 0 ? BigFraction.of(new java.math.BigInteger(s))
        : BigFraction.of(new java.math.BigInteger(s.substring(0, slash)), new java.math.BigInteger(s.substring(slash + 1)));
  }

  /** Bad input: status 2, nothing on stdout, exactly one line on stderr and no stack trace. */
  static void assertBadInput(Result r) {
    assertEquals(2, r.status(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.errLines().size(), "exactly one line on stderr: " + r);
    // a stack trace shows as "Exception" in the first line or "at " frames below it (a message
    // may itself say "at least", so frames are recognised as lines starting with "at ")
    assertFalse(r.err().contains("Exception"), r.toString());
    assertFalse(r.err().lines().anyMatch(l -> l.strip().startsWith("at ")), r.toString());
    assertFalse(r.err().contains("\tat "), r.toString());
  }

  // ---- run ----

  /**
   * {@code run --json} on Figure 1(b) with CSM prints the outcome object of docs/formats/outcome.md. Expected
   * values come from the file's expected block (000 §4) and, for utilities and welfare, from
   * u_i = v_i - x_i computed here from the file's values, costs and the stated payments.
   */
  @Test
  void runJsonPrintsTheOutcomeObject() throws IOException {
    Path f = reference("csm-fig1b.json");
    JsonNode net = file(f);
    JsonNode exp = net.get("expected").get("csm");
    Result r = run("run", "--mechanism", "csm", "--network", f.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    assertEquals("", r.err(), r.toString());
    assertEquals(1, r.outLines().size(), "one object on one line: " + r);
    JsonNode o = JSON.readTree(r.outLines().get(0));

    assertEquals("csm", o.get("mechanism").asText());
    assertEquals(net.get("name").asText(), o.get("network").asText());
    assertEquals(exp.get("allocation"), o.get("allocation"));
    assertEquals(exp.get("chain"), o.get("chain"));

    Map<String, BigFraction> value = new HashMap<>(), cost = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode a : net.get("agents")) {
      String id = a.get("id").asText();
      ids.add(id);
      value.put(id, a.has("value") ? number(a.get("value")) : BigFraction.ZERO);
      cost.put(id, a.has("cost") ? number(a.get("cost")) : BigFraction.ZERO);
    }
    assertEquals(ids, fieldNames(o.get("payments")), "every agent in payments");
    assertEquals(ids, fieldNames(o.get("utilities")), "every agent in utilities");

    String winner = exp.get("allocation").fieldNames().next();
    List<String> chain = new ArrayList<>();
    exp.get("chain").forEach(x -> chain.add(x.asText()));
    BigFraction welfare = value.get(winner);
    for (String id : ids) {
      JsonNode p = o.get("payments").get(id), u = o.get("utilities").get(id);
      assertTrue(p.isTextual() && u.isTextual(), "exact numbers are strings: " + id + " " + p + " " + u);
      // the note of the expected block: every other agent pays 0
      BigFraction pay = exp.get("payments").has(id) ? number(exp.get("payments").get(id)) : BigFraction.ZERO;
      assertEquals(pay, number(p), "payment of " + id);
      BigFraction v = id.equals(winner) ? value.get(id) : chain.subList(1, chain.size() - 1).contains(id) ? cost.get(id).negate() : BigFraction.ZERO;
      assertEquals(v.subtract(pay), number(u), "utility of " + id);
      if (chain.subList(1, chain.size() - 1).contains(id)) welfare = welfare.subtract(cost.get(id));
    }
    assertTrue(o.get("revenue").isTextual());
    assertEquals(exp.get("revenue").asText(), o.get("revenue").asText(), "revenue, as an exact string");
    assertEquals(welfare.getNumerator().toString(), o.get("welfare").asText(), "welfare b_H - c_A - c_E");
    // threshold neighbourhoods: as stated for the chain's intermediaries; 000 §4: "for any
    // intermediate node i that does not belong to LCC_m, r*_i = r'_i", all her agent neighbours
    for (Iterator<String> it = o.get("threshold").fieldNames(); it.hasNext(); ) {
      String id = it.next();
      Set<String> got = new java.util.TreeSet<>();
      o.get("threshold").get(id).forEach(x -> got.add(x.asText()));
      Set<String> want = new java.util.TreeSet<>();
      if (exp.get("threshold").has(id)) {
        exp.get("threshold").get(id).forEach(x -> want.add(x.asText()));
      } else {
        assertFalse(chain.contains(id), id + " is on the chain but has no stated threshold");
        for (JsonNode e : net.get("edges")) {
          if (e.get(0).asText().equals(id) && ids.contains(e.get(1).asText())) want.add(e.get(1).asText());
          if (e.get(1).asText().equals(id) && ids.contains(e.get(0).asText())) want.add(e.get(0).asText());
        }
      }
      assertEquals(want, got, "threshold neighbourhood of " + id);
    }
    assertTrue(fieldNames(o.get("threshold")).containsAll(fieldNames(exp.get("threshold"))), o.get("threshold").toString());
    // docs/formats/outcome.md's example prints these exact strings for this network
    assertEquals("3", o.get("utilities").get("A").asText());
    assertEquals("-3", o.get("payments").get("A").asText());
    assertEquals("9", o.get("welfare").asText());
  }

  private static Set<String> fieldNames(JsonNode o) {
    Set<String> s = new LinkedHashSet<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) s.add(it.next());
    return s;
  }

  /**
   * Fractions print as "p/q": Vickrey among X (22/3), Y (5/2) and Z (1), all neighbours of the
   * seller; X wins and pays the second-highest bid 5/2; her utility is 22/3 - 5/2 = 29/6.
   */
  @Test
  void runPrintsFractionsExactly() throws IOException {
    Path f = dir.resolve("fractions.json");
    Files.writeString(f, "{\"format\": \"mechcheck-network/1\", \"name\": \"fractions\", \"seller\": \"s\", \"agents\": ["
        + "{\"id\": \"X\", \"value\": \"22/3\"}, {\"id\": \"Y\", \"value\": 2.5}, {\"id\": \"Z\", \"value\": 1}],"
        + " \"edges\": [[\"s\", \"X\"], [\"s\", \"Y\"], [\"s\", \"Z\"]]}");
    Result r = run("run", "--mechanism", "vickrey", "--network", f.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    JsonNode o = JSON.readTree(r.out());
    assertEquals("5/2", o.get("payments").get("X").asText());
    assertEquals("0", o.get("payments").get("Y").asText());
    assertEquals("0", o.get("payments").get("Z").asText());
    assertEquals("29/6", o.get("utilities").get("X").asText());
    assertEquals("0", o.get("utilities").get("Y").asText());
    assertEquals("5/2", o.get("revenue").asText());
    assertEquals("22/3", o.get("welfare").asText());
  }

  /** A folder gives one object per line, in file-name order; listed files, in the order given. */
  @Test
  void runOnAFolderPrintsOneLinePerFileInOrder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("nets"));
    // file names sort differently from the network names inside
    Files.copy(reference("csm-fig1b.json"), folder.resolve("1-first.json"));
    Files.copy(reference("idmtc-fig1a-plus-BE.json"), folder.resolve("2-second.json"));
    Files.copy(reference("csm-fig1a.json"), folder.resolve("3-third.json"));
    Files.writeString(folder.resolve("notes.txt"), "not a network");
    Result r = run("run", "--mechanism", "csm", "--network", folder.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    List<String> names = new ArrayList<>();
    for (String line : r.outLines()) names.add(JSON.readTree(line).get("network").asText());
    assertEquals(List.of("csm-fig1b", "idmtc-fig1a-plus-BE", "csm-fig1a"), names, r.toString());

    Result listed = run("run", "--mechanism", "csm", "--network", reference("idmtc-fig1a-plus-BE.json").toString(),
        reference("csm-fig1a.json").toString(), "--json");
    assertEquals(0, listed.status(), listed.toString());
    names.clear();
    for (String line : listed.outLines()) names.add(JSON.readTree(line).get("network").asText());
    assertEquals(List.of("idmtc-fig1a-plus-BE", "csm-fig1a"), names);
  }

  @Test
  void runWithoutJsonPrintsAReadableOutcome() {
    Result r = run("run", "--mechanism", "idm-tc", "--network", reference("csm-fig1a.json").toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("H") && r.out().contains("-3") && r.out().contains("9"), r.toString());
  }

  // ---- bad input ----

  @Test
  void malformedFilesGiveStatus2AndOneLine() throws IOException {
    Map<String, String> bad = Map.of(
        "invalid.json", "{\"format\": \"mechcheck-network/1\", \"seller\": ",
        "unknown-agent.json", "{\"format\": \"mechcheck-network/1\", \"seller\": \"s\", \"agents\": [{\"id\": \"A\", \"value\": 1}], \"edges\": [[\"s\", \"Q\"]]}",
        "negative.json", "{\"format\": \"mechcheck-network/1\", \"seller\": \"s\", \"agents\": [{\"id\": \"A\", \"cost\": -1}], \"edges\": []}",
        "not-object.json", "[]");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.writeString(f, e.getValue());
      for (String cmd : List.of("run", "check")) {
        Result r = run(cmd, "--mechanism", "vcg", "--network", f.toString(), "--json");
        assertBadInput(r);
        assertTrue(r.err().contains(f.toString()), "names the file: " + r);
        // the literal check too, where the message has no "at least" of its own
        if (!e.getKey().equals("negative.json")) assertFalse(r.err().contains("at "), r.toString());
      }
    }
    Result missing = run("run", "--mechanism", "vcg", "--network", dir.resolve("absent.json").toString());
    assertBadInput(missing);
    assertTrue(missing.err().contains("absent.json"), missing.toString());
  }

  /** One bad file among good ones: status 2 and nothing printed for the good ones. */
  @Test
  void aBadFileInAFolderStopsTheRun() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("mixed"));
    Files.copy(reference("csm-fig1a.json"), folder.resolve("a.json"));
    Files.writeString(folder.resolve("b.json"), "{oops");
    assertBadInput(run("run", "--mechanism", "csm", "--network", folder.toString(), "--json"));
  }

  @Test
  void unknownMechanismGivesStatus2() {
    Result r = run("run", "--mechanism", "nope", "--network", reference("csm-fig1a.json").toString());
    assertBadInput(r);
    assertTrue(r.err().contains("nope"), r.toString());
    assertBadInput(run("check", "--mechanism", "nope", "--network", reference("csm-fig1a.json").toString()));
  }

  /** idm-tc and csm are defined where buyers do not pass the sale on; the gidm example's buyers invite. */
  @Test
  void aNetworkOutsideTheDomainGivesStatus2AndSaysWhy() {
    for (String mech : List.of("idm-tc", "csm")) {
      for (String cmd : List.of("run", "check")) {
        Result r = run(cmd, "--mechanism", mech, "--network", reference("gidm-example-k1.json").toString());
        assertBadInput(r);
        assertTrue(r.err().contains("invites") && r.err().contains("buyer"), "says why: " + r);
      }
    }
    // a single-unit mechanism on the 5-unit network
    Result units = run("run", "--mechanism", "vcg", "--network", reference("gidm-example-k5.json").toString());
    assertBadInput(units);
    assertTrue(units.err().contains("units"), units.toString());
  }

  @Test
  void usageErrorsGiveStatus2() {
    assertBadInput(run("run", "--network", reference("csm-fig1a.json").toString()));
    assertBadInput(run("run", "--mechanism", "csm"));
    assertBadInput(run("check", "--mechanism", "csm", "--network", reference("csm-fig1b.json").toString(), "--property", "XYZ"));
    assertBadInput(run("frobnicate"));
    assertBadInput(run("run", "--mechanism", "csm", "--network", reference("csm-fig1b.json").toString(), "--colour"));
  }

  // ---- check ----

  /** 000 §3: on Figure 1(a) with B-E, A gains 1 (from 0) by informing only C and D. */
  @Test
  void checkFindsTheIdmTcViolation() throws IOException {
    Path f = reference("idmtc-fig1a-plus-BE.json");
    for (List<String> props : List.of(List.of("--property", "IC"), List.<String>of())) {
      List<String> args = new ArrayList<>(List.of("check", "--mechanism", "idm-tc", "--network", f.toString(), "--json"));
      args.addAll(props);
      Result r = run(args.toArray(String[]::new));
      assertEquals(1, r.status(), r.toString());
      JsonNode vs = JSON.readTree(r.out()).get("violations");
      JsonNode ofA = null;
      for (JsonNode v : vs) if (v.get("property").asText().equals("IC") && v.get("agent").asText().equals("A")) ofA = v;
      assertTrue(ofA != null, "no IC violation of A: " + r);
      assertTrue(ofA.get("deviation").get("bid").isNull(), ofA.toString());
      assertEquals(JSON.readTree("[\"C\", \"D\"]"), ofA.get("deviation").get("invites"));
      assertEquals("0", ofA.get("truthful").get("utility").asText());
      assertEquals("1", ofA.get("deviating").get("utility").asText());
    }
    Result human = run("check", "--mechanism", "idm-tc", "--network", f.toString(), "--property", "IC");
    assertEquals(1, human.status());
    assertTrue(human.out().contains("IC") && human.out().contains("A"), human.toString());
  }

  @Test
  void checkCsmOnFigure1bFindsNothing() throws IOException {
    Path f = reference("csm-fig1b.json");
    Result r = run("check", "--mechanism", "csm", "--network", f.toString());
    assertEquals(0, r.status(), r.toString());
    Result j = run("check", "--mechanism", "csm", "--network", f.toString(), "--json");
    assertEquals(0, j.status(), j.toString());
    assertEquals(JSON.readTree("{\"violations\": []}"), JSON.readTree(j.out()));
  }

  // ---- mechanisms ----

  @Test
  void mechanismsListsTheCoreMechanisms() throws IOException {
    Result r = run("mechanisms");
    assertEquals(0, r.status(), r.toString());
    Set<String> first = new LinkedHashSet<>();
    for (String line : r.outLines()) if (!line.isBlank()) first.add(line.strip().split("\\s+")[0]);
    assertTrue(first.containsAll(List.of("vickrey", "vcg", "idm", "idm-tc", "csm")), r.toString());

    Result j = run("mechanisms", "--json");
    assertEquals(0, j.status(), j.toString());
    Set<String> names = new LinkedHashSet<>();
    JSON.readTree(j.out()).get("mechanisms").forEach(m -> names.add(m.get("name").asText()));
    assertTrue(names.containsAll(List.of("vickrey", "vcg", "idm", "idm-tc", "csm")), j.toString());
  }

  /** docs/formats/README.md: 2 on bad input or usage. With no command at all there is nothing to run. */
  @Test
  void noCommandIsAUsageError() {
    Result r = run();
    assertEquals(2, r.status(), r.toString());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("internal error"), r.toString());
  }

  /**
   * The usage hint names a command a user can type. Fails at the time of writing: for an error
   * of the top-level command Errors.usage prints "(see 'mechcheck mechcheck --help')", since it
   * prefixes "mechcheck " to the command name, which for the root is "mechcheck" itself.
   */
  @Test
  void usageHintNamesTheCommandOnce() {
    Result r = run();
    assertFalse(r.err().contains("mechcheck mechcheck"), r.toString());
    Result sub = run("run", "--mechanism", "csm");
    assertTrue(sub.err().contains("'mechcheck run --help'"), sub.toString());
  }

  @Test
  void helpAndVersionSucceed() {
    assertEquals(0, run("--help").status());
    assertEquals(0, run("--version").status());
  }
}

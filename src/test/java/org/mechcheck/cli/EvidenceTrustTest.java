package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.NetworkJson;

/**
 * Issue 14, point 4 and deliverable 5: evidence filed under a claim counts only when it answers
 * that claim's question, one unreadable file marks its own claim and no other, a search cannot
 * file its evidence under a claim about another question, and nothing saved is overwritten by a
 * run that should not write it. Every scenario runs on a copy of the repository's evidence
 * (spec/claims.json, proofs/, counterexamples/) in a temporary folder, through {@code --claims}.
 */
class EvidenceTrustTest {
  /** The verdicts of the untouched copy: what every claim not tampered with must keep. */
  private static Map<String, String> baseline;

  @BeforeAll
  static void baseline(@TempDir Path dir) throws IOException {
    Path claims = copyEvidence(dir);
    CliTest.Result r = CliTest.run("claims", "--claims", claims.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    baseline = verdicts(r.out());
    assertEquals(64, baseline.size());
  }

  /** spec/claims.json, proofs/ and counterexamples/ copied into {@code dir}; returns the claims file. */
  static Path copyEvidence(Path dir) throws IOException {
    for (String sub : List.of("proofs", "counterexamples")) copyTree(Path.of(sub), dir.resolve(sub));
    Path claims = dir.resolve("claims.json");
    Files.copy(Path.of("spec/claims.json"), claims);
    return claims;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }

  /** claim id to "verdict | note" */
  static Map<String, String> verdicts(String json) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode c : NetworkJson.MAPPER.readTree(json).get("claims")) out.put(c.get("id").asText(), c.get("verdict").asText() + " | " + c.get("note").asText());
    return out;
  }

  static String verdict(Map<String, String> vs, String id) {
    return vs.get(id).substring(0, vs.get(id).indexOf(" | "));
  }

  static ObjectNode json(Path p) throws IOException {
    return (ObjectNode) NetworkJson.MAPPER.readTree(Files.readString(p));
  }

  static void write(Path p, JsonNode n) throws IOException {
    Files.writeString(p, NetworkJson.MAPPER.writeValueAsString(n) + "\n");
  }

  // ---------------------------------------------------------------- the two forging commands of issue 14, point 4

  @Test
  void aSearchCannotFileItsEvidenceUnderAClaimAboutAnotherQuestion(@TempDir Path dir) throws IOException {
    Path claims = copyEvidence(dir);
    Path record = dir.resolve("proofs/csm_ic_general.json");
    String before = Files.readString(record);
    List<String> counterexamplesBefore = list(dir.resolve("counterexamples"));

    CliTest.Result vickrey = CliTest.run("search", "--mechanism", "vickrey", "--property", "IR", "--class", "social-tree", "--max-agents", "5",
        "--claim", "csm/ic/general", "--save", "--claims", claims.toString());
    CliTest.Result idm = CliTest.run("search", "--mechanism", "idm", "--property", "EFF", "--class", "social-tree", "--max-agents", "5",
        "--claim", "csm/ic/general", "--save", "--claims", claims.toString());
    for (CliTest.Result r : List.of(vickrey, idm)) {
      assertEquals(2, r.status(), r.toString());
      assertEquals(List.of(), r.outLines(), r.toString());
      assertEquals(1, r.errLines().size(), "one line, before any search: " + r);
      assertTrue(r.err().startsWith("mechcheck: --claim csm/ic/general is about mechanism csm"), r.err());
    }
    assertTrue(vickrey.err().contains("property IC (this search: IR)") && vickrey.err().contains("class cs-general (this search: social-tree)"), vickrey.err());
    assertEquals(before, Files.readString(record), "the CSM IC record is untouched");
    assertEquals(counterexamplesBefore, list(dir.resolve("counterexamples")), "no counterexample was written");

    Map<String, String> after = verdicts(CliTest.run("claims", "--claims", claims.toString(), "--json").out());
    assertEquals(baseline, after);
  }

  @Test
  void searchRefusesEachFieldOfAClaimItDoesNotMatch(@TempDir Path dir) throws IOException {
    Path claims = copyEvidence(dir);
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("mechanism csm-min", List.of("--mechanism", "csm", "--property", "IC", "--class", "cs-general", "--claim", "csm-min/ic/general"));
    cases.put("property IR", List.of("--mechanism", "csm", "--property", "IC", "--class", "cs-general", "--claim", "csm/ir/general"));
    cases.put("class cs-general (this search: cs-tree)", List.of("--mechanism", "csm", "--property", "IC", "--class", "cs-tree", "--claim", "csm/ic/general"));
    cases.put("2 units (this search: --units 1)", List.of("--mechanism", "gidm", "--property", "IR", "--class", "social", "--claim", "gidm/ir/social"));
    cases.put("benchmark w-d1star (this search: vickrey)", List.of("--mechanism", "csm", "--property", "REV", "--class", "cs-general", "--claim", "csm/rev-wd1/general"));
    cases.put("deviations passing (this search: bids and informing sets)", List.of("--mechanism", "sra", "--property", "IC", "--class", "social", "--claim", "sra/ic-passing/social"));
    cases.put("deviations passing (this search: --deviations computation)",
        List.of("--mechanism", "sra", "--property", "IC", "--class", "social", "--deviations", "computation", "--claim", "sra/ic-passing/social"));
    cases.put("bids and informing sets (this search: --deviations passing)",
        List.of("--mechanism", "sra", "--property", "IC", "--class", "social", "--deviations", "passing", "--claim", "sra/ic/social"));
    cases.put("what the 'datatrade' check decides", List.of("--mechanism", "csm", "--property", "IC", "--class", "cs-general", "--claim", "datatrade/welfare/budget-balanced"));
    for (Map.Entry<String, List<String>> e : cases.entrySet()) {
      List<String> args = new java.util.ArrayList<>(List.of("search", "--max-agents", "3", "--save", "--claims", claims.toString()));
      args.addAll(e.getValue());
      CliTest.Result r = CliTest.run(args.toArray(String[]::new));
      assertEquals(2, r.status(), e.getKey() + ": " + r);
      assertEquals(1, r.errLines().size(), e.getKey() + ": " + r);
      assertTrue(r.err().contains(e.getKey()), e.getKey() + ": " + r.err());
      assertFalse(r.err().contains("searching"), r.err());
    }
  }

  // ---------------------------------------------------------------- records and counterexamples that do not answer the claim they are filed under

  @Test
  void tamperedEvidenceMarksItsOwnClaimAndNoOther(@TempDir Path dir) throws IOException {
    Path claims = copyEvidence(dir);
    Path proofs = dir.resolve("proofs");
    // 1. a CSM record whose fields all say idm-tc/ic/tree, but whose own claim is csm/ic/general, filed as idm-tc's IC record
    ObjectNode copied = json(proofs.resolve("csm_ic_general.json"));
    copied.put("mechanism", "idm-tc").put("class", "cs-tree");
    write(proofs.resolve("idm-tc_ic_tree.json"), copied);
    // 2. the passing family's record filed under the computation family's claim, with the claim field matching
    ObjectNode passing = json(proofs.resolve("sra_ic-passing_social.json"));
    passing.put("claim", "sra/ic-computation/social");
    write(proofs.resolve("sra_ic-computation_social.json"), passing);
    // 3. a record of a deviation family under a claim about bids and informing sets
    ObjectNode family = json(proofs.resolve("sra_ir_social.json"));
    family.put("deviations", "passing");
    write(proofs.resolve("sra_ir_social.json"), family);
    // 4. maxAgents that are not whole numbers of at least 1
    Map<String, Object> badBounds = Map.of("idm_ic_social.json", 2.5, "idm_ir_social.json", 0, "idm_bb_social.json", 4294967297L);
    for (Map.Entry<String, Object> e : badBounds.entrySet()) {
      ObjectNode r = json(proofs.resolve(e.getKey()));
      if (e.getValue() instanceof Double d) r.put("maxAgents", d);
      else if (e.getValue() instanceof Long l) r.put("maxAgents", l);
      else r.put("maxAgents", (Integer) e.getValue());
      write(proofs.resolve(e.getKey()), r);
    }
    // 5. truncated counterexample files of all three kinds
    Path cx = dir.resolve("counterexamples");
    for (String f : List.of("vcg-BB-7e491ce3.json", "sra/sra_ic-choice_social-dfae2c8a.json", "datatrade/datatrade_welfare_budget-balanced-high-c784460a.json")) {
      String text = Files.readString(cx.resolve(f));
      Files.writeString(cx.resolve(f), text.substring(0, text.length() / 2));
    }

    CliTest.Result r = CliTest.run("claims", "--claims", claims.toString(), "--json");
    assertEquals(2, r.status(), "unreadable evidence makes the exit status 2: " + r.err());
    Map<String, String> after = verdicts(r.out());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("idm-tc/ic/tree", "unknown | rejected proofs/idm-tc_ic_tree.json: it records claim csm/ic/general (it is filed under idm-tc/ic/tree)");
    expected.put("sra/ic-computation/social", "unknown | rejected proofs/sra_ic-computation_social.json: it records deviation family passing (the claim's: deviation family computation)");
    expected.put("sra/ir/social", "unknown | rejected proofs/sra_ir_social.json: it records deviation family passing (the claim's: bids and informing sets)");
    expected.put("idm/ic/social", "unknown | unreadable evidence: " + proofs.resolve("idm_ic_social.json") + ": maxAgents: must be a whole number of at least 1, got 2.5");
    expected.put("idm/ir/social", "unknown | unreadable evidence: " + proofs.resolve("idm_ir_social.json") + ": maxAgents: must be a whole number of at least 1, got 0");
    expected.put("idm/bb/social", "unknown | unreadable evidence: " + proofs.resolve("idm_bb_social.json") + ": maxAgents: must be a whole number of at least 1, got 4294967297");
    expected.put("vcg/bb/general", "unknown | unreadable evidence: " + cx.resolve("vcg-BB-7e491ce3.json") + ": not valid JSON");
    expected.put("sra/ic-choice/social", "unknown | unreadable evidence: " + cx.resolve("sra/sra_ic-choice_social-dfae2c8a.json") + ": not valid JSON");
    expected.put("datatrade/welfare/budget-balanced", "unknown | unreadable evidence: " + cx.resolve("datatrade/datatrade_welfare_budget-balanced-high-c784460a.json") + ": not valid JSON");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertTrue(after.get(e.getKey()).startsWith(e.getValue()), e.getKey() + ":\n  expected " + e.getValue() + "\n  got      " + after.get(e.getKey()));
    }
    for (String id : baseline.keySet()) {
      if (!expected.containsKey(id)) assertEquals(baseline.get(id), after.get(id), id + " changed though none of its evidence was touched");
    }

    // the table shows the unreadable file in the claim's own row; replay names each such file in one line and replays the rest
    CliTest.Result table = CliTest.run("claims", "--claims", claims.toString());
    assertEquals(2, table.status());
    assertTrue(table.out().lines().anyMatch(l -> l.startsWith("vcg/bb/general") && l.contains("unreadable evidence: " + cx.resolve("vcg-BB-7e491ce3.json"))), table.out());
    CliTest.Result replay = CliTest.run("replay", cx.toString());
    assertEquals(2, replay.status(), replay.toString());
    List<String> unreadable = replay.errLines().stream().filter(l -> l.contains("not valid JSON")).toList();
    assertEquals(3, unreadable.size(), replay.err());
    long replayed = replay.outLines().size();
    long files;
    try (Stream<Path> s = Files.walk(cx)) {
      files = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    assertEquals(files - 3, replayed, "every readable file is replayed: " + replay);
  }

  // ---------------------------------------------------------------- the proof store

  @Test
  void aRecordAboutAnotherQuestionIsNeverReplacedAndAStaleOneIsRenewed(@TempDir Path dir) throws IOException {
    org.mechcheck.store.EvidenceStore store = new org.mechcheck.store.EvidenceStore(dir);
    org.mechcheck.store.ProofRecord.Subject idmIc = new org.mechcheck.store.ProofRecord.Subject("x/ic/social", "idm", "IC", "vickrey", "social", "100", 1, null, null, null,
        "mechcheck search --mechanism idm --property IC --class social");
    List<org.mechcheck.store.ProofRecord.Level> two = List.of(new org.mechcheck.store.ProofRecord.Level(1, 1, 1, 0), new org.mechcheck.store.ProofRecord.Level(2, 2, 2, 0));
    assertTrue(store.save(org.mechcheck.store.ProofRecord.verified(idmIc, two, 0, 0, 0)));
    String kept = Files.readString(store.proofFile("x/ic/social"));

    org.mechcheck.store.ProofRecord.Subject vickreyIr = new org.mechcheck.store.ProofRecord.Subject("x/ic/social", "vickrey", "IR", "vickrey", "social", "100", 1, null, null,
        null, "mechcheck search --mechanism vickrey --property IR --class social");
    List<org.mechcheck.store.ProofRecord.Level> three = List.of(two.get(0), two.get(1), new org.mechcheck.store.ProofRecord.Level(3, 4, 4, 0));
    assertTrue(store.conflict(vickreyIr).orElseThrow().contains("mechanism idm, property IC"), store.conflict(vickreyIr).toString());
    org.mechcheck.store.InputException e = org.junit.jupiter.api.Assertions.assertThrows(org.mechcheck.store.InputException.class,
        () -> store.save(org.mechcheck.store.ProofRecord.verified(vickreyIr, three, 0, 0, 0)));
    assertTrue(e.getMessage().contains("not replaced"), e.getMessage());
    assertEquals(kept, Files.readString(store.proofFile("x/ic/social")), "a larger bound about another question does not replace the record");

    // a record of the same question made from another version of a researcher's file is stale: the current one replaces it, whatever the bounds
    org.mechcheck.store.ProofRecord.Subject v1 = new org.mechcheck.store.ProofRecord.Subject("y/ir/social", "mine", "IR", "vickrey", "social", "100", 1, null, null,
        new org.mechcheck.store.MechanismSource("Mine.java", "a".repeat(64)), "mechcheck search --mechanism mine --property IR --class social");
    org.mechcheck.store.ProofRecord.Subject v2 = new org.mechcheck.store.ProofRecord.Subject("y/ir/social", "mine", "IR", "vickrey", "social", "100", 1, null, null,
        new org.mechcheck.store.MechanismSource("Mine.java", "b".repeat(64)), "mechcheck search --mechanism mine --property IR --class social");
    assertTrue(store.save(org.mechcheck.store.ProofRecord.verified(v1, three, 0, 0, 0)));
    assertTrue(store.save(org.mechcheck.store.ProofRecord.verified(v2, two, 0, 0, 0)), "the stale record is renewed by the command its note gives");
    assertEquals("b".repeat(64), store.proof("y/ir/social").orElseThrow().source().sha256());
    assertFalse(store.save(org.mechcheck.store.ProofRecord.verified(v2, List.of(two.get(0)), 0, 0, 0)), "a smaller bound of the same version does not replace it");
  }

  // ---------------------------------------------------------------- claims --markdown

  @Test
  void claimsMarkdownOverwritesOnlyWhatItWrote(@TempDir Path dir) throws IOException {
    Path md = dir.resolve("claims.md");
    CliTest.Result first = CliTest.run("claims", "--markdown", md.toString());
    assertEquals(0, first.status(), first.toString());
    List<String> lines = Files.readAllLines(md);
    assertEquals(ClaimsCommand.MARK, lines.get(0));
    assertEquals(64, lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| claim |")).count());
    assertEquals(0, CliTest.run("claims", "--markdown", md.toString()).status(), "its own file is overwritten");

    Path notes = dir.resolve("notes.md");
    Files.writeString(notes, "# my notes\n");
    CliTest.Result refused = CliTest.run("claims", "--markdown", notes.toString());
    assertEquals(2, refused.status(), refused.toString());
    assertEquals(List.of("mechcheck: --markdown " + notes + ": exists and was not written by 'mechcheck claims --markdown'; not overwriting it (give --force to)"),
        refused.errLines());
    assertEquals(List.of(), refused.outLines(), "refused before the claims are evaluated");
    assertEquals("# my notes\n", Files.readString(notes));

    assertEquals(0, CliTest.run("claims", "--markdown", notes.toString(), "--force").status());
    assertEquals(ClaimsCommand.MARK, Files.readAllLines(notes).get(0));
    CliTest.Result force = CliTest.run("claims", "--force");
    assertEquals(2, force.status());
    assertEquals(List.of("mechcheck: --force goes with --markdown"), force.errLines());
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}

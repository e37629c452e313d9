package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.property.Deviation;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleFixtures;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.NetworkJson;

class ReplayCommandTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void stillViolatingFilesExitZero() {
    Path f = CounterexampleJson.save(dir, CounterexampleFixtures.idmTcIc().withFixedBy(List.of("csm"))).json();
    Run r = run("replay", f.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    String line = r.out().strip();
    assertTrue(line.startsWith(f.toString()), line);
    assertTrue(line.contains("idm-tc IC agent A") && line.contains("truthful 0 vs deviating 1") && line.contains("still violates")
        && line.contains("csm: fixed"), line);
    // a folder expands to its files
    assertEquals(0, run("replay", dir.toString()).status());
  }

  @Test
  void jsonGivesOneObjectPerFile() throws Exception {
    Path f = CounterexampleJson.save(dir, CounterexampleFixtures.idmTcIc()).json();
    Run r = run("replay", "--json", f.toString(), f.toString());
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    JsonNode o = NetworkJson.MAPPER.readTree(lines.get(0));
    assertEquals(f.toString(), o.get("file").asText());
    assertEquals("A", o.get("agent").asText());
    assertEquals("0", o.get("truthful").get("utility").asText());
    assertEquals("1", o.get("deviating").get("utility").asText());
    assertTrue(o.get("violates").asBoolean());
    assertTrue(o.get("matchesRecord").asBoolean());
  }

  @Test
  void aFileThatNoLongerReproducesExitsOne() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    BitSet all = new BitSet();
    for (String id : List.of("C", "D", "E")) all.set(c.market().node(id));
    Counterexample stale = new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(), new Deviation(null, all),
        c.truthful(), c.deviating(), null, c.foundBy(), false, List.of(), null);
    Path good = CounterexampleJson.save(dir, c).json();
    Path bad = CounterexampleJson.save(dir, stale).json();
    Run r = run("replay", good.toString(), bad.toString());
    assertEquals(1, r.status());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).contains("still violates"), lines.get(0));
    assertTrue(lines.get(1).contains("NO LONGER REPRODUCES") && lines.get(1).contains("(recorded: 0 vs 1)"), lines.get(1));
  }

  @Test
  void aCorruptFileExitsTwoWithOneLineAndTheOthersStillReplay() throws Exception {
    Path good = CounterexampleJson.save(dir, CounterexampleFixtures.idmTcIc()).json();
    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(corrupt, Files.readString(good).replace("\"agent\" : \"A\"", "\"agent\" : \"Zed\""));
    Run r = run("replay", good.toString(), corrupt.toString());
    assertEquals(2, r.status());
    assertTrue(r.out().contains(good + "  idm-tc IC agent A") && r.out().contains("still violates"), "the good file is replayed all the same: " + r.out());
    assertEquals("mechcheck: " + corrupt + ": agent: 'Zed' is not an agent of the network", r.err().lines().findFirst().orElse(""));
    assertEquals(2, run("replay", dir.resolve("missing.json").toString()).status());
    assertEquals(2, run("replay").status(), "a file is required");
  }
}

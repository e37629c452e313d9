package org.mechcheck.property;

import org.mechcheck.store.Replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleFixtures;
import org.mechcheck.store.CounterexampleJson;

/**
 * Replays every saved counterexample of the repository ({@code counterexamples/*.json}): each must
 * still show its violation exactly, and must not show it on the mechanisms its {@code fixedBy}
 * names. Passes with no files; one dynamic test per file once there are some.
 */
class ReplayCounterexampleFilesTest {
  static final Path FOLDER = Path.of("counterexamples");

  static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The check each saved file gets. */
  static void replay(Path file) {
    Counterexample c = CounterexampleJson.read(file);
    Replay.Result r = Replay.of(c);
    assertTrue(r.violates(), file + ": NO LONGER REPRODUCES: " + r.detail());
    if (!r.matchesRecord()) System.err.println(file + ": still violates, but with other numbers than recorded: " + r.detail());
    for (Replay.Result f : Replay.fixes(c)) {
      assertFalse(f.violates(), file + ": " + f.mechanism() + " is listed in fixedBy but shows the violation: " + f.detail());
    }
  }

  @Test
  void folderExists() {
    assertTrue(Files.isDirectory(FOLDER), "run from the repository root: " + FOLDER.toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> everySavedCounterexampleStillViolates() throws IOException {
    return files(FOLDER).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
  }

  /** The same check on a folder of generated files: it replays each, and fails where it should. */
  @Test
  void theCheckReplaysEveryFileOfAFolder(@TempDir Path dir) throws IOException {
    assertEquals(List.of(), files(dir));
    Counterexample c = CounterexampleFixtures.idmTcIc();
    Path good = CounterexampleJson.save(dir, c.withFixedBy(List.of("csm"))).json();
    Files.writeString(dir.resolve("notes.txt"), "not a counterexample");
    assertEquals(List.of(good), files(dir));
    for (Path f : files(dir)) replay(f);

    Path other = Files.createDirectory(dir.resolve("bad"));
    Path gone = other.resolve("gone.json");
    Files.writeString(gone, CounterexampleJson.text(new Counterexample(c.mechanism(), c.property(), c.claim(), c.market(), c.agent(),
        new Deviation(null, nodes(c.market(), "C", "D", "E")), c.truthful(), c.deviating(), null, c.foundBy(), false, List.of(), null)));
    assertThrows(AssertionError.class, () -> replay(gone));
  }

  private static java.util.BitSet nodes(org.mechcheck.network.Market m, String... ids) {
    java.util.BitSet s = new java.util.BitSet();
    for (String id : ids) s.set(m.node(id));
    return s;
  }
}

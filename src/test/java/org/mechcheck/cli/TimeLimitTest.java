package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, deliverable 6: {@code --time-limit T} ends the command within a few seconds of T, with
 * the sizes finished in time as its bound, whatever is running when T passes: Z3 calls of a slow
 * real search (which Z3, told to stop, may answer by throwing), a mechanism that keeps comparing,
 * the deviation-family search's own loop. The margins are generous (the machine is shared);
 * the README's benchmarks give the measured overruns.
 */
class TimeLimitTest {
  @TempDir Path dir;

  /** Runs a command line in process and returns it with the seconds it took. */
  private static Object[] timed(String... args) {
    long start = System.nanoTime();
    CliTest.Result r = CliTest.run(args);
    return new Object[] {r, (System.nanoTime() - start) / 1e9};
  }

  private static void endsNearTheLimit(Object[] timed, double limit, String what) {
    CliTest.Result r = (CliTest.Result) timed[0];
    double seconds = (double) timed[1];
    assertEquals(0, r.status(), what + ": " + r);
    assertFalse(r.err().contains("internal error"), what + ": " + r.err());
    assertTrue(r.out().contains("time limit reached"), what + ": " + r.out());
    assertTrue(seconds < limit + 5, what + ": ended " + (seconds - limit) + " s after the limit of " + limit + " s");
  }

  @Test
  void aSlowRealSearchStopsAtTheLimitWithoutAnInternalError() {
    for (int run = 0; run < 2; run++) {
      endsNearTheLimit(timed("search", "--mechanism", "csm", "--property", "IC", "--class", "cs-general", "--max-agents", "5", "--time-limit", "6"), 6,
          "csm IC, run " + run);
    }
  }

  @Test
  void aMechanismThatKeepsComparingIsStoppedAtItsNextComparison() throws Exception {
    Path dawdler = Path.of(TimeLimitTest.class.getResource("/workbench/Dawdler.java").toURI());
    CliTest.Result r = CliTest.run("search", "--mechanism-file", dawdler.toString(), "--property", "IR", "--class", "social", "--max-agents", "4",
        "--time-limit", "5", "--evidence", dir.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    assertFalse(r.err().contains("internal error"), r.err());
    // the limit is the search's (compiling the file comes before it): its own seconds, from the summary line
    com.fasterxml.jackson.databind.JsonNode summary = org.mechcheck.store.NetworkJson.MAPPER.readTree(r.outLines().get(r.outLines().size() - 1));
    assertTrue(summary.get("timedOut").asBoolean(), r.out());
    assertEquals(2, summary.get("bound").asInt(), r.out());
    assertTrue(summary.get("seconds").asDouble() < 5 + 4, "the search ended " + (summary.get("seconds").asDouble() - 5) + " s after the limit");
  }

  @Test
  void theDeviationFamilySearchStopsInsideANetwork() {
    endsNearTheLimit(timed("search", "--mechanism", "sra", "--property", "IC", "--deviations", "passing", "--class", "social", "--max-agents", "5",
        "--time-limit", "5"), 5, "sra passing");
  }

  @Test
  void anEvidenceFolderThatCannotBeWrittenIsRefusedBeforeTheSearch() throws Exception {
    // a file where the proofs folder must go: refused whoever runs the test (root included)
    Path blocked = Files.createDirectories(dir.resolve("blocked"));
    Files.writeString(blocked.resolve("proofs"), "not a folder\n");
    for (String[] search : new String[][] {
        {"--mechanism", "vickrey", "--property", "IR", "--class", "social"},
        {"--mechanism", "sra", "--property", "IC", "--deviations", "passing", "--class", "social"},
        {"--mechanism", "vickrey", "--property", "IR", "--class", "social", "--random", "10"}}) {
      String[] args = concat(new String[] {"search", "--max-agents", "3", "--save", "--evidence", blocked.toString()}, search);
      CliTest.Result r = CliTest.run(args);
      assertEquals(2, r.status(), r.toString());
      assertEquals(List.of("mechcheck: " + blocked.resolve("proofs") + ": cannot save evidence here (not a folder)"), r.errLines(), r.toString());
      assertEquals("", r.out());
    }
    // the data-trading saves go into the checkout: one whose proofs/ is a file
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(home.resolve("spec"));
    Files.copy(Path.of("spec/claims.json"), home.resolve("spec/claims.json"));
    Files.writeString(home.resolve("proofs"), "not a folder\n");
    for (String[] datatrade : new String[][] {{"datatrade", "search", "--max-n", "1", "--save"}, {"datatrade", "verify", "--models", "1", "--save"}}) {
      List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
      cmd.addAll(List.of(datatrade));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("MECHCHECK_HOME", home.toString());
      Process p = pb.start();
      String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(2, p.exitValue(), String.join(" ", datatrade) + ": " + err);
      assertEquals(List.of("mechcheck: " + home.resolve("proofs") + ": cannot save evidence here (not a folder)"), err.lines().toList(), String.join(" ", datatrade));
    }
  }

  @Test
  void aFolderWithoutWritePermissionIsRefusedBeforeTheSearch() throws Exception {
    // a test run as root can write anyway: then there is nothing to refuse
    Path readOnly = Files.createDirectories(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "this user can write into a folder without write permission (root): nothing to refuse");
      CliTest.Result r = CliTest.run("search", "--mechanism", "vickrey", "--property", "IR", "--class", "social", "--max-agents", "3", "--save",
          "--evidence", readOnly.toString());
      assertEquals(2, r.status(), r.toString());
      assertEquals(1, r.errLines().size(), r.toString());
      assertTrue(r.err().contains("cannot save evidence here (not writable)"), r.err());
    } finally {
      Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

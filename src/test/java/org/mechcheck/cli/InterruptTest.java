package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.ProofRecord;

/**
 * Issue 14, deliverable 6: Ctrl-C (SIGINT) during a search stops it, whether it arrives between Z3
 * calls or inside one (Z3's own handler used to take it there: the search then ran on, or the
 * process died in that handler), and the sizes already verified are kept as a proof record. A
 * search of CSM's IC claim spends most of its time in Z3 calls on two threads; SIGINT is sent
 * at three moments of its 4-agent level, each to a fresh process.
 */
class InterruptTest {
  @TempDir Path dir;

  @Test
  void ctrlCStopsTheSearchAndKeepsTheSizesVerified() throws Exception {
    for (long afterMillis : new long[] {300, 1300, 2600}) {
      Path evidence = Files.createDirectories(dir.resolve("run-" + afterMillis));
      long sent = interruptAtFourAgents(evidence, afterMillis, "--mechanism", "csm", "--property", "IC", "--class", "cs-general");
      ProofRecord r = ProofRecord.read(evidence.resolve("proofs/csm_ic_general.json"));
      assertEquals(3, r.maxAgents());
      assertEquals("mechcheck search --mechanism csm --property IC --class cs-general --max-agents 3", r.command());
      System.err.printf("SIGINT %d ms into the 4-agent level: ended %.2f s later%n", afterMillis, (System.nanoTime() - sent) / 1e9);
    }
  }

  /**
   * The same for a search of protocol deviations (001's computation family, whose 4-agent level
   * takes a minute here): SIGINT a second into that level keeps the three sizes verified.
   */
  @Test
  void ctrlCKeepsTheSizesAProtocolDeviationSearchVerified() throws Exception {
    Path evidence = Files.createDirectories(dir.resolve("deviations"));
    interruptAtFourAgents(evidence, 1000, "--mechanism", "sra", "--property", "IC", "--deviations", "computation", "--class", "social");
    ProofRecord r = ProofRecord.read(evidence.resolve("proofs/sra_ic-computation_social.json"));
    assertEquals(3, r.maxAgents());
    assertEquals("computation", r.deviations());
    assertEquals("mechcheck search --mechanism sra --property IC --class social --deviations computation --max-agents 3", r.command());
  }

  /**
   * Starts {@code search SEARCH --max-agents 5 --save} in a fresh process, sends it SIGINT
   * {@code afterMillis} into its 4-agent level, and checks that it ended within 10 s as a process
   * ended by SIGINT, saying it kept a record up to 3 agents; returns when SIGINT was sent.
   */
  private static long interruptAtFourAgents(Path evidence, long afterMillis, String... search) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "search"));
    cmd.addAll(List.of(search));
    cmd.addAll(List.of("--max-agents", "5", "--save", "--evidence", evidence.toString()));
    Path err = evidence.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    pb.environment().put("MECHCHECK_HOME", Path.of("").toAbsolutePath().toString());
    Process p = pb.start();
    try {
      // wait until the 3-agent level is verified and the 4-agent one has begun
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(err).contains("with 4 agents")) {
        assertTrue(p.isAlive(), "the search ended before its 4-agent level: " + Files.readString(err));
        assertTrue(System.nanoTime() < until, "no 4-agent level within 120 s: " + Files.readString(err));
        Thread.sleep(50);
      }
      Thread.sleep(afterMillis);
      Assumptions.assumeTrue(catchesSigint(p.pid()), "the JVM does not catch SIGINT here (it was ignored when the test started): Ctrl-C cannot be tested");
      long sent = System.nanoTime();
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      boolean ended = p.waitFor(10, TimeUnit.SECONDS);
      String log = Files.readString(err, StandardCharsets.UTF_8);
      assertTrue(ended, "still running 10 s after SIGINT (" + afterMillis + " ms into the 4-agent level):\n" + log);
      assertEquals(130, p.exitValue(), "the exit status of a process ended by SIGINT (128 + 2), " + afterMillis + " ms in:\n" + log);
      assertTrue(log.contains("interrupted; kept a proof record up to 3 agents"), log);
      return sent;
    } finally {
      p.destroyForcibly();
    }
  }

  /** Whether the process has a handler for SIGINT (Linux: bit 1 of SigCgt in /proc/PID/status); true where that cannot be read. */
  static boolean catchesSigint(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) return true;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigCgt:")) return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
    }
    return true;
  }
}

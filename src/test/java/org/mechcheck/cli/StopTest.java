package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.PartialRecord;
import org.mechcheck.store.ProofRecord;

/**
 * A search stopped from outside keeps every size it finished: a real SIGTERM to a search process
 * (its shutdown hook saves the sizes verified as a proof record), and a SIGKILL to a shard (its
 * partial record is rewritten after every size, so there is nothing to save at the end).
 */
@DisabledOnOs(OS.WINDOWS)
class StopTest {
  @TempDir Path dir;

  /** Starts mechcheck as its own process; returns it once a line of its stderr contains {@code until}. */
  private Path log;

  /** Starts mechcheck as its own process, its stderr into a file; returns it once a line there contains {@code until}. */
  private Process startUntil(String until, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    log = dir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
    pb.environment().put("MECHCHECK_HOME", Path.of("").toAbsolutePath().toString());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!stderr().contains(until)) {
      assertTrue(p.isAlive(), "the search ended before '" + until + "': " + stderr());
      assertTrue(System.nanoTime() < deadline, "no '" + until + "' in 300 s: " + stderr());
      Thread.sleep(200);
    }
    return p;
  }

  private String stderr() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void sigtermKeepsTheSizesAlreadyVerified() throws Exception {
    Path evidence = dir.resolve("evidence");
    Process p = startUntil("with 5 agents", "search", "--mechanism", "idm", "--property", "IC", "--class", "social", "--others", "truthful", "--max-agents", "6", "--save",
        "--evidence", evidence.toString());
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the search stops on SIGTERM");
    ProofRecord r = ProofRecord.read(evidence.resolve("proofs/idm_ic_social.json"));
    assertEquals(4, r.maxAgents(), "sizes 1 to 4 were verified before the signal");
    assertEquals(List.of(1L, 3L, 11L, 58L), r.levels().stream().map(ProofRecord.Level::networks).toList(), "their networks (EnumeratorTest's counts)");
    assertTrue(stderr().contains("interrupted; kept a proof record up to 4 agents"), stderr());
  }

  @Test
  void aKilledShardKeepsEverySizeItFinished() throws Exception {
    Path part = dir.resolve("part.json");
    Process p = startUntil("with 5 agents", "search", "--mechanism", "idm", "--property", "IC", "--class", "social", "--others", "truthful", "--max-agents", "6",
        "--shard", "1/2", "--partial-out", part.toString());
    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    PartialRecord r = PartialRecord.read(part);
    assertEquals(4, r.levels().size(), "sizes 1 to 4 finished before the kill");
    assertTrue(r.levels().stream().allMatch(PartialRecord.Level::complete), r.levels().toString());
    assertTrue(Files.exists(part));
  }
}

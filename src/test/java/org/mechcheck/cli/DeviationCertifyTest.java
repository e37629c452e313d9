package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.ProofRecord;

/**
 * A record of a search of protocol deviations is certified like any other: {@code certify} re-runs
 * its search with SMTInterpol re-deciding every UNSAT answer and stamps it with both solvers, and
 * {@code search --deviations ... --certify} writes a certified record straight away.
 */
class DeviationCertifyTest {
  @TempDir Path dir;

  private static final String[] SEARCH = {"search", "--mechanism", "sra", "--property", "IC", "--deviations", "computation", "--class", "social",
      "--max-agents", "3"};

  private static String[] with(String... more) {
    String[] a = java.util.Arrays.copyOf(SEARCH, SEARCH.length + more.length);
    System.arraycopy(more, 0, a, SEARCH.length, more.length);
    return a;
  }

  @Test
  void certifyStampsADeviationRecord() throws Exception {
    CliTest.Result r = CliTest.run(with("--evidence", dir.toString(), "--save"));
    assertEquals(0, r.status(), r.toString());
    Path record = dir.resolve("proofs/sra_ic-computation_social.json");
    ProofRecord plain = ProofRecord.read(record);
    assertFalse(plain.certified(), "Z3 alone");
    CliTest.Result cert = CliTest.run("certify", record.toString());
    assertEquals(0, cert.status(), cert.toString());
    assertTrue(cert.out().contains("certified: " + plain.queries() + " UNSAT answers"), cert.out());
    ProofRecord stamped = ProofRecord.read(record);
    assertTrue(stamped.certified(), stamped.toString());
    assertEquals(plain.queries(), stamped.solvers().get(1).unsat(), "every query re-decided");
    assertEquals(plain.maxAgents(), stamped.maxAgents());
    assertEquals("computation", stamped.deviations());
    assertTrue(stamped.command().contains("--deviations computation") && stamped.command().endsWith("--certify --max-agents 3"), stamped.command());
  }

  @Test
  void aCertifiedDeviationSearchSavesACertifiedRecord() throws Exception {
    CliTest.Result r = CliTest.run(with("--certify", "--evidence", dir.toString(), "--save"));
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("UNSAT answers re-decided by SMTInterpol"), r.out());
    ProofRecord rec = ProofRecord.read(dir.resolve("proofs/sra_ic-computation_social.json"));
    assertTrue(rec.certified(), rec.toString());
    assertTrue(rec.qualifiers().contains(ProofRecord.CERTIFIED), rec.qualifiers().toString());
  }
}

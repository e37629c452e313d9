package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.network.Market;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ProofRecord;

/**
 * Values range unbounded unless a box is asked for (issue 14, item 1): a posted price of 300
 * accepted from bids of at least 250 is not IR for a value in [250, 300), which no box of [0, 100]
 * reaches. With default options the search refutes it; with --box 100 it verifies, and the
 * record and the claims table say that the values were restricted.
 */
class UnboundedSearchTest {
  @TempDir Path dir;

  private Path file() throws Exception {
    Path f = dir.resolve("PostedPrice.java");
    Files.copy(Path.of("src/test/resources/trust/PostedPrice.java"), f);
    return f;
  }

  @Test
  void thePostedPriceIsRefutedForIrWithDefaultOptions() throws Exception {
    Path f = file();
    CliTest.Result r = CliTest.run("search", "--mechanism-file", f.toString(), "--property", "IR", "--class", "social", "--max-agents", "4",
        "--evidence", dir.toString(), "--save");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("REFUTED by a network with 1 agents"), r.out());
    Path saved;
    try (var s = Files.list(dir.resolve("counterexamples"))) {
      saved = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    Counterexample c = CounterexampleJson.parse(NetworkJson.readTree(saved), saved.toString(), "cx",
        org.mechcheck.workbench.Workbench.registry(null, java.util.List.of(f)));
    Market m = c.market();
    BigFraction value = m.agent(c.agent()).value();
    // the violation the definition predicts: she buys (value >= 250) and pays 300 > value
    assertTrue(value.compareTo(BigFraction.of(250)) >= 0 && value.compareTo(BigFraction.of(300)) < 0, "value " + value);
    assertEquals(0, c.truthful().compareTo(value.subtract(BigFraction.of(300))), "her utility is value - 300");
    assertTrue(c.foundBy().startsWith("mechcheck search") && !c.foundBy().contains("--box"), c.foundBy());
  }

  @Test
  void aBoxIsAnExplicitRestrictionTheRecordAndTheVerdictState() throws Exception {
    Path f = file();
    Path claims = dir.resolve("claims.json");
    Files.writeString(claims, """
        {"claims": [
          {"id": "posted-price/ir/social", "mechanism": "posted-price", "property": "IR", "class": "social", "domain": "social networks",
           "source": "issue 14", "statement": "nobody pays more than her value", "expected": "refuted"}
        ]}
        """);
    CliTest.Result r = CliTest.run("search", "--mechanism-file", f.toString(), "--property", "IR", "--class", "social", "--max-agents", "3",
        "--box", "100", "--claims", claims.toString(), "--save");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("values and costs in [0, 100] (--box)"), r.out());
    ProofRecord rec = ProofRecord.read(dir.resolve("proofs/posted-price_ir_social.json"));
    assertEquals("100", rec.box());
    assertTrue(rec.command().contains("--box 100"), rec.command());
    JsonNode o = NetworkJson.readTree(dir.resolve("proofs/posted-price_ir_social.json"));
    assertEquals("100", o.get("box").asText());
    CliTest.Result table = CliTest.run("claims", "--claims", claims.toString(), "--mechanism-file", f.toString());
    assertTrue(table.out().contains("verified (n<=3, values in [0, 100], not certified)"), table.out());

    // the second solver re-decides the record's queries and stamps it; the box stays stated
    Path record = dir.resolve("proofs/posted-price_ir_social.json");
    CliTest.Result cert = CliTest.run("certify", "--mechanism-file", f.toString(), record.toString());
    assertEquals(0, cert.status(), cert.toString());
    ProofRecord stamped = ProofRecord.read(record);
    assertTrue(stamped.certified() && stamped.solvers().get(1).solver().startsWith("SMTInterpol"), stamped.toString());
    assertEquals(rec.queries(), stamped.solvers().get(1).unsat(), "every query re-decided");
    assertTrue(stamped.command().contains("--box 100") && stamped.command().contains("--certify"), stamped.command());
    CliTest.Result again = CliTest.run("claims", "--claims", claims.toString(), "--mechanism-file", f.toString());
    assertTrue(again.out().contains("verified (n<=3, values in [0, 100], certified)"), again.out());
  }
}

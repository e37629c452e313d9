package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.store.ProofRecord;

/**
 * Every proof record in proofs/ is re-verified at its smallest sizes: the search is run again
 * up to a small bound and must still find every network verified, with the same network
 * counts per size as the record. The full bound is reproduced by the record's command.
 */
class ProofRecordsTest {
  /** Sizes re-checked in the test suite; the record's own command covers the rest. */
  static final int RECHECK = 3;

  @TestFactory
  Stream<DynamicTest> everyRecordStillHoldsAtItsSmallestSizes() throws IOException {
    Path dir = Path.of("proofs");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      ProofRecord r = ProofRecord.read(f);
      assertTrue(claims.stream().anyMatch(c -> c.id().equals(r.claim())), "the record's claim is registered: " + r.claim());
      assertTrue(r.command().contains("--max-agents " + r.maxAgents()), "the command reproduces the bound");
      assertEquals(r.units(), claims.stream().filter(c -> c.id().equals(r.claim())).findFirst().orElseThrow().units(), "the record's units are its claim's");
      if (r.units() != 1) assertTrue(r.command().contains("--units " + r.units()), "the command reproduces the units");
      int bound = Math.min(RECHECK, r.maxAgents());
      String family = org.mechcheck.store.NetworkJson.readTree(f).path("deviations").asText("");
      if (!family.isEmpty()) { // 001's protocol deviations: re-run org.mechcheck.sra.DeviationSearch
        org.mechcheck.sra.DeviationSearch.Result d = org.mechcheck.sra.DeviationSearch.run(family, NetworkClass.parse(r.networkClass()).orElseThrow(), bound,
            r.bounded() ? org.mechcheck.num.Rationals.parse(r.box()) : null, 60_000, 0, x -> {});
        assertEquals(null, d.finding(), r.claim() + " now has a counterexample");
        assertEquals(bound, d.bound(), r.claim() + ": every network up to " + bound + " agents decided and verified");
        for (int k = 0; k < bound; k++) assertEquals(r.levels().get(k).networks(), d.levels().get(k).networks(), "networks with " + (k + 1) + " agents");
        return;
      }
      Search.Result again = new Search(Mechanisms.byName(r.mechanism()).orElseThrow(), Property.parse(r.property()).orElseThrow(),
          Benchmark.parse(r.benchmark()).orElseThrow(), NetworkClass.parse(r.networkClass()).orElseThrow(),
          r.bounded() ? org.mechcheck.num.Rationals.parse(r.box()) : null, 60_000, 1, r.units())
          .others(org.mechcheck.store.ProofRecord.DSIC.equals(r.quantifier()) ? org.mechcheck.property.Others.ALL : org.mechcheck.property.Others.TRUTHFUL)
          .run(bound, 0, Search.SILENT); // Z3 alone: the second solver's agreement is the record's, renewed by certify
      assertFalse(again.refuted(), () -> r.claim() + " now has a counterexample: " + again.violation().detail());
      assertEquals(bound, again.bound(), r.claim() + ": every network up to " + bound + " agents decided and verified");
      for (int k = 0; k < bound; k++) {
        assertEquals(r.levels().get(k).networks(), again.levels().get(k).networks(), "networks with " + (k + 1) + " agents");
      }
    }));
  }

}

package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.property.Others;

/**
 * {@link org.mechcheck.smt.Tuning#shared}: a deviation already in its batch is neither defined nor
 * asked again, and a batch that defines and asks what an UNSAT batch of the same network did is not
 * asked. On IC claims where such repeats occur (withholding from a neighbour whom someone else
 * informs often leaves the run as it was), the search with it on and off finds the same, and with
 * it on asks one query fewer for each batch it skipped (one query per batch either way); with it
 * off nothing is skipped.
 */
class SharedDeviationsTest {
  @Test
  void repeatedDeviationsAreAskedOnceAndNothingElseChanges() throws Exception {
    List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    record Case(String claim, Others others, int agents) {}
    for (Case k : List.of(new Case("idm/ic/social", Others.TRUTHFUL, 4), new Case("idm/ic/social", Others.ALL, 3), new Case("idm-tc/ic/general", Others.ALL, 3), new Case("sra-central/ic/social", Others.TRUTHFUL, 4),
        new Case("csm/ic/general", Others.TRUTHFUL, 4))) {
      Claim c = claims.stream().filter(x -> x.id().equals(k.claim())).findFirst().orElseThrow();
      Search.Result[] r = new Search.Result[2];
      String[] tunings = {"", "-shared"};
      for (int t = 0; t < 2; t++) {
        r[t] = EngineEquivalenceTest.with(tunings[t], () -> new Search(Mechanisms.byName(c.mechanism()).orElseThrow(), c.property(), c.benchmark(), c.networkClass(),
            null, 60_000, 1, c.units()).others(k.others()).run(k.agents(), 0, Search.SILENT));
      }
      String what = k.claim() + " (" + k.others().label() + ", n<=" + k.agents() + ")";
      assertEquals(r[1].refuted(), r[0].refuted(), what + ": the same verdict");
      assertEquals(r[1].bound(), r[0].bound(), what + ": the same bound");
      assertEquals(r[1].refuted() ? r[1].unshrunk().name() : "none", r[0].refuted() ? r[0].unshrunk().name() : "none", what + ": the same first violating network");
      assertEquals(r[1].networks(), r[0].networks(), what + ": the same networks");
      assertEquals(r[1].queries(), r[0].queries() + r[0].stats().repeatedBatches, what + ": one query fewer for each batch skipped");
      assertEquals(0, r[1].stats().repeated + r[1].stats().repeatedBatches, what + ": nothing skipped with shared off");
      assertTrue(r[0].stats().repeated > 0, what + ": repeated deviations skipped with shared on");
      if (k.others() == Others.ALL) assertTrue(r[0].stats().repeatedBatches > 0, what + ": repeated batches skipped with shared on");
    }
  }
}

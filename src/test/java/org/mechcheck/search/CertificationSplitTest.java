package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.property.Others;

/**
 * Certification with the query split into its disjuncts ({@code split}) and as one printout gives
 * a certified search the same verdict and certifies every one of its UNSAT answers, with no
 * disagreement: under DSIC, unbounded, where the split route is what the evidence runs.
 */
class CertificationSplitTest {
  /** Claims and the sizes searched: IDM's and IDM-TC's IC, the DSIC searches split certification was made for. */
  static final List<String> CLAIMS = List.of("idm/ic/social:3", "idm-tc/ic/tree:4");

  @TestFactory
  Stream<DynamicTest> splitCertifiesWhatThePrintoutCertifies() throws Exception {
    List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    return CLAIMS.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
      String id = s.substring(0, s.indexOf(':'));
      int n = Integer.parseInt(s.substring(s.indexOf(':') + 1));
      Claim c = claims.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      List<Object> split = EngineEquivalenceTest.with("", () -> certified(c, n)), printout = EngineEquivalenceTest.with("-split", () -> certified(c, n));
      assertEquals(printout, split, id + ": verdict, bound, queries, certified, disagreements, printout then split");
      assertEquals(List.of("verified", n), split.subList(0, 2), id);
      assertEquals(split.get(2), split.get(3), id + ": every UNSAT answer certified");
      assertEquals(0L, split.get(4), id + ": no disagreement");
    }));
  }

  private static List<Object> certified(Claim c, int n) {
    Search.Result r = new Search(Mechanisms.byName(c.mechanism()).orElseThrow(), c.property(), c.benchmark(), c.networkClass(), null, 60_000, 1, c.units())
        .others(Others.ALL).certify(true).run(n, 0, Search.SILENT);
    return List.of(r.refuted() ? "refuted" : "verified", r.bound(), r.queries(), r.stats().certified, r.stats().disagreements);
  }
}

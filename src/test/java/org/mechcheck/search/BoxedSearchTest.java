package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Market;
import org.mechcheck.property.Others;

/**
 * With {@link org.mechcheck.smt.Tuning#unboxed} the mechanism is explored without the box, which
 * the queries alone then hold: a boxed search still finds its counterexample inside the box. The
 * box here is 1/1000, far below the values Z3's models pick when nothing bounds them.
 */
class BoxedSearchTest {
  @Test
  void aBoxedCounterexampleLiesInTheBox() throws Exception {
    BigFraction box = BigFraction.of(1, 1000);
    java.util.List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    for (String id : new String[] {"sra-central/ic/social", "sra-central/rev/social"}) {
      Claim c = claims.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      for (String tuning : new String[] {"", "-unboxed"}) {
        Search.Result r = EngineEquivalenceTest.with(tuning, () -> new Search(Mechanisms.byName(c.mechanism()).orElseThrow(), c.property(), c.benchmark(),
            c.networkClass(), box, 60_000, 1, c.units()).others(Others.TRUTHFUL).run(Math.max(4, c.units()), 0, Search.SILENT));
        assertTrue(r.refuted(), id + " [" + tuning + "]: refuted with values in the box");
        Market m = r.unshrunk();
        for (int v = 1; v < m.size(); v++) {
          BigFraction value = m.agent(v).value(), cost = m.agent(v).cost();
          assertTrue(value.compareTo(box) <= 0 && value.signum() >= 0 && cost.compareTo(box) <= 0 && cost.signum() >= 0,
              id + " [" + tuning + "]: agent " + m.id(v) + "'s value " + value + " and cost " + cost + " lie in [0, 1/1000]");
        }
      }
    }
  }
}

package org.mechcheck.field.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.gen.Networks;
import org.mechcheck.gen.Networks.Net;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Violation;
import org.mechcheck.property.Others;
import org.mechcheck.search.Search;

/**
 * What NSP's definition (a second-price auction among the seller's neighbours) implies, checked
 * concretely on random social networks by the {@link Checker}: IR, IC (bids and informing sets;
 * informing changes nothing, since only the seller's neighbours take part) and no deficit. These
 * follow from the definition, not from claims read in the paper (spec/nsp.md). And a small Z3
 * search, to show the plugin runs on the symbolic engine.
 */
class NspProperties {
  private static final Exact A = Exact.INSTANCE;
  private final Nsp nsp = new Nsp();

  @Provide
  Arbitrary<Net> social() {
    return Networks.socialNetworks();
  }

  @Property(tries = 150)
  void irIcAndNoDeficitOnSocialNetworks(@ForAll("social") Net net) {
    Market m = net.market();
    assertEquals(Optional.empty(), nsp.refusal(m));
    List<Violation> found = new Checker(nsp).check(m, Set.of(org.mechcheck.property.Property.IR,
        org.mechcheck.property.Property.IC, org.mechcheck.property.Property.BB));
    assertTrue(found.isEmpty(), () -> "nsp on " + net + ": " + found);
  }

  /** NSP's revenue is the Vickrey revenue among the seller's neighbours, the REV benchmark itself. */
  @Property(tries = 150)
  void revenueIsTheVickreyBenchmark(@ForAll("social") Net net) {
    Profile<BigFraction> p = Profile.truthful(net.market(), A);
    assertEquals(Vickrey.revenue(p, A), nsp.run(p, A).revenue(A));
  }

  @Test
  void refusesIntermediariesAndSeveralUnits() {
    Market cs = Networks.customerSharing().sample().market();
    boolean hasIntermediary = false;
    for (int v = 1; v < cs.size(); v++) hasIntermediary |= cs.isIntermediary(v);
    if (hasIntermediary) assertTrue(nsp.refusal(cs).isPresent());
    Market social = Networks.socialNetworks().sample().market();
    assertTrue(nsp.refusal(social.withUnits(2)).isPresent());
  }

  @Test
  void icVerifiedOnEverySocialNetworkWithZ3() {
    // dominant-strategy IC (the others' reports range too) to 3 agents; against truthful others to 4
    for (Others others : Others.values()) {
      int n = others == Others.ALL ? 3 : 4;
      Search.Result r = new Search(nsp, org.mechcheck.property.Property.IC, Benchmark.VICKREY, NetworkClass.SOCIAL, null, 30_000, 1).others(others)
          .run(n, 120, Search.SILENT);
      assertFalse(r.refuted(), () -> "nsp IC (" + others + ") refuted: " + r.violation());
      assertEquals(n, r.bound(), "every network up to " + n + " agents decided (" + others + ")");
    }
  }
}

package org.mechcheck.multiunit;

import org.mechcheck.mechanism.Contract;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.gen.BruteForce;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Vcg;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;

/** VCG for k units against a brute-force computation of its definition, and against single-unit VCG at k = 1. */
class VcgKTest {
  private static final Exact A = Exact.INSTANCE;

  /** The k highest bids among {@code among} (node order breaks ties), each computed here by sorting. */
  private static List<Integer> topK(Market m, BitSet among, int k) {
    List<Integer> xs = new ArrayList<>(among.stream().boxed().toList());
    xs.sort(Comparator.comparing((Integer v) -> m.agent(v).value()).reversed().thenComparing(v -> v));
    return xs.subList(0, Math.min(k, xs.size()));
  }

  private static BigFraction sum(Market m, List<Integer> xs) {
    BigFraction s = BigFraction.ZERO;
    for (int v : xs) s = s.add(m.agent(v).value());
    return s;
  }

  @Test
  void winnersAndClarkePivotsOnEverySocialNetworkUpToFiveAgents() {
    Random rnd = new Random(42);
    for (int k = 1; k <= 3; k++) {
      for (int n = 1; n <= 5; n++) {
        for (Market structure : Enumerator.networks(NetworkClass.SOCIAL, n)) {
          Market m = GidmTest.withRandomValues(structure, rnd).withUnits(k);
          Outcome<BigFraction> o = Contract.run(new VcgK(), Profile.truthful(m, A));
          BitSet informed = BruteForce.informed(m);
          List<Integer> win = topK(m, informed, k);
          BigFraction best = sum(m, win);
          for (int i = 1; i < m.size(); i++) {
            String where = "k = " + k + " on " + GidmTest.describe(m) + ": " + m.id(i);
            assertEquals(win.contains(i) ? BigFraction.ONE : BigFraction.ZERO, o.allocation(i), where + " allocation");
            BigFraction want = BigFraction.ZERO;
            if (informed.get(i)) {
              BitSet rest = (BitSet) informed.clone();
              rest.andNot(BruteForce.dominated(m, i));
              BigFraction others = win.contains(i) ? best.subtract(m.agent(i).value()) : best;
              want = sum(m, topK(m, rest, k)).subtract(others);
            }
            assertEquals(want, o.payment(i), where + " payment");
          }
        }
      }
    }
  }

  @Test
  void withOneUnitItIsVcg() {
    Random rnd = new Random(7);
    for (int n = 1; n <= 5; n++) {
      for (Market structure : Enumerator.networks(NetworkClass.SOCIAL, n)) {
        Market m = GidmTest.withRandomValues(structure, rnd);
        Profile<BigFraction> p = rnd.nextBoolean() ? Profile.truthful(m, A) : GidmTest.randomDeviation(m, rnd);
        GidmTest.assertSameOutcome(Contract.run(new Vcg(), p), Contract.run(new VcgK(), p), "vcg vs vcg-k on " + GidmTest.describe(m));
      }
    }
  }
}

package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.gen.BruteForce;
import org.mechcheck.gen.Networks;
import org.mechcheck.gen.Networks.Net;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;

/**
 * The revenue identities KeY proves of the kernels (Telescoping.revenue, Reimbursement.total),
 * checked on the mechanisms' outcomes against an independent oracle: whatever the kernels'
 * callers pass them, the seller's revenue is what 000 §3 and 002 say it is.
 */
class RevenueIdentityProperties {
  private static final Exact A = Exact.INSTANCE;

  @Provide
  Arbitrary<Net> social() {
    return Networks.socialNetworks();
  }

  @Provide
  Arbitrary<Net> cs() {
    return Networks.customerSharing();
  }

  @Provide
  Arbitrary<Net> csTrees() {
    return Networks.customerSharingTrees();
  }

  /** 002: IDM's revenue is p_1, the best bid among the informed outside d_1's dominated set (0 if none). */
  @Property(tries = 200)
  void idmRevenueIsTheFirstCriticalPrice(@ForAll("social") Net net) {
    Market m = net.market();
    BitSet informed = BruteForce.informed(m);
    if (informed.isEmpty()) return;
    int top = -1;
    for (int v = informed.nextSetBit(0); v >= 0; v = informed.nextSetBit(v + 1)) {
      if (top < 0 || m.agent(v).value().compareTo(m.agent(top).value()) > 0) top = v;
    }
    int d1 = BruteForce.criticalSequence(m, top).get(0);
    BitSet rest = (BitSet) informed.clone();
    rest.andNot(BruteForce.dominated(m, d1));
    BigFraction p1 = BigFraction.ZERO;
    for (int v = rest.nextSetBit(0); v >= 0; v = rest.nextSetBit(v + 1)) if (m.agent(v).value().compareTo(p1) > 0) p1 = m.agent(v).value();
    assertEquals(p1, new Idm().run(Profile.truthful(m, A), A).revenue(A), () -> "idm on " + net);
  }

  /** 000 §3 (Proposition 1's proof): on trees IDM-TC's revenue is W*_{-d_1}, for d_1 the efficient winner's first critical agent. */
  @Property(tries = 200)
  void idmTcRevenueIsTheWelfareWithoutTheFirstCriticalAgent(@ForAll("csTrees") Net net) {
    Market m = net.market();
    Outcome<BigFraction> o = new IdmTc().run(Profile.truthful(m, A), A);
    if (!o.sold()) return;
    List<Integer> critical = BruteForce.criticalSequence(m, o.winners()[0]);
    BigFraction expected = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, BruteForce.dominated(m, critical.get(0))));
    assertEquals(expected, o.revenue(A), () -> "idm-tc on " + net);
  }

  /**
   * 000, Theorem 2's proof (CustomerSharingPayment.revenue, proven by KeY under bounded
   * preconditions): CSM's revenue is the chain intermediaries' W*_{-d_i} - W*_{-r*_i} plus W*_{-m}.
   */
  @Property(tries = 200)
  void csmRevenueIsTheoremTwosSum(@ForAll("cs") Net net) {
    Market m = net.market();
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    Outcome<BigFraction> o = csm.run(truthful, A);
    if (!o.sold()) return;
    int winner = o.winners()[0];
    int[] chain = o.chains().get(0);
    BigFraction expected = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, winner));
    for (int k = 1; k < chain.length - 1; k++) {
      int i = chain[k];
      BigFraction withoutSubtree = BruteForce.optimalWelfare(m, BruteForce.arcsWithout(m, BruteForce.dominated(m, i)));
      BitSet threshold = csm.threshold(truthful, A, i, winner, chain);
      BigFraction withoutThreshold = BruteForce.optimalWelfare(m, BruteForce.arcsWithholding(m, i, threshold));
      expected = expected.add(withoutSubtree).subtract(withoutThreshold);
    }
    assertEquals(expected, o.revenue(A), () -> "csm on " + net);
  }
}

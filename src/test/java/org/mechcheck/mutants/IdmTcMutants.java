package org.mechcheck.mutants;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mechcheck.kernel.Reimbursement;
import org.mechcheck.kernel.Telescoping;
import org.mechcheck.mechanism.IdmTc;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

/** Variants of IDM-TC (000 §3, as in mechanism/IdmTc.java), each one change away from it. */
final class IdmTcMutants {
  private IdmTcMutants() {}

  enum Slip {
    /** The intermediaries on the chain are not reimbursed their costs. */
    NO_REIMBURSEMENT,
    /** A critical agent's price leaves out only herself, not everyone who hears of the sale through her (W*_{-d} for W*_{-d_d}). */
    WITHOUT_HERSELF_ONLY,
    /** Harmless: the reimbursements added after the critical payments instead of before. */
    REIMBURSE_LAST
  }

  static final class Variant extends Mutant<Slip> {

    Variant(Slip slip, String name) {
      super(new IdmTc(), name, slip);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Market market = profile.market();
      Welfare<N> w = new Welfare<>(profile, arith);
      int m = w.winner();
      if (m < 0) return Outcome.noSale(market, arith);
      int[] chain = w.lowestCostChain(m);
      List<Integer> critical = profile.graph().criticalSequence(m);
      int last = chain.length - 1;
      List<N> cost = Arrays.stream(chain).mapToObj(profile::cost).toList();
      List<N> rest = critical.stream().map(d -> slip == Slip.WITHOUT_HERSELF_ONLY ? w.bestWithout(d) : w.best(profile.graph().dominated(d))).toList();
      N[] pay = (N[]) new Object[market.size()];
      Arrays.fill(pay, arith.zero());
      if (slip != Slip.REIMBURSE_LAST) reimburse(arith, chain, cost, pay);
      for (int t = 0; t < critical.size(); t++) {
        int at = t, keeps = critical.size() - 1;
        pay[critical.get(t)] = arith.add(pay[critical.get(t)], Linear.apply(arith, x -> Telescoping.payment(x, keeps, at), rest));
      }
      if (slip == Slip.REIMBURSE_LAST) reimburse(arith, chain, cost, pay);
      return Outcome.sale(market, chain, pay, Map.of());
    }

    private <N> void reimburse(Arith<N> arith, int[] chain, List<N> cost, N[] pay) {
      if (slip == Slip.NO_REIMBURSEMENT) return;
      int last = chain.length - 1;
      for (int p = 1; p <= last; p++) {
        int at = p;
        pay[chain[p]] = arith.add(pay[chain[p]], Linear.apply(arith, x -> Reimbursement.payment(x, last, at), cost));
      }
    }
  }
}

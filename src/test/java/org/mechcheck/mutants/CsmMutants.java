package org.mechcheck.mutants;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.mechcheck.kernel.CustomerSharingPayment;
import org.mechcheck.mechanism.Csm;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

/** Variants of CSM (000 §4, as in mechanism/Csm.java, the construction-procedure reading), each one change away from it. */
final class CsmMutants {
  private CsmMutants() {}

  enum Slip {
    /** A buyer pays W* - W*_{-i} + v_i: the sign of the welfare difference flipped. */
    BUYER_SIGN,
    /** The threshold procedure stops only when withholding makes the welfare drop, not when the winner changes at equal welfare: a tie slip. */
    THRESHOLD_TIE,
    /** An intermediary's payment leaves out her value on the chain (-c_i): she is not reimbursed her cost. */
    NO_COST_TERM,
    /** Harmless: the threshold neighbourhoods of the intermediaries off the chain computed by the procedure too (it returns r'_i for them). */
    THRESHOLD_FOR_ALL
  }

  static final class Variant extends Mutant<Slip> {
    private final Csm csm = new Csm();

    Variant(Slip slip, String name) {
      super(new Csm(), name, slip);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Market market = profile.market();
      Welfare<N> w = new Welfare<>(profile, arith);
      int m = w.winner();
      if (m < 0) return Outcome.noSale(market, arith);
      int[] chain = w.lowestCostChain(m);
      N best = w.best();
      N[] pay = (N[]) new Object[market.size()];
      for (int i = 1; i < market.size(); i++) {
        if (!profile.graph().informed(i)) {
          pay[i] = arith.zero();
        } else if (market.isBidder(i)) {
          pay[i] = slip == Slip.BUYER_SIGN ? payment(arith, best, w.bestWithout(i), w.valueOnChain(i, chain))
              : payment(arith, w.bestWithout(i), best, w.valueOnChain(i, chain));
        } else {
          BitSet threshold = threshold(profile, arith, i, m, chain, best);
          BitSet kept = profile.informs(i);
          kept.andNot(threshold);
          N withoutThreshold = new Welfare<>(profile.withInforms(i, kept), arith).best();
          N withoutSubtree = w.best(profile.graph().dominated(i));
          pay[i] = payment(arith, withoutSubtree, withoutThreshold, slip == Slip.NO_COST_TERM ? arith.zero() : w.valueOnChain(i, chain));
        }
      }
      return Outcome.sale(market, chain, pay, Map.of());
    }

    private <N> BitSet threshold(Profile<N> profile, Arith<N> arith, int i, int m, int[] chain, N best) {
      if (slip == Slip.THRESHOLD_TIE && contains(chain, i)) return byWelfare(profile, arith, i, m, chain, best);
      if (slip == Slip.THRESHOLD_FOR_ALL && !contains(chain, i)) return profile.informs(i);
      return csm.threshold(profile, arith, i, m, chain);
    }

    /** The construction procedure with the winner's change tested by a strict drop in welfare. */
    private static <N> BitSet byWelfare(Profile<N> profile, Arith<N> arith, int i, int m, int[] chain, N best) {
      BitSet informs = profile.informs(i);
      BitSet withheld = new BitSet();
      int[] current = chain;
      while (true) {
        withheld.set(successor(current, i));
        BitSet kept = (BitSet) informs.clone();
        kept.andNot(withheld);
        Profile<N> p = profile.withInforms(i, kept);
        Welfare<N> w = new Welfare<>(p, arith);
        if (arith.lt(w.best(), best) || !p.graph().informed(m)) return withheld;
        current = w.lowestCostChain(m);
        if (!contains(current, i)) return informs;
      }
    }

    private static <N> N payment(Arith<N> arith, N without, N withoutThreshold, N onChain) {
      return Linear.apply(arith, x -> CustomerSharingPayment.payment(x[0], x[1], x[2]), List.of(without, withoutThreshold, onChain));
    }

    private static boolean contains(int[] chain, int v) {
      for (int x : chain) if (x == v) return true;
      return false;
    }

    private static int successor(int[] chain, int v) {
      for (int k = 0; k + 1 < chain.length; k++) if (chain[k] == v) return chain[k + 1];
      throw new IllegalStateException("node " + v + " has no successor on the chain");
    }
  }
}

package org.mechcheck.mutants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.mechcheck.kernel.Telescoping;
import org.mechcheck.mechanism.Idm;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.network.ReportGraph;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

/** Variants of IDM (002's restatement, as in mechanism/Idm.java), each one change away from it. */
final class IdmMutants {
  private IdmMutants() {}

  /** Which of IDM's steps a variant changes. */
  enum Slip {
    /** d_t keeps the item when her bid reaches p_t (her own price) instead of p_{t+1}: an index off by one. */
    OWN_PRICE,
    /** d_t keeps the item only when her bid exceeds p_{t+1}: a tie slip (lt for le). */
    STRICT_KEEP,
    /** The prices are computed from the seller's neighbours' side one step late: p_t is the price of d_{t+1}. */
    SHIFTED_PRICES,
    /** Harmless: the prices computed from the winner back to the seller, then reversed. */
    PRICES_BACKWARDS
  }

  static final class Variant extends Mutant<Slip> {

    Variant(Slip slip, String name) {
      super(new Idm(), name, slip);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Market market = profile.market();
      ReportGraph g = profile.graph();
      BitSet informed = g.informed();
      if (informed.isEmpty()) return Outcome.noSale(market, arith);
      List<Integer> bidders = informed.stream().boxed().toList();
      int top = bidders.get(arith.argmax(bidders.stream().map(profile::bid).toList()));
      List<Integer> critical = g.criticalSequence(top);
      int k = critical.size();
      List<N> price = new ArrayList<>();
      if (slip == Slip.PRICES_BACKWARDS) {
        for (int t = k - 1; t >= 0; t--) price.add(price(profile, arith, critical.get(t)));
        java.util.Collections.reverse(price);
      } else {
        for (int t = 0; t < k; t++) price.add(price(profile, arith, critical.get(slip == Slip.SHIFTED_PRICES ? Math.min(t + 1, k - 1) : t)));
      }
      int stop = 0;
      while (stop < k - 1 && keepsNot(arith, profile.bid(critical.get(stop)), price, stop)) stop++;
      N[] pay = (N[]) new Object[market.size()];
      Arrays.fill(pay, arith.zero());
      for (int t = 0; t < k; t++) {
        int at = t, keeps = stop;
        pay[critical.get(t)] = Linear.apply(arith, x -> Telescoping.payment(x, keeps, at), price);
      }
      return Outcome.award(market, critical.get(stop), pay, Map.of());
    }

    private <N> boolean keepsNot(Arith<N> arith, N bid, List<N> price, int t) {
      return switch (slip) {
        case OWN_PRICE -> arith.lt(bid, price.get(t));
        case STRICT_KEEP -> arith.le(bid, price.get(t + 1));
        default -> arith.lt(bid, price.get(t + 1));
      };
    }

    /** p_d as IDM has it: the highest bid outside d's dominated set. */
    private static <N> N price(Profile<N> profile, Arith<N> arith, int d) {
      BitSet rest = profile.graph().informed();
      rest.andNot(profile.graph().dominated(d));
      return arith.maxOr(arith.zero(), rest.stream().mapToObj(profile::bid).toList());
    }
  }
}

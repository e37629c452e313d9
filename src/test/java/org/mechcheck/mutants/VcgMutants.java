package org.mechcheck.mutants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.mechanism.Vcg;
import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** Variants of VCG and of the Vickrey auction (mechanism/Vcg.java, mechanism/Vickrey.java). */
final class VcgMutants {
  private VcgMutants() {}

  enum Slip {
    /** The Clarke pivot computed with the agent included: W* for W*_{-i}. */
    PIVOT_WITH_AGENT,
    /** Harmless: (W*_{-i} + v_i) - W* for W*_{-i} - (W* - v_i). */
    REGROUPED
  }

  static final class Variant extends Mutant<Slip> {
    Variant(Slip slip, String name) {
      super(new Vcg(), name, slip);
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
        } else if (slip == Slip.PIVOT_WITH_AGENT) {
          pay[i] = arith.sub(best, arith.sub(best, w.valueOnChain(i, chain)));
        } else {
          pay[i] = arith.sub(arith.add(w.bestWithout(i), w.valueOnChain(i, chain)), best);
        }
      }
      return Outcome.sale(market, chain, pay, Map.of());
    }
  }

  /** Where a variant of the Vickrey auction takes the winner's price from. */
  enum Price {
    /** The highest bid, her own: the second price read off the wrong end. */
    FIRST_PRICE,
    /** Harmless: the highest bid among the other bidders (the same number as the second highest). */
    BEST_OF_THE_OTHERS
  }

  static final class Auction extends Mutant<Price> {
    Auction(Price price, String name) {
      super(new Vickrey(), name, price);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
      Market market = profile.market();
      List<Integer> bidders = new ArrayList<>();
      for (int v : market.neighbours(0)) if (market.isBidder(v)) bidders.add(v);
      if (bidders.isEmpty()) return Outcome.noSale(market, arith);
      List<N> bids = new ArrayList<>();
      for (int v : bidders) bids.add(profile.bid(v));
      int w = arith.argmax(bids);
      List<N> others = new ArrayList<>(bids);
      others.remove(w);
      N[] pay = (N[]) new Object[market.size()];
      Arrays.fill(pay, arith.zero());
      pay[bidders.get(w)] = slip == Price.FIRST_PRICE ? bids.get(w) : arith.maxOr(arith.zero(), others);
      return Outcome.sale(market, new int[] {0, bidders.get(w)}, pay, Map.of());
    }
  }
}

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

  static final class Variant extends Mutant {
    private final Slip slip;

    Variant(Slip slip, String name) {
      super(new Vcg(), name);
      this.slip = slip;
    }

    @Override
    String change() {
      return slip.name().toLowerCase().replace('_', ' ');
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

  /** The Vickrey auction charging the winner the highest bid, her own: the second price read off the wrong end. */
  static final class FirstPrice extends Mutant {
    FirstPrice() {
      super(new Vickrey(), "vickrey-first-price");
    }

    @Override
    String change() {
      return "the winner pays the highest bid instead of the second highest";
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
      N[] pay = (N[]) new Object[market.size()];
      Arrays.fill(pay, arith.zero());
      pay[bidders.get(w)] = bids.get(w);
      return Outcome.sale(market, new int[] {0, bidders.get(w)}, pay, Map.of());
    }
  }

  /** Harmless: the Vickrey price as the highest bid among the bidders other than the winner. */
  static final class SecondPriceByExclusion extends Mutant {
    SecondPriceByExclusion() {
      super(new Vickrey(), "vickrey-by-exclusion");
    }

    @Override
    String change() {
      return "the price as the best bid of the others (same number as the second highest)";
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
      pay[bidders.get(w)] = arith.maxOr(arith.zero(), others);
      return Outcome.sale(market, new int[] {0, bidders.get(w)}, pay, Map.of());
    }
  }
}

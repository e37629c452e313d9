package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * The Vickrey auction among the seller's neighbours: the benchmark of 000 (§3, Theorem 2) and
 * 001 (Proposition 5.4). Nobody beyond the seller's neighbours takes part, so no diffusion.
 * The highest bidder wins (lowest node on ties) and pays the second-highest bid (0 if alone).
 */
public final class Vickrey implements Mechanism {

  @Override
  public String name() {
    return "vickrey";
  }

  @Override
  public String description() {
    return "second-price auction among the seller's bidder neighbours";
  }

  @Override
  public String source() {
    return "000 §3 and Theorem 2 (benchmark b2_rs); 001 Proposition 5.4";
  }

  @Override
  public String domain() {
    return "any single-unit market; only the seller's bidder neighbours take part";
  }

  @Override
  public Optional<String> refusal(Market market) {
    return market.units() == 1 ? Optional.empty() : Optional.of("vickrey sells one unit; the network has units = " + market.units());
  }

  /*@ also
    @ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.market().adjacent(0, v) ==> arith.eq(\result.payment(v), arith.zero()));
    @ ensures \result.sold() ==> profile.market().adjacent(0, \result.winners()[0]);
    @*/
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
    pay[bidders.get(w)] = Prices.vickrey(arith, bids);
    return Outcome.sale(market, new int[] {0, bidders.get(w)}, pay, Map.of());
  }

  /** The Vickrey revenue b2_rs of a profile: the benchmark of the REV property. */
  public static <N> N revenue(Profile<N> profile, Arith<N> arith) {
    return new Vickrey().run(profile, arith).revenue(arith);
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.ONE_WINNER,
        new Contract("(\\forall int v; 0 < v && v < profile.market().size(); !profile.market().adjacent(0, v) ==> arith.eq(\\result.payment(v), arith.zero()))",
            (profile, arith, result) -> java.util.stream.IntStream.range(1, profile.market().size()).allMatch(v -> profile.market().adjacent(0, v) || arith.eq(result.payment(v), arith.zero()))),
        new Contract("\\result.sold() ==> profile.market().adjacent(0, \\result.winners()[0])",
            (profile, arith, result) -> !result.sold() || profile.market().adjacent(0, result.winners()[0])));
  }
}

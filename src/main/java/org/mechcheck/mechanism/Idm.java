package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.network.ReportGraph;
import org.mechcheck.kernel.Telescoping;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

/**
 * The information diffusion mechanism (Li et al. 2017), as restated in 002:
 * <ol>
 *   <li>find the highest bidder i* among the informed agents;
 *   <li>take her diffusion critical sequence d_1, ..., d_k = i*;
 *   <li>p_t is the highest bid among the informed agents outside d_{d_t} (what the item would
 *       fetch if d_t, and everyone who hears of the sale only through her, stayed away);
 *   <li>the item starts with d_1; d_t keeps it and pays p_t if her bid reaches p_{t+1} (or she
 *       is i*), otherwise she passes it on to d_{t+1} and pays p_t - p_{t+1};
 *   <li>everyone else pays 0.
 * </ol>
 * The payments along the sequence are {@link Telescoping}'s, whose contracts KeY proves: the
 * seller's revenue telescopes to p_1.
 */
public final class Idm implements Mechanism {

  @Override
  public String name() {
    return "idm";
  }

  @Override
  public String description() {
    return "information diffusion mechanism: the item moves down the highest bidder's critical sequence";
  }

  @Override
  public String source() {
    return "002 (IDM restated), 001 §5 (discussion); Li et al. AAAI-17";
  }

  @Override
  public String domain() {
    return "single unit; every agent a bidder (no intermediary costs)";
  }

  @Override
  public Optional<String> refusal(Market market) {
    return SingleUnitSocial.refusal(name(), market);
  }

  // the last clause: the seller's revenue telescopes to p_1, the best bid without d_1's subtree
  /*@ also
    @ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()));
    @ ensures \result.sold() ==> profile.graph().informed(\result.winners()[0]);
    @ ensures \result.sold() ==> arith.eq(\result.revenue(arith), price(profile, arith, profile.graph().criticalSequence(topBidder(profile, arith)).get(0)));
    @*/
  @Override
  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Market market = profile.market();
    ReportGraph g = profile.graph();
    BitSet informed = g.informed();
    if (informed.isEmpty()) return Outcome.noSale(market, arith);
    int top = topBidder(profile, arith);

    List<Integer> critical = g.criticalSequence(top);
    int k = critical.size();
    List<N> price = new ArrayList<>();
    for (int d : critical) price.add(price(profile, arith, d));

    int stop = 0;
    while (stop < k - 1 && arith.lt(profile.bid(critical.get(stop)), price.get(stop + 1))) stop++;
    N[] pay = (N[]) new Object[market.size()];
    Arrays.fill(pay, arith.zero());
    for (int t = 0; t < k; t++) {
      int at = t, keeps = stop;
      pay[critical.get(t)] = Linear.apply(arith, x -> Telescoping.payment(x, keeps, at), price);
    }
    int winner = critical.get(stop);
    // the item moves along critical agents, who need not be neighbours: IDM has no trading chain
    return Outcome.award(market, winner, pay, Map.of());
  }

  /** The highest informed bidder (the lowest node among equal bids); the profile informs someone. */
  static /*@ pure @*/ <N> int topBidder(Profile<N> profile, Arith<N> arith) {
    List<Integer> bidders = profile.graph().informed().stream().boxed().toList();
    List<N> bids = bidders.stream().map(profile::bid).toList();
    return bidders.get(arith.argmax(bids));
  }

  /** p_d: the highest bid among the informed agents outside d's dominated set (0 if none). */
  static /*@ pure @*/ <N> N price(Profile<N> profile, Arith<N> arith, int d) {
    BitSet rest = profile.graph().informed();
    rest.andNot(profile.graph().dominated(d));
    return arith.maxOr(arith.zero(), rest.stream().mapToObj(profile::bid).toList());
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.ONE_WINNER,
        Contract.UNINFORMED_PAY_NOTHING,
        new Contract("\\result.sold() ==> profile.graph().informed(\\result.winners()[0])",
            (profile, arith, result) -> !result.sold() || profile.graph().informed(result.winners()[0])),
        new Contract("\\result.sold() ==> arith.eq(\\result.revenue(arith), price(profile, arith, profile.graph().criticalSequence(topBidder(profile, arith)).get(0)))",
            (profile, arith, result) -> !result.sold() || arith.eq(result.revenue(arith), price(profile, arith, profile.graph().criticalSequence(topBidder(profile, arith)).get(0)))));
  }
}

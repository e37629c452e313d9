package org.mechcheck.multiunit;

import org.mechcheck.mechanism.Contract;
import org.mechcheck.mechanism.UnitDemand;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * VCG for k identical units, one per buyer, among the buyers who hear of the sale: the efficient
 * benchmark of 002.
 * <ol>
 *   <li>the k highest bids among the informed buyers win (all of them when fewer are informed);
 *   <li>every informed buyer i pays the welfare loss she causes the others,
 *       x_i = W*_{-d_i} - (W* - b_i π_i), where W* is the sum of the k highest informed bids,
 *       π_i = 1 iff i wins, and W*_{-d_i} the same sum when i takes no part, so that neither
 *       does anyone who hears of the sale only through her (d_i, spec/README.md);
 *   <li>everyone else pays 0.
 * </ol>
 */
public final class VcgK implements Mechanism {

  @Override
  public String name() {
    return "vcg-k";
  }

  @Override
  public String description() {
    return "VCG (Clarke pivot) for k units, one per buyer: the k highest informed bids win";
  }

  @Override
  public String source() {
    return "002 (the efficient benchmark GIDM is compared with)";
  }

  @Override
  public String domain() {
    return "k >= 1 units, one per buyer; every agent a bidder (no intermediary costs)";
  }

  @Override
  public boolean multiUnit() {
    return true;
  }

  @Override
  public Optional<String> refusal(Market market) {
    return UnitDemand.refusal(name(), market);
  }

  /*@ also
    @ ensures \result.winners().length <= profile.market().units();
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()) && \result.allocation(v).signum() == 0);
    @ ensures (\forall int i; 0 <= i && i < \result.winners().length; profile.graph().informed(\result.winners()[i]));
    @ ensures \result.winners().length == Math.min(profile.market().units(), profile.graph().informed().cardinality());
    @*/
  @Override
  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Market market = profile.market();
    int k = market.units();
    List<Integer> informed = UnitDemand.informed(profile);
    List<Integer> winners = UnitDemand.ranked(informed, k, profile, arith);
    N best = UnitDemand.welfare(profile, arith);
    N[] pay = (N[]) new Object[market.size()];
    Arrays.fill(pay, arith.zero());
    for (int i : informed) {
      BitSet without = new BitSet();
      without.set(i);
      N others = winners.contains(i) ? arith.sub(best, profile.bid(i)) : best;
      pay[i] = arith.sub(UnitDemand.welfare(profile, arith, without), others);
    }
    return Outcome.awardAll(market, winners, pay, Map.of());
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.AT_MOST_K_WINNERS,
        Contract.UNINFORMED_PAY_AND_WIN_NOTHING,
        Contract.WINNERS_INFORMED,
        new Contract("\\result.winners().length == Math.min(profile.market().units(), profile.graph().informed().cardinality())",
            (profile, arith, result) -> result.winners().length == Math.min(profile.market().units(), profile.graph().informed().cardinality())));
  }
}

package org.mechcheck.mechanism;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * IDM with transaction costs (000 §3). The efficient winner m gets the item along LCC_m. With
 * C_m = (1, ..., m) the diffusion critical sequence of m:
 * <pre>
 *   x_i = W*_{-d_i} - W*_{-d_{i+1}} - c_i    for i in C_m \ {m}
 *   x_i = -c_i                              for i in LCC_m \ C_m
 *   x_m = W*_{-m} + sum_{j in LCC_m \ {m}} c_j
 *   x_i = 0                                 otherwise
 * </pre>
 * so only the winner's critical agents can gain, the others on the chain are repaid their
 * cost, and the winner covers the chain's costs.
 */
public final class IdmTc implements Mechanism {

  @Override
  public String name() {
    return "idm-tc";
  }

  @Override
  public String description() {
    return "IDM with transaction costs: critical agents of the efficient winner are rewarded";
  }

  @Override
  public String source() {
    return "000 §3, Proposition 1";
  }

  @Override
  public String domain() {
    return CustomerSharing.DOMAIN;
  }

  @Override
  public Optional<String> refusal(Market market) {
    return CustomerSharing.refusal(name(), market);
  }

  /*@ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size();
    @            !profile.graph().informed(v) ==> \result.payment(v) == arith.zero());
    @ ensures \result.sold() ==> \result.chains().get(0)[0] == 0
    @            && profile.market().isBidder(\result.winners()[0]);
    @ // Proposition 1's proof: the payments telescope to W*_{-d_1}
    @ ensures \result.sold() ==> \result.revenue(arith) == W*_{-d_1};
    @*/
  @Override
  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Market market = profile.market();
    Welfare<N> w = new Welfare<>(profile, arith);
    int m = w.winner();
    if (m < 0) return Outcome.noSale(market, arith);
    int[] chain = w.lowestCostChain(m);
    List<Integer> critical = profile.graph().criticalSequence(m);

    N[] pay = (N[]) new Object[market.size()];
    Arrays.fill(pay, arith.zero());
    for (int k = 1; k < chain.length - 1; k++) pay[chain[k]] = arith.neg(profile.cost(chain[k]));
    for (int t = 0; t + 1 < critical.size(); t++) {
      int i = critical.get(t);
      N rest = w.best(profile.graph().dominated(i));
      N restAfter = w.best(profile.graph().dominated(critical.get(t + 1)));
      pay[i] = arith.sub(arith.sub(rest, restAfter), profile.cost(i));
    }
    pay[m] = arith.add(w.bestWithout(m), w.chainCost(chain));
    return Outcome.sale(market, chain, pay, Map.of());
  }
}

package org.mechcheck.mechanism;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * VCG with transaction costs (000 §3): the efficient allocation, and each agent pays the
 * welfare the others lose by her taking part, x_i = W*_{-i} - (W* - v_i). Taking part means
 * being in the market: without i, nobody who only hears of the sale through i takes part.
 */
public final class Vcg implements Mechanism {

  @Override
  public String name() {
    return "vcg";
  }

  @Override
  public String description() {
    return "VCG (Clarke pivot) with public transaction costs";
  }

  @Override
  public String source() {
    return "000 §3 (IR, IC and efficient; not weakly budget balanced)";
  }

  @Override
  public String domain() {
    return "any single-unit market (bidders, intermediaries with costs)";
  }

  @Override
  public Optional<String> refusal(Market market) {
    return market.units() == 1 ? Optional.empty() : Optional.of("vcg sells one unit; the network has units = " + market.units());
  }

  /*@ also
    @ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()));
    @ ensures \result.sold() ==> \result.chains().get(0)[0] == 0;
    @*/
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
      pay[i] = profile.graph().informed(i)
          ? arith.sub(w.bestWithout(i), arith.sub(best, w.valueOnChain(i, chain)))
          : arith.zero();
    }
    return Outcome.sale(market, chain, pay, Map.of());
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.ONE_WINNER,
        Contract.UNINFORMED_PAY_NOTHING,
        new Contract("\\result.sold() ==> \\result.chains().get(0)[0] == 0",
            (profile, arith, result) -> !result.sold() || result.chains().get(0)[0] == 0));
  }
}

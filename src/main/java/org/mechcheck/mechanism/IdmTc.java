package org.mechcheck.mechanism;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.kernel.Reimbursement;
import org.mechcheck.kernel.Telescoping;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

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
 * cost, and the winner covers the chain's costs. (W*_{-d_m} = W*_{-m}: a buyer informs nobody.)
 * That is {@link Telescoping} along C_m plus {@link Reimbursement} along LCC_m, whose contracts
 * KeY proves: the reimbursements cancel and the rest telescopes to W*_{-d_1}.
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

  // the last clause, Proposition 1's proof: the payments telescope to W*_{-d_1}, d_1 the winner's first critical agent
  /*@ also
    @ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()));
    @ ensures \result.sold() ==> \result.chains().get(0)[0] == 0 && profile.market().isBidder(\result.winners()[0]);
    @ ensures \result.sold() ==> arith.eq(\result.revenue(arith), new Welfare<N>(profile, arith).best(profile.graph().dominated(profile.graph().criticalSequence(\result.winners()[0]).get(0))));
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

    int last = chain.length - 1;
    List<N> cost = Arrays.stream(chain).mapToObj(profile::cost).toList();
    List<N> rest = critical.stream().map(d -> w.best(profile.graph().dominated(d))).toList();
    N[] pay = (N[]) new Object[market.size()];
    Arrays.fill(pay, arith.zero());
    for (int p = 1; p <= last; p++) {
      int at = p;
      pay[chain[p]] = Linear.apply(arith, x -> Reimbursement.payment(x, last, at), cost);
    }
    for (int t = 0; t < critical.size(); t++) {
      int at = t, keeps = critical.size() - 1;
      pay[critical.get(t)] = arith.add(pay[critical.get(t)], Linear.apply(arith, x -> Telescoping.payment(x, keeps, at), rest));
    }
    return Outcome.sale(market, chain, pay, Map.of());
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.ONE_WINNER,
        Contract.UNINFORMED_PAY_NOTHING,
        Contract.CHAIN_TO_A_BIDDER,
        new Contract("\\result.sold() ==> arith.eq(\\result.revenue(arith), new Welfare<N>(profile, arith).best(profile.graph().dominated(profile.graph().criticalSequence(\\result.winners()[0]).get(0))))",
            (profile, arith, result) -> !result.sold() || arith.eq(result.revenue(arith), new Welfare<>(profile, arith).best(profile.graph().dominated(profile.graph().criticalSequence(result.winners()[0]).get(0))))));
  }
}

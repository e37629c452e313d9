package org.mechcheck.property;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.UnitDemand;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * {@code k-vickrey}: the uniform-price k-unit Vickrey auction among the seller's bidder
 * neighbours, k units at the (k+1)-th highest bid (0 when there are fewer bidders), k the units
 * for sale.
 */
public record KVickreyBenchmark() implements Benchmark {
  @Override
  public String id() {
    return "k-vickrey";
  }

  @Override
  public String meaning() {
    return "k times the (k+1)-th highest bid among the seller's bidder neighbours (0 when fewer): the revenue of the k-unit Vickrey auction among them, k the units for sale";
  }

  @Override
  public <N> N value(Profile<N> p, Arith<N> a) {
    int k = p.market().units();
    List<N> bids = new ArrayList<>();
    for (int v : p.market().neighbours(0)) if (p.market().isBidder(v)) bids.add(p.bid(v));
    return a.mul(UnitDemand.kth(bids, k + 1, a), BigFraction.of(k));
  }

  @Override
  public String toString() {
    return id();
  }
}

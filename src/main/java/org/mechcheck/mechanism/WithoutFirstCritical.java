package org.mechcheck.mechanism;

import java.util.BitSet;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.property.Benchmark;

/**
 * {@code w-d1star}, the revenue benchmark of 000 Theorem 2: W*_{-d_1*}, the optimal welfare
 * without d_1*, the first agent on LCC_m whose threshold neighbourhood (by the construction
 * procedure) is not all she informs.
 */
public record WithoutFirstCritical() implements Benchmark {
  @Override
  public String id() {
    return "w-d1star";
  }

  @Override
  public String meaning() {
    return "W*_{-d_1*}: optimal welfare without d_1*, the first agent on LCC_m whose threshold neighbourhood is not all she informs (000 Theorem 2; threshold by the construction procedure)";
  }

  @Override
  public <N> N value(Profile<N> p, Arith<N> a) {
    Welfare<N> w = new Welfare<>(p, a);
    int m = w.winner();
    if (m < 0) return a.zero();
    int[] chain = w.lowestCostChain(m);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    for (int k = 1; k < chain.length - 1; k++) {
      int i = chain[k];
      BitSet r = csm.threshold(p, a, i, m, chain);
      if (!r.equals(p.informs(i))) return w.best(p.graph().dominated(i));
    }
    // no intermediary on the chain can change the winner: the sum in Theorem 2's proof is empty
    // and the revenue identity gives W*_{-m}
    return w.bestWithout(m);
  }

  @Override
  public String toString() {
    return id();
  }
}

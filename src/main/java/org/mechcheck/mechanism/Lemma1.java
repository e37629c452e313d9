package org.mechcheck.mechanism;

import com.microsoft.z3.BoolExpr;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Concrete;
import org.mechcheck.property.MarketProperty;
import org.mechcheck.property.Violation;
import org.mechcheck.smt.SymbolicMarket;

/**
 * LEMMA1, a property of CSM's own construction (000 §4, Lemma 1): with LCC_m = (l_1, ..., l_q = m),
 * if l_i withholds her threshold neighbourhood (by the construction procedure) and the winner
 * becomes m' != m, then LCC_{m'} contains none of l_{i+1}, ..., l_q. It depends on the market
 * only, not on the mechanism the claim names. Generic in the numbers, so Z3 can explore it.
 */
public record Lemma1() implements MarketProperty {
  /** A failure: who withheld, the new winner, and the later chain member her new chain passes. */
  public record Failure(int withholder, int newWinner, int passed) {}

  @Override
  public String name() {
    return "LEMMA1";
  }

  @Override
  public String meaning() {
    return "000 Lemma 1: when a chain intermediary withholds her threshold neighbourhood and the winner changes, the new lowest-cost chain avoids everyone after her on the old one";
  }

  /** The counterexample names the intermediary who withheld. */
  @Override
  public boolean mayNameAgent() {
    return true;
  }

  /** The first failure of the lemma on this profile, or null when it holds. */
  public static <N> Failure firstFailure(Profile<N> p, Arith<N> a) {
    Welfare<N> w = new Welfare<>(p, a);
    int m = w.winner();
    if (m < 0) return null;
    int[] chain = w.lowestCostChain(m);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    for (int k = 1; k < chain.length - 1; k++) {
      int li = chain[k];
      BitSet kept = p.informs(li);
      kept.andNot(csm.threshold(p, a, li, m, chain));
      Welfare<N> after = new Welfare<>(p.withInforms(li, kept), a);
      int m2 = after.winner();
      if (m2 < 0 || m2 == m) continue;
      int[] chain2 = after.lowestCostChain(m2);
      for (int j = k + 1; j < chain.length; j++) {
        for (int x : chain2) if (x == chain[j]) return new Failure(li, m2, chain[j]);
      }
    }
    return null;
  }

  @Override
  public List<Violation> check(Concrete c) {
    Failure f = firstFailure(c.truthful(), c.arith());
    if (f == null) return List.of();
    Market market = c.market();
    return List.of(new Violation(this, f.withholder(), null, BigFraction.ZERO, BigFraction.ZERO,
        "when " + market.id(f.withholder()) + " withholds her threshold neighbourhood the winner becomes " + market.id(f.newWinner())
            + " and its chain passes " + market.id(f.passed()) + ", who follows " + market.id(f.withholder()) + " on the old chain"));
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    BoolExpr failing = s.where(s.explore(() -> firstFailure(s.truthful(), s.arith())), f -> f != null);
    s.ask(failing, "Lemma 1 fails");
  }

  @Override
  public Replayed holds(Concrete c) {
    return new Replayed(false, BigFraction.ZERO, BigFraction.ZERO, "Lemma 1 holds");
  }

  @Override
  public Replayed replay(Concrete c, int agent, org.mechcheck.property.Deviation deviation) {
    Replayed r = MarketProperty.super.replay(c, agent, deviation);
    return r.violates() || agent < 0 ? r : new Replayed(false, r.truthful(), r.deviating(), "Lemma 1 holds for " + c.market().id(agent));
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return r.detail();
  }

  @Override
  public String toString() {
    return name();
  }
}

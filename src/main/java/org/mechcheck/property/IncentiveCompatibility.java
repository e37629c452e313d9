package org.mechcheck.property;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.RealSort;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/**
 * IC: no informed agent gains by misreporting her bid, informing fewer neighbours, or both, the
 * others reporting truthfully. The concrete check tries every informing set with every bid
 * ({@link BidSweep}); the Z3 query gives the deviating bid its own variable.
 */
public record IncentiveCompatibility() implements Property {
  @Override
  public String name() {
    return "IC";
  }

  @Override
  public String meaning() {
    return "incentive compatible: no agent gains by misreporting her bid, informing fewer neighbours, or both";
  }

  @Override
  public boolean agentLevel() {
    return true;
  }

  @Override
  public boolean requiresDeviation() {
    return true;
  }

  @Override
  public List<Violation> check(Concrete c) {
    Market market = c.market();
    List<Violation> found = new java.util.ArrayList<>();
    for (int v : c.informed()) {
      BigFraction truth = c.utility(c.outcome(), v);
      BitSet all = c.truthful().informs(v);
      Deviation bestDev = null;
      BigFraction bestU = truth;
      for (BitSet informs : Checker.subsets(all)) {
        Profile<BigFraction> p = c.truthful().withInforms(v, informs);
        BitSet reported = informs.equals(all) ? null : informs;
        BigFraction bid = null;
        BigFraction u;
        if (market.isBidder(v)) {
          BidSweep.Point best = BidSweep.best(c.mechanism(), p, v);
          u = best.utility();
          bid = best.bid().compareTo(market.agent(v).value()) == 0 ? null : best.bid();
        } else {
          u = c.utility(c.run(p), v);
        }
        if (u.compareTo(bestU) > 0) {
          bestU = u;
          bestDev = new Deviation(bid, reported);
        }
      }
      if (bestDev != null) {
        found.add(new Violation(this, v, bestDev, truth, bestU, market.id(v) + " gains " + Rationals.format(bestU.subtract(truth)) + " by deviating"));
      }
    }
    return found;
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    Market market = s.market();
    for (int i = 1; i < market.size() && !s.done(); i++) {
      if (!s.truthful().graph().informed(i)) continue;
      ArithExpr<RealSort> uTruth = s.utility(s.truth(), i);
      BitSet all = s.truthful().informs(i);
      for (BitSet informs : Checker.subsets(all)) {
        if (s.done()) break;
        boolean fewer = !informs.equals(all);
        if (!market.isBidder(i) && !fewer) continue;
        ArithExpr<RealSort> bid = market.isBidder(i) ? s.fresh("b_" + market.id(i) + "_" + informs) : null;
        ArithExpr<RealSort> uDev = s.utility(s.run(s.truthful().deviate(i, bid, fewer ? informs : null)), i);
        BoolExpr gains = s.ctx().mkGt(uDev, uTruth);
        s.ask(bid == null ? gains : s.ctx().mkAnd(s.ctx().mkGe(bid, s.arith().zero()), gains), market.id(i) + " gains informing " + informs);
      }
    }
  }

  @Override
  public Replayed replay(Concrete c, int v, Deviation d) {
    if (v <= 0) throw new IllegalArgumentException("IC counterexample without an agent");
    BigFraction t = c.utility(c.outcome(), v);
    BigFraction dv = t;
    if (d != null && !d.isTruthful()) dv = c.utility(c.run(c.truthful().deviate(v, d.bid(), d.informs())), v);
    boolean violates = d != null && dv.compareTo(t) > 0;
    String what = c.market().id(v) + ": truthful utility " + Rationals.format(t) + ", deviating " + Rationals.format(dv)
        + (violates ? " (gains " + Rationals.format(dv.subtract(t)) + ")" : " (no gain)");
    return new Replayed(violates, t, dv, what);
  }

  @Override
  public String toString() {
    return name();
  }
}

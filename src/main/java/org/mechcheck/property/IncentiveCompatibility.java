package org.mechcheck.property;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.RealSort;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/**
 * IC: no informed agent gains by misreporting her bid, informing fewer neighbours, or both,
 * whatever the others report ({@link Others#ALL}, dominant-strategy IC: every subset of her
 * neighbours each other agent informs; their bids are covered by ranging over all values), or
 * against the others' truthful reports ({@link Others#TRUTHFUL}). The concrete check tries every
 * informing set with every bid ({@link BidSweep}) under each profile of the others; the Z3 query
 * gives the deviating bid its own variable. A counterexample names the others' reports it needs
 * ({@link Deviation#others}).
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
    for (int v = 1; v < market.size(); v++) {
      // the first profile of the others (truthful first) under which she gains, with her best deviation there
      for (Map<Integer, BitSet> others : c.others().profiles(market, v)) {
        Profile<BigFraction> base = Deviation.othersReport(c.truthful(), others);
        if (!base.graph().informed(v)) continue;
        Violation gain = best(c, base, v, others);
        if (gain != null) {
          found.add(gain);
          break;
        }
      }
    }
    return found;
  }

  /** Agent v's most profitable deviation from {@code base} (every informing set, every bid), or null when none gains. */
  private Violation best(Concrete c, Profile<BigFraction> base, int v, Map<Integer, BitSet> others) {
    Market market = c.market();
    BigFraction truth = c.utility(c.run(base), v);
    BitSet all = base.informs(v);
    Deviation bestDev = null;
    BigFraction bestU = truth;
    for (BitSet informs : Checker.subsets(all)) {
      Profile<BigFraction> p = base.withInforms(v, informs);
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
        bestDev = new Deviation(bid, reported, others);
      }
    }
    if (bestDev == null) return null;
    return new Violation(this, v, bestDev, truth, bestU, market.id(v) + " gains " + Rationals.format(bestU.subtract(truth)) + " by deviating"
        + (others.isEmpty() ? "" : " when " + describe(market, others)));
  }

  /** The others' reports in words: "B informs {C}, D informs nobody". */
  public static String describe(Market market, Map<Integer, BitSet> others) {
    List<String> parts = new java.util.ArrayList<>();
    others.forEach((u, s) -> parts.add(market.id(u) + " informs " + (s.isEmpty() ? "nobody"
        : "{" + String.join(", ", s.stream().mapToObj(market::id).toList()) + "}")));
    return String.join(", ", parts);
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    Market market = s.market();
    for (int i = 1; i < market.size() && !s.done(); i++) {
      for (Map<Integer, BitSet> others : s.others().profiles(market, i)) {
        if (s.done()) break;
        Profile<ArithExpr<RealSort>> base = Deviation.othersReport(s.truthful(), others);
        if (!base.graph().informed(i)) continue;
        String when = others.isEmpty() ? "" : " when " + describe(market, others);
        SymbolicMarket.Batch gains = s.batch();
        ArithExpr<RealSort> uTruth = gains.define(others.isEmpty() ? s.truth() : s.truthful(base), s.utilityOf(i));
        BitSet all = base.informs(i);
        for (BitSet informs : Checker.subsets(all)) {
          if (s.done()) break;
          boolean fewer = !informs.equals(all);
          if (!market.isBidder(i) && !fewer) continue;
          ArithExpr<RealSort> bid = market.isBidder(i) ? gains.bid(market.id(i), informs) : null;
          ArithExpr<RealSort> uDev = gains.define(s.deviation(base, i, bid, fewer ? informs : null), s.utilityOf(i));
          BoolExpr gain = s.ctx().mkGt(uDev, uTruth);
          gains.add(bid == null ? gain : s.ctx().mkAnd(s.ctx().mkGe(bid, s.arith().zero()), gain), market.id(i) + " gains informing " + informs + when);
        }
        gains.end();
      }
    }
  }

  @Override
  public Replayed replay(Concrete c, int v, Deviation d) {
    if (v <= 0) throw new IllegalArgumentException("IC counterexample without an agent");
    Profile<BigFraction> base = d == null ? c.truthful() : Deviation.othersReport(c.truthful(), d.others());
    BigFraction t = c.utility(c.run(base), v);
    BigFraction dv = t;
    if (d != null && !d.isTruthful()) dv = c.utility(c.run(base.deviate(v, d.bid(), d.informs())), v);
    boolean violates = d != null && dv.compareTo(t) > 0;
    String what = c.market().id(v) + ": truthful utility " + Rationals.format(t) + ", deviating " + Rationals.format(dv)
        + (d == null || d.others().isEmpty() ? "" : " (when " + describe(c.market(), d.others()) + ")")
        + (violates ? " (gains " + Rationals.format(dv.subtract(t)) + ")" : " (no gain)");
    return new Replayed(violates, t, dv, what);
  }

  @Override
  public String toString() {
    return name();
  }
}

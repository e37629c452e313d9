package org.mechcheck.property;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.RealSort;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/**
 * IR: no informed agent's truthful utility is below 0. An intermediary is not forced to share
 * (000 Definition 6), so hers must not fall below 0 whomever she informs; bidders are judged at
 * their truthful report.
 */
public record IndividualRationality() implements Property {
  @Override
  public String name() {
    return "IR";
  }

  @Override
  public String meaning() {
    return "individually rational: no agent's truthful utility is below 0 (an intermediary's, whomever she informs)";
  }

  @Override
  public boolean agentLevel() {
    return true;
  }

  @Override
  public Optional<String> refusesDeviation(Deviation d) {
    return d.bid() != null ? Optional.of("an IR counterexample deviates only in whom the agent informs") : Optional.empty();
  }

  @Override
  public List<Violation> check(Concrete c) {
    Market market = c.market();
    List<Violation> found = new ArrayList<>();
    for (int v : c.informed()) {
      BigFraction truth = c.utility(c.outcome(), v);
      if (truth.signum() < 0) {
        found.add(new Violation(this, v, Deviation.TRUTHFUL, truth, truth, market.id(v) + "'s truthful utility " + Rationals.format(truth) + " < 0"));
      }
      if (market.isBidder(v)) continue;
      BitSet all = c.truthful().informs(v);
      Deviation worstDev = null;
      BigFraction worstU = BigFraction.ZERO;
      for (BitSet informs : Checker.subsets(all)) {
        if (informs.equals(all)) continue;
        BigFraction u = c.utility(c.run(c.truthful().withInforms(v, informs)), v);
        if (u.compareTo(worstU) < 0) {
          worstU = u;
          worstDev = new Deviation(null, informs);
        }
      }
      if (worstDev != null) {
        found.add(new Violation(this, v, worstDev, truth, worstU,
            market.id(v) + "'s utility is " + Rationals.format(worstU) + " < 0 when she informs fewer neighbours"));
      }
    }
    return found;
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    Market market = s.market();
    for (int i = 1; i < market.size() && !s.done(); i++) {
      if (!s.truthful().graph().informed(i)) continue;
      s.ask(s.ctx().mkLt(s.utility(s.truth(), i), s.arith().zero()), market.id(i) + " truthful utility < 0");
      if (market.isBidder(i)) continue;
      BitSet all = s.truthful().informs(i);
      for (BitSet informs : Checker.subsets(all)) {
        if (s.done()) break;
        if (informs.equals(all)) continue;
        ArithExpr<RealSort> uDev = s.utility(s.run(s.truthful().deviate(i, null, informs)), i);
        s.ask(s.ctx().mkLt(uDev, s.arith().zero()), market.id(i) + " below 0 informing " + informs);
      }
    }
  }

  @Override
  public Replayed replay(Concrete c, int v, Deviation d) {
    if (v <= 0) throw new IllegalArgumentException("IR counterexample without an agent");
    Market market = c.market();
    BigFraction t = c.utility(c.outcome(), v);
    BigFraction dv = t;
    if (d != null && !d.isTruthful()) dv = c.utility(c.run(c.truthful().deviate(v, d.bid(), d.informs())), v);
    boolean violates = t.signum() < 0 || dv.signum() < 0;
    String what = market.id(v) + ": truthful utility " + Rationals.format(t) + (d == null ? "" : ", deviating " + Rationals.format(dv))
        + (violates ? " (below 0)" : " (not below 0)");
    return new Replayed(violates, t, dv, what);
  }

  @Override
  public String toString() {
    return name();
  }
}

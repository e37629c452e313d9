package org.mechcheck.property;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.RealSort;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/** EFF: the welfare the outcome realises at the true types equals the optimal welfare W* ({@link Checker#optimalWelfare}). */
public record Efficiency() implements MarketProperty {
  @Override
  public String name() {
    return "EFF";
  }

  @Override
  public String meaning() {
    return "efficient: the realised welfare equals the optimal welfare W*";
  }

  @Override
  public List<Violation> check(Concrete c) {
    BigFraction realised = Checker.welfare(c.outcome());
    BigFraction best = Checker.optimalWelfare(c.truthful(), c.arith());
    if (realised.compareTo(best) >= 0) return List.of();
    return List.of(new Violation(this, -1, null, realised, best, "welfare " + Rationals.format(realised) + " < W* = " + Rationals.format(best)));
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    s.ask(s.ctx().mkLt(s.summary(s.truth(), o -> realised(s, o)), Checker.optimalWelfare(s.truthful(), s.arith())), "welfare < W*");
  }

  private static ArithExpr<RealSort> realised(SymbolicMarket s, Outcome<ArithExpr<RealSort>> o) {
    ArithExpr<RealSort> w = s.arith().zero();
    for (int v = 1; v < o.market().size(); v++) w = s.arith().add(w, o.valuation(v, s.value(v), s.cost(v), s.arith()));
    return w;
  }

  @Override
  public Replayed holds(Concrete c) {
    BigFraction realised = Checker.welfare(c.outcome()), best = Checker.optimalWelfare(c.truthful(), c.arith());
    return new Replayed(false, realised, best, "welfare " + Rationals.format(realised) + ", optimal " + Rationals.format(best));
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return "welfare " + Rationals.format(r.truthful()) + " vs optimal " + Rationals.format(r.deviating());
  }

  @Override
  public String toString() {
    return name();
  }
}

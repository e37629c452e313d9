package org.mechcheck.property;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/** BB, weak budget balance: the seller's revenue (the sum of all payments) is at least 0. */
public record BudgetBalance() implements MarketProperty {
  @Override
  public String name() {
    return "BB";
  }

  @Override
  public String meaning() {
    return "weakly budget balanced: revenue is at least 0";
  }

  @Override
  public List<Violation> check(Concrete c) {
    BigFraction rev = c.outcome().revenue(c.arith());
    if (rev.signum() >= 0) return List.of();
    return List.of(new Violation(this, -1, null, rev, BigFraction.ZERO, "revenue " + Rationals.format(rev) + " < 0"));
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    s.ask(s.ctx().mkLt(s.summary(s.truth(), o -> o.revenue(s.arith())), s.arith().zero()), "revenue < 0");
  }

  @Override
  public Replayed holds(Concrete c) {
    BigFraction rev = c.outcome().revenue(c.arith());
    return new Replayed(false, rev, BigFraction.ZERO, "revenue " + Rationals.format(rev));
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return "revenue " + Rationals.format(r.truthful()) + " vs 0";
  }

  @Override
  public String toString() {
    return name();
  }
}

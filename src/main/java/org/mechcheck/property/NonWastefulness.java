package org.mechcheck.property;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/** NW: all k units are allocated whenever at least k buyers are informed. */
public record NonWastefulness() implements MarketProperty {
  @Override
  public String name() {
    return "NW";
  }

  @Override
  public String meaning() {
    return "non-wasteful: all k units are allocated whenever at least k buyers are informed";
  }

  @Override
  public List<Violation> check(Concrete c) {
    int k = c.market().units();
    int buyers = Checker.informedBidders(c.truthful());
    BigFraction sold = c.outcome().unitsAllocated();
    if (buyers < k || sold.compareTo(BigFraction.of(k)) >= 0) return List.of();
    return List.of(new Violation(this, -1, null, sold, BigFraction.of(k),
        Rationals.format(sold) + " of " + k + " units allocated although " + buyers + " buyers are informed"));
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    // allocations are concrete on each path: the wasteful paths, when at least k buyers are informed
    BigFraction k = BigFraction.of(s.market().units());
    boolean enough = Checker.informedBidders(s.truthful()) >= s.market().units();
    s.ask(enough ? s.where(s.truth(), o -> o.unitsAllocated().compareTo(k) < 0) : s.ctx().mkFalse(), "fewer than " + k + " units allocated");
  }

  @Override
  public Replayed holds(Concrete c) {
    BigFraction sold = c.outcome().unitsAllocated(), k = BigFraction.of(c.market().units());
    return new Replayed(false, sold, k, Rationals.format(sold) + " of " + Rationals.format(k) + " units allocated");
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return Rationals.format(r.truthful()) + " of " + Rationals.format(r.deviating()) + " units allocated";
  }

  @Override
  public String toString() {
    return name();
  }
}

package org.mechcheck.property;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.RealSort;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.SymbolicMarket;

/** REV: the seller's revenue is at least the benchmark the claim names (the Vickrey revenue among her neighbours unless it names another). */
public record Revenue() implements MarketProperty {
  @Override
  public String name() {
    return "REV";
  }

  @Override
  public String meaning() {
    return "revenue at least a benchmark (the claim names it; default the Vickrey revenue among the seller's neighbours)";
  }

  @Override
  public boolean takesBenchmark() {
    return true;
  }

  @Override
  public List<Violation> check(Concrete c) {
    BigFraction rev = c.outcome().revenue(c.arith());
    BigFraction bench = c.benchmark().value(c.truthful(), c.arith());
    if (rev.compareTo(bench) >= 0) return List.of();
    return List.of(new Violation(this, -1, null, rev, bench,
        "revenue " + Rationals.format(rev) + " < " + c.benchmark().id() + " benchmark " + Rationals.format(bench)));
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    ArithExpr<RealSort> bench = s.summary(s.explore(() -> benchmark.value(s.truthful(), s.arith())), x -> x);
    s.ask(s.ctx().mkLt(s.summary(s.truth(), o -> o.revenue(s.arith())), bench), "revenue < " + benchmark.id());
  }

  @Override
  public Replayed holds(Concrete c) {
    BigFraction rev = c.outcome().revenue(c.arith()), bench = c.benchmark().value(c.truthful(), c.arith());
    return new Replayed(false, rev, bench, "revenue " + Rationals.format(rev) + ", " + c.benchmark().id() + " benchmark " + Rationals.format(bench));
  }

  @Override
  public String numbers(Replayed r, Benchmark benchmark) {
    return "revenue " + Rationals.format(r.truthful()) + " vs " + benchmark.id() + " benchmark " + Rationals.format(r.deviating());
  }

  @Override
  public String toString() {
    return name();
  }
}

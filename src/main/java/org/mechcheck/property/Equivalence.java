package org.mechcheck.property;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.RealSort;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;
import org.mechcheck.smt.PathExplorer;
import org.mechcheck.smt.SymbolicMarket;

/**
 * EQ: the mechanism's outcome equals a reference mechanism's (the claim names it as its
 * benchmark): every agent's allocation (probability) and payment are the same.
 */
public record Equivalence() implements MarketProperty {
  @Override
  public String name() {
    return "EQ";
  }

  @Override
  public String meaning() {
    return "equals a reference mechanism: every agent's allocation (probability) and payment are the same (the claim names the reference as its benchmark)";
  }

  @Override
  public boolean takesBenchmark() {
    return true;
  }

  private static Mechanism reference(Benchmark b) {
    return b.reference().orElseThrow(() -> new IllegalArgumentException("an EQ check needs a benchmark naming a reference mechanism, not " + b.id()));
  }

  @Override
  public List<Violation> check(Concrete c) {
    Mechanism ref = reference(c.benchmark());
    Outcome<BigFraction> outcome = c.outcome();
    Outcome<BigFraction> other = org.mechcheck.mechanism.Contract.run(ref, c.truthful());
    Market m = c.market();
    for (int v = 1; v < m.size(); v++) {
      boolean alloc = outcome.allocation(v).compareTo(other.allocation(v)) != 0;
      if (alloc || outcome.payment(v).compareTo(other.payment(v)) != 0) {
        BigFraction mine = alloc ? outcome.allocation(v) : outcome.payment(v), theirs = alloc ? other.allocation(v) : other.payment(v);
        String what = alloc ? "wins with probability " : "pays ";
        return List.of(new Violation(this, -1, null, mine, theirs, m.id(v) + " " + what + Rationals.format(mine) + " under " + c.mechanism().name()
            + " but " + Rationals.format(theirs) + " under " + ref.name()));
      }
    }
    return List.of();
  }

  @Override
  public void ask(SymbolicMarket s, Benchmark benchmark) {
    Mechanism ref = reference(benchmark);
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truth = s.truth();
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> other = s.explore(() -> ref.run(s.truthful(), s.arith()));
    List<BoolExpr> differ = new ArrayList<>();
    for (int v = 1; v < s.market().size(); v++) {
      final int agent = v;
      differ.add(s.ctx().mkNot(s.ctx().mkEq(s.summary(truth, o -> s.arith().of(o.allocation(agent))), s.summary(other, o -> s.arith().of(o.allocation(agent))))));
      differ.add(s.ctx().mkNot(s.ctx().mkEq(s.summary(truth, o -> o.payment(agent)), s.summary(other, o -> o.payment(agent)))));
    }
    s.ask(s.ctx().mkOr(differ.toArray(new BoolExpr[0])), "outcome differs from " + ref.name());
  }

  @Override
  public Replayed holds(Concrete c) {
    return new Replayed(false, BigFraction.ZERO, BigFraction.ZERO, "the outcome equals " + c.benchmark().id() + "'s");
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

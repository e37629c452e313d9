package org.mechcheck.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Lemma1;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/**
 * Decides a property on every assignment of values and costs to one network structure. Values
 * and costs are Z3 variables in the box [0, box] (every mechanism here is homogeneous of degree
 * one, so a violation at any scale has a copy inside the box); a deviating bid is a fresh
 * variable >= 0. The mechanism is explored once per report profile into if-then-else
 * summaries; each query asks for a model where the property fails. A model is turned back into
 * exact rationals and confirmed by the concrete {@link Checker} before it is reported; a timeout
 * or UNKNOWN is reported as unknown.
 */
public final class SymbolicChecker implements AutoCloseable {

  public enum Status3 {
    HOLDS,
    VIOLATED,
    UNKNOWN
  }

  /** The answer for one network: a confirmed witness market and its violation when VIOLATED. */
  public record Result(Status3 status, Market witness, Violation violation, String note) {}

  private final Context ctx;
  private final Solver solver;
  private final PathExplorer explorer;
  private final Z3Arith arith;
  private final Stats stats = new Stats();
  private final BigFraction box;

  public SymbolicChecker(BigFraction box, int timeoutMillis) {
    this.ctx = new Context();
    this.solver = ctx.mkSolver();
    Params params = ctx.mkParams();
    params.add("timeout", timeoutMillis);
    solver.setParameters(params);
    this.explorer = new PathExplorer(ctx, solver, stats);
    this.arith = new Z3Arith(explorer);
    this.box = box;
  }

  public Stats stats() {
    return stats;
  }

  public static String z3Version() {
    return com.microsoft.z3.Version.getFullVersion();
  }

  /** Whether {@code property} holds for {@code mechanism} on every valuation of the structure {@code market}. */
  public Result check(Mechanism mechanism, Market market, Property property, Benchmark benchmark) {
    int n = market.size();
    List<ArithExpr<RealSort>> vars = new ArrayList<>();
    @SuppressWarnings("unchecked")
    ArithExpr<RealSort>[] value = new ArithExpr[n];
    @SuppressWarnings("unchecked")
    ArithExpr<RealSort>[] cost = new ArithExpr[n];
    solver.push();
    try {
      for (int v = 1; v < n; v++) {
        value[v] = market.isBidder(v) ? var("v_" + market.id(v), vars) : arith.zero();
        cost[v] = market.isIntermediary(v) ? var("c_" + market.id(v), vars) : arith.zero();
      }
      ArithExpr<RealSort> upper = arith.of(box);
      for (ArithExpr<RealSort> x : vars) solver.add(ctx.mkGe(x, arith.zero()), ctx.mkLe(x, upper));
      Profile<ArithExpr<RealSort>> truthful = Profile.of(market, v -> cost[v], v -> value[v], arith);
      List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truth = explorer.explore(() -> mechanism.run(truthful, arith));
      Query q = new Query(market, vars);
      switch (property) {
        case BB -> q.ask(ctx.mkLt(summary(truth, o -> o.revenue(arith)), arith.zero()), "revenue < 0");
        case EFF -> q.ask(ctx.mkLt(summary(truth, o -> realised(o, value, cost)), Checker.optimalWelfare(truthful, arith)), "welfare < W*");
        case REV -> {
          ArithExpr<RealSort> bench = summary(explorer.explore(() -> benchmark.value(truthful, arith)), x -> x);
          q.ask(ctx.mkLt(summary(truth, o -> o.revenue(arith)), bench), "revenue < " + benchmark.id());
        }
        case IR, IC -> agents(mechanism, market, property, truthful, truth, value, cost, q);
        case NW -> {
          // allocations are concrete on each path: the wasteful paths, when at least k buyers are informed
          List<BoolExpr> wasteful = new ArrayList<>();
          BigFraction k = BigFraction.of(market.units());
          if (Checker.informedBidders(truthful) >= market.units()) {
            for (PathExplorer.Path<Outcome<ArithExpr<RealSort>>> path : truth) {
              if (path.result().unitsAllocated().compareTo(k) < 0) wasteful.add(path.condition());
            }
          }
          q.ask(wasteful.isEmpty() ? ctx.mkFalse() : ctx.mkOr(wasteful.toArray(new BoolExpr[0])), "fewer than " + k + " units allocated");
        }
        case EQ -> {
          Mechanism ref = benchmark.reference().orElseThrow(() -> new IllegalArgumentException("EQ needs a reference mechanism as benchmark"));
          List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> other = explorer.explore(() -> ref.run(truthful, arith));
          List<BoolExpr> differ = new ArrayList<>();
          for (int v = 1; v < n; v++) {
            final int agent = v;
            differ.add(ctx.mkNot(ctx.mkEq(summary(truth, o -> arith.of(o.allocation(agent))), summary(other, o -> arith.of(o.allocation(agent))))));
            differ.add(ctx.mkNot(ctx.mkEq(summary(truth, o -> o.payment(agent)), summary(other, o -> o.payment(agent)))));
          }
          q.ask(ctx.mkOr(differ.toArray(new BoolExpr[0])), "outcome differs from " + ref.name());
        }
        case LEMMA1 -> {
          List<BoolExpr> failing = new ArrayList<>();
          for (PathExplorer.Path<Lemma1.Failure> path : explorer.explore(() -> Lemma1.firstFailure(truthful, arith))) {
            if (path.result() != null) failing.add(path.condition());
          }
          q.ask(failing.isEmpty() ? ctx.mkFalse() : ctx.mkOr(failing.toArray(new BoolExpr[0])), "Lemma 1 fails");
        }
      }
      return q.result(mechanism, property, benchmark, value, cost);
    } finally {
      solver.pop();
    }
  }

  private void agents(Mechanism mechanism, Market market, Property property, Profile<ArithExpr<RealSort>> truthful,
      List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truth, ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost, Query q) {
    for (int i = 1; i < market.size() && !q.done(); i++) {
      if (!truthful.graph().informed(i)) continue;
      final int agent = i;
      ArithExpr<RealSort> uTruth = summary(truth, o -> o.utility(agent, value[agent], cost[agent], arith));
      if (property == Property.IR) q.ask(ctx.mkLt(uTruth, arith.zero()), market.id(i) + " truthful utility < 0");
      BitSet all = truthful.informs(i);
      for (BitSet informs : Checker.subsets(all)) {
        if (q.done()) break;
        boolean fewer = !informs.equals(all);
        if (property == Property.IR && (market.isBidder(i) || !fewer)) continue;
        if (!market.isBidder(i) && !fewer) continue;
        ArithExpr<RealSort> bid = market.isBidder(i) ? ctx.mkRealConst("b_" + market.id(i) + "_" + informs) : null;
        List<BoolExpr> extra = new ArrayList<>();
        if (bid != null) extra.add(ctx.mkGe(bid, arith.zero()));
        Profile<ArithExpr<RealSort>> dev = truthful.deviate(i, bid, fewer ? informs : null);
        ArithExpr<RealSort> uDev = summary(explorer.explore(() -> mechanism.run(dev, arith)), o -> o.utility(agent, value[agent], cost[agent], arith));
        BoolExpr bad = property == Property.IC ? ctx.mkGt(uDev, uTruth) : ctx.mkLt(uDev, arith.zero());
        extra.add(bad);
        q.ask(ctx.mkAnd(extra.toArray(new BoolExpr[0])), market.id(i) + (property == Property.IC ? " gains" : " below 0") + " informing " + informs);
      }
    }
  }

  private ArithExpr<RealSort> realised(Outcome<ArithExpr<RealSort>> o, ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost) {
    ArithExpr<RealSort> w = arith.zero();
    for (int v = 1; v < o.market().size(); v++) w = arith.add(w, o.valuation(v, value[v], cost[v], arith));
    return w;
  }

  /** ite(pc_1, t_1, ite(pc_2, t_2, ... t_k)): the paths partition the box, so the last needs no test. */
  @SuppressWarnings("unchecked")
  private <T> ArithExpr<RealSort> summary(List<PathExplorer.Path<T>> paths, Function<T, ArithExpr<RealSort>> term) {
    ArithExpr<RealSort> t = term.apply(paths.get(paths.size() - 1).result());
    for (int k = paths.size() - 2; k >= 0; k--) {
      t = (ArithExpr<RealSort>) ctx.mkITE(paths.get(k).condition(), term.apply(paths.get(k).result()), t);
    }
    return t;
  }

  private ArithExpr<RealSort> var(String name, List<ArithExpr<RealSort>> vars) {
    ArithExpr<RealSort> x = ctx.mkRealConst(name);
    vars.add(x);
    return x;
  }

  /** The queries of one network: stops at the first model, remembers whether any answer was UNKNOWN. */
  private final class Query {
    private final Market market;
    private Model model;
    private String unknown;
    private String what;

    Query(Market market, List<ArithExpr<RealSort>> vars) {
      this.market = market;
    }

    boolean done() {
      return model != null;
    }

    void ask(BoolExpr violation, String description) {
      if (model != null) return;
      long t = System.nanoTime();
      Status s = solver.check(violation);
      stats.solverNanos += System.nanoTime() - t;
      stats.queries++;
      if (s == Status.SATISFIABLE) {
        model = solver.getModel();
        what = description;
      } else if (s == Status.UNKNOWN && unknown == null) {
        unknown = description + ": " + solver.getReasonUnknown();
      }
    }

    Result result(Mechanism mechanism, Property property, Benchmark benchmark, ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost) {
      if (model == null) {
        return unknown == null ? new Result(Status3.HOLDS, null, null, "") : new Result(Status3.UNKNOWN, null, null, unknown);
      }
      int n = market.size();
      BigFraction[] values = new BigFraction[n], costs = new BigFraction[n];
      for (int v = 1; v < n; v++) {
        values[v] = exact(model.eval(value[v], true));
        costs[v] = exact(model.eval(cost[v], true));
      }
      Market witness = market.withTypes(market.name(), values, costs);
      List<Violation> confirmed = new Checker(mechanism, benchmark).check(witness, EnumSet.of(property));
      if (confirmed.isEmpty()) {
        return new Result(Status3.UNKNOWN, witness, null, "Z3 model for '" + what + "' did not replay exactly; not reported");
      }
      return new Result(Status3.VIOLATED, witness, confirmed.get(0), what);
    }
  }

  /** A Z3 numeral as an exact rational. */
  public static BigFraction exact(Expr<?> e) {
    if (e instanceof RatNum r) return BigFraction.of(r.getBigIntNumerator(), r.getBigIntDenominator());
    if (e instanceof IntNum i) return BigFraction.of(i.getBigInteger());
    throw new IllegalStateException("not a rational numeral: " + e);
  }

  @Override
  public void close() {
    ctx.close();
  }
}

package org.mechcheck.search;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Others;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.smt.PathExplorer;
import org.mechcheck.smt.SecondSolver;
import org.mechcheck.smt.Stats;
import org.mechcheck.smt.SymbolicMarket;
import org.mechcheck.smt.Z3Arith;

/**
 * Decides a property on every assignment of values and costs to one network structure. Values
 * and costs are Z3 variables at least 0 and unbounded (the arithmetic is linear, so no box is
 * needed), or in [0, box] when a box is given: an explicit restriction the proof record states,
 * since a mechanism with a constant in it (a reserve price, a fee) need not scale. The property's
 * own query ({@link Property#ask}) says what a violation is; an IC query ranges over the others'
 * reports as {@link Others} says. A model is turned back into exact rationals and confirmed by the
 * concrete {@link Checker} (same quantifier) before it is reported; a timeout or UNKNOWN is
 * reported as unknown. With a second solver every UNSAT answer is re-decided by it, and counts
 * only when it agrees.
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
  /** The queries' own solver (null: the exploring one answers them too), see {@link org.mechcheck.smt.Tuning#definitions}. */
  private final Solver queries;
  private final PathExplorer explorer;
  private final Z3Arith arith;
  private final Stats stats = new Stats();
  private final BigFraction box;
  private final Others others;
  private final SecondSolver second;

  /** Values in [0, box] (null: unbounded), IC against the others' truthful reports, Z3 alone. */
  public SymbolicChecker(BigFraction box, int timeoutMillis) {
    this(box, timeoutMillis, Others.TRUTHFUL, false);
  }

  /** Values in [0, box] (null: unbounded), IC over the others' reports {@code others} says; {@code certify}: a second solver re-decides every UNSAT. */
  public SymbolicChecker(BigFraction box, int timeoutMillis, Others others, boolean certify) {
    this.others = others;
    this.second = certify ? new SecondSolver(timeoutMillis) : null;
    this.ctx = new Context();
    this.solver = org.mechcheck.smt.Tuning.solver(ctx, timeoutMillis);
    this.queries = org.mechcheck.smt.Tuning.current().definitions() ? org.mechcheck.smt.Tuning.solver(ctx, timeoutMillis) : null;
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
  @SuppressWarnings("unchecked")
  public Result check(Mechanism mechanism, Market market, Property property, Benchmark benchmark) {
    int n = market.size();
    List<ArithExpr<RealSort>> vars = new ArrayList<>();
    ArithExpr<RealSort>[] value = new ArithExpr[n];
    ArithExpr<RealSort>[] cost = new ArithExpr[n];
    try {
      return decide(mechanism, market, property, benchmark, n, vars, value, cost);
    } catch (com.microsoft.z3.Z3Exception e) {
      // Z3 told to stop (the time limit) throws from wherever it was: that network is undecided, not a failure
      if (interrupted) throw new org.mechcheck.num.Cancelled();
      throw e;
    }
  }

  private Result decide(Mechanism mechanism, Market market, Property property, Benchmark benchmark, int n, List<ArithExpr<RealSort>> vars,
      ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost) {
    solver.push();
    if (queries != null) queries.push();
    try {
      for (int v = 1; v < n; v++) {
        value[v] = market.isBidder(v) ? var("v_" + market.id(v), vars) : arith.zero();
        cost[v] = market.isIntermediary(v) ? var("c_" + market.id(v), vars) : arith.zero();
      }
      // with unboxed, the box is the queries' alone: exploring without it covers every valuation the box holds and every bid
      boolean exploreUnbounded = box == null || queries != null && explorer.tuning().unboxed();
      for (Solver each : queries == null ? List.of(solver) : List.of(solver, queries)) {
        for (ArithExpr<RealSort> x : vars) each.add(ctx.mkGe(x, arith.zero()));
        if (box != null && (each == queries || !exploreUnbounded)) for (ArithExpr<RealSort> x : vars) each.add(ctx.mkLe(x, arith.of(box)));
      }
      SymbolicMarket s = new SymbolicMarket(ctx, solver, explorer, arith, stats, mechanism, market, value, cost, others, second, queries).unbounded(exploreUnbounded);
      property.ask(s, benchmark);
      return result(s, mechanism, property, benchmark, value, cost);
    } finally {
      solver.pop();
      if (queries != null) queries.pop();
    }
  }

  private Result result(SymbolicMarket s, Mechanism mechanism, Property property, Benchmark benchmark, ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost) {
    Model model = s.model();
    if (model == null) {
      return s.unknown() == null ? new Result(Status3.HOLDS, null, null, "") : new Result(Status3.UNKNOWN, null, null, s.unknown());
    }
    Market market = s.market();
    int n = market.size();
    BigFraction[] values = new BigFraction[n], costs = new BigFraction[n];
    for (int v = 1; v < n; v++) {
      values[v] = Z3Arith.exact(model.eval(value[v], true));
      costs[v] = Z3Arith.exact(model.eval(cost[v], true));
    }
    Market witness = market.withTypes(market.name(), values, costs);
    List<Violation> confirmed = new Checker(mechanism, benchmark, others).check(witness, Set.of(property));
    if (confirmed.isEmpty()) {
      return new Result(Status3.UNKNOWN, witness, null, "Z3 model for '" + s.what() + "' did not replay exactly; not reported");
    }
    return new Result(Status3.VIOLATED, witness, confirmed.get(0), s.what());
  }

  private ArithExpr<RealSort> var(String name, List<ArithExpr<RealSort>> vars) {
    ArithExpr<RealSort> x = ctx.mkRealConst(name);
    vars.add(x);
    return x;
  }

  private volatile boolean interrupted;

  /** Tells Z3 to stop the call it is in (another thread's): it then answers UNKNOWN, or throws, and the network is undecided. */
  public void interrupt() {
    interrupted = true;
    ctx.interrupt();
  }

  @Override
  public void close() {
    ctx.close();
  }
}

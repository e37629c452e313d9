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
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.smt.PathExplorer;
import org.mechcheck.smt.Stats;
import org.mechcheck.smt.SymbolicMarket;
import org.mechcheck.smt.Z3Arith;

/**
 * Decides a property on every assignment of values and costs to one network structure. Values
 * and costs are Z3 variables in the box [0, box] (every mechanism here is homogeneous of degree
 * one, so a violation at any scale has a copy inside the box); the property's own query
 * ({@link Property#ask}) says what a violation is. A model is turned back into exact rationals and
 * confirmed by the concrete {@link Checker} before it is reported; a timeout or UNKNOWN is
 * reported as unknown.
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
    this.solver = org.mechcheck.smt.Tuning.solver(ctx, timeoutMillis);
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
    solver.push();
    try {
      for (int v = 1; v < n; v++) {
        value[v] = market.isBidder(v) ? var("v_" + market.id(v), vars) : arith.zero();
        cost[v] = market.isIntermediary(v) ? var("c_" + market.id(v), vars) : arith.zero();
      }
      ArithExpr<RealSort> upper = arith.of(box);
      for (ArithExpr<RealSort> x : vars) solver.add(ctx.mkGe(x, arith.zero()), ctx.mkLe(x, upper));
      SymbolicMarket s = new SymbolicMarket(ctx, solver, explorer, arith, stats, mechanism, market, value, cost);
      property.ask(s, benchmark);
      return result(s, mechanism, property, benchmark, value, cost);
    } finally {
      solver.pop();
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
    List<Violation> confirmed = new Checker(mechanism, benchmark).check(witness, Set.of(property));
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

  /** Tells Z3 to stop the call it is in (another thread's): it then answers UNKNOWN. */
  public void interrupt() {
    ctx.interrupt();
  }

  @Override
  public void close() {
    ctx.close();
  }
}

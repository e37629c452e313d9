package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Symbolic execution by re-execution. The mechanism runs unchanged, in Java; every branch on a
 * symbolic comparison goes through {@link #decide}, which replays a recorded choice prefix or,
 * at a new branch point, asks the solver which sides are feasible under the path condition and
 * queues the other side. The explorer owns the path condition; mechanism code never sees it.
 */
public final class PathExplorer {
  private final Context ctx;
  private final Solver solver;
  private List<Boolean> script = new ArrayList<>();
  private int pos;
  private Model model;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final List<BoolExpr> pc = new ArrayList<>();
  private boolean exploring;
  private final Stats stats;

  /** A path still to run: its choices, and a model that takes it (null when the solver could not say). */
  private record Pending(List<Boolean> script, Model model) {}

  /** One path: the condition under which it is taken and what the body returned on it. */
  public record Path<T>(BoolExpr condition, T result) {}

  public PathExplorer(Context ctx, Solver solver, Stats stats) {
    this.ctx = ctx;
    this.solver = solver;
    this.stats = stats;
  }

  public Context context() {
    return ctx;
  }

  /**
   * Answers a branch condition on the current path (forks the exploration when both sides are
   * feasible). The path condition records {@code c} as the mechanism wrote it, even where Z3's
   * simplifier decides it alone: the summaries then say exactly where each path is taken whatever
   * the simplifier or a feasibility check got wrong ({@link SymbolicMarket#summary}).
   */
  public boolean decide(BoolExpr c) {
    org.mechcheck.num.Cancelled.check();
    Expr<?> simplified = c.simplify();
    if (simplified.isTrue() || simplified.isFalse()) {
      if (exploring) pc.add(simplified.isTrue() ? c : ctx.mkNot(c));
      return simplified.isTrue();
    }
    if (!exploring) throw new IllegalStateException("a symbolic branch outside an exploration");
    BoolExpr cond = (BoolExpr) simplified;
    boolean choice;
    if (pos < script.size()) {
      choice = script.get(pos);
    } else {
      // the current path's model already shows one side feasible: only the other needs a query
      Boolean modelSide = model == null ? null : evaluates(cond);
      if (modelSide == null) {
        boolean canTrue = feasible(cond) != Status.UNSATISFIABLE;
        Model trueModel = canTrue && lastStatus == Status.SATISFIABLE ? model() : null;
        boolean canFalse = feasible(ctx.mkNot(cond)) != Status.UNSATISFIABLE;
        if (canTrue && canFalse) {
          pending.push(new Pending(extended(false), lastStatus == Status.SATISFIABLE ? model() : null));
        }
        choice = canTrue || !canFalse;
        if (choice) model = trueModel;
      } else {
        choice = modelSide;
        Status other = feasible(choice ? ctx.mkNot(cond) : cond);
        if (other != Status.UNSATISFIABLE) {
          pending.push(new Pending(extended(!choice), other == Status.SATISFIABLE ? model() : null));
        }
      }
      script.add(choice);
    }
    pos++;
    solver.add(choice ? cond : ctx.mkNot(cond));
    pc.add(choice ? c : ctx.mkNot(c));
    return choice;
  }

  private Status lastStatus;

  /** Whether cond can hold on the current path; UNKNOWN counts as feasible (sound, possibly slower). */
  private Status feasible(BoolExpr cond) {
    long t = System.nanoTime();
    lastStatus = solver.check(cond);
    stats.solverNanos += System.nanoTime() - t;
    stats.feasibilityChecks++;
    return lastStatus;
  }

  /**
   * The conjunction of {@code cs}: true when empty, the one term when alone. SMT-LIB's {@code and}
   * and {@code or} take at least two arguments, and the second solver reads Z3's printout strictly.
   */
  public static BoolExpr and(Context ctx, List<BoolExpr> cs) {
    return cs.isEmpty() ? ctx.mkTrue() : cs.size() == 1 ? cs.get(0) : ctx.mkAnd(cs.toArray(new BoolExpr[0]));
  }

  /** The disjunction of {@code cs}: false when empty, the one term when alone (see {@link #and}). */
  public static BoolExpr or(Context ctx, List<BoolExpr> cs) {
    return cs.isEmpty() ? ctx.mkFalse() : cs.size() == 1 ? cs.get(0) : ctx.mkOr(cs.toArray(new BoolExpr[0]));
  }

  /**
   * The model of the last SAT answer, or null when Z3 has none to give (a call interrupted at the
   * time limit): a model only guides the next branch, so none costs a query, never soundness.
   */
  private Model model() {
    try {
      return solver.getModel();
    } catch (com.microsoft.z3.Z3Exception e) {
      return null;
    }
  }

  private Boolean evaluates(BoolExpr cond) {
    Expr<?> v = model.eval(cond, true);
    return v.isTrue() ? Boolean.TRUE : v.isFalse() ? Boolean.FALSE : null;
  }

  private List<Boolean> extended(boolean choice) {
    List<Boolean> other = new ArrayList<>(script);
    other.add(choice);
    return other;
  }

  /** Runs {@code body} once per feasible path and returns every path with its condition. */
  public <T> List<Path<T>> explore(Supplier<T> body) {
    List<Path<T>> paths = new ArrayList<>();
    pending.clear();
    Status root = feasible(ctx.mkTrue());
    pending.push(new Pending(new ArrayList<>(), root == Status.SATISFIABLE ? model() : null));
    exploring = true;
    try {
      while (!pending.isEmpty()) {
        Pending next = pending.pop();
        script = next.script();
        model = next.model();
        pos = 0;
        pc.clear();
        solver.push();
        try {
          T result = body.get(); // run first: the path condition is complete only afterwards
          BoolExpr condition = and(ctx, pc);
          paths.add(new Path<>(condition, result));
          stats.paths++;
        } finally {
          solver.pop();
        }
      }
    } finally {
      exploring = false;
    }
    return paths;
  }
}

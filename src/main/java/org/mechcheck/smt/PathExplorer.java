package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Symbolic execution by re-execution. The mechanism runs unchanged, in Java; every branch on a
 * symbolic comparison goes through {@link #decide}, which replays a recorded choice prefix or,
 * at a new branch point, asks the solver which sides are feasible under the path condition and
 * queues the other side. The explorer owns the path condition; mechanism code never sees it.
 *
 * <p>Fewer solver calls, the same paths ({@link Tuning}, measured in the README's benchmarks): a
 * condition the path has already decided is answered from the path; one that the bounds of the
 * solver's assertions settle (0 <= x <= box) needs no check; the model of the solver's base is
 * kept from one exploration to the next while the base is the same; and before asking whether
 * the other side of a branch is feasible, the models found earlier on this base are tried on it;
 * and a side found infeasible under some path literals is infeasible wherever they all hold again.
 * Each shortcut stands in for an answer the solver would give (infeasible, or feasible with a
 * model), so the set of paths explored is the same.
 */
public final class PathExplorer {
  private final Context ctx;
  private final Solver solver;
  private List<Boolean> script = new ArrayList<>();
  private int pos;
  private Model model;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final List<BoolExpr> pc = new ArrayList<>();
  /** With {@link Tuning#lazy}: the current path's literals not yet asserted (asserted before its next check). */
  private final List<BoolExpr> unasserted = new ArrayList<>();
  private boolean exploring;
  private final Stats stats;
  private final Tuning tuning = Tuning.current();
  /** The branch conditions decided on the current path (top-level negations stripped), with their side. */
  private final Map<BoolExpr, Boolean> decided = new HashMap<>();
  /**
   * With {@link Tuning#implied}: the literals the current path has put to the solver, and for
   * each formula a feasibility check found infeasible on this base, the path literals it was
   * infeasible under (kept for at most {@link #IMPLIED} formulas, then begun afresh).
   */
  private final java.util.Set<BoolExpr> onPath = new java.util.HashSet<>();
  private final Map<BoolExpr, List<BoolExpr[]>> infeasibleUnder = new HashMap<>();
  private static final int IMPLIED = 20_000;

  // What the solver asserted when the last exploration began (the base every path extends), the
  // bounds it puts on the variables, a model of it, and models of it that earlier checks found:
  // kept while the base stays the same.
  private BoolExpr[] base;
  private Intervals intervals;
  /** With {@link Tuning#farkas}: the base's bounds, for the refuter, and the refuter of the current path. */
  private Intervals bounds;
  private final Refuter refuter = new Refuter();
  private Model rootModel;
  private final Deque<Pooled> pool = new ArrayDeque<>();

  /**
   * A model kept on this base, with what it makes of each formula it was tried on: the paths of
   * one exploration share most of their literals, so each is evaluated once per model, not once
   * per branch point.
   */
  private record Pooled(Model model, Map<BoolExpr, Boolean> truth) {
    boolean satisfies(BoolExpr f) {
      Boolean t = truth.get(f);
      if (t == null) {
        t = model.eval(f, true).isTrue();
        truth.put(f, t);
      }
      return t;
    }
  }
  private static final int POOL = 16;

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
    Expr<?> simplified = simplified(c);
    if (simplified.isTrue() || simplified.isFalse()) {
      if (exploring) pc.add(simplified.isTrue() ? c : ctx.mkNot(c));
      return simplified.isTrue();
    }
    if (!exploring) throw new IllegalStateException("a symbolic branch outside an exploration");
    BoolExpr cond = (BoolExpr) simplified;
    boolean negated = cond.isNot();
    BoolExpr atom = negated ? (BoolExpr) cond.getArgs()[0] : cond;
    if (tuning.pathLiterals()) {
      // already decided on this path: no branch point (a replay meets it at the same place)
      Boolean known = decided.get(atom);
      if (known != null) {
        stats.cachedDecisions++;
        return known != negated;
      }
    }
    boolean choice;
    Boolean settled;
    if (pos < script.size()) {
      choice = script.get(pos);
    } else if (intervals != null && (settled = intervals.truth(cond)) != null) {
      // the bounds of the base settle it: the other side is infeasible on every path
      stats.cachedDecisions++;
      choice = settled;
      script.add(choice);
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
        BoolExpr other = choice ? ctx.mkNot(cond) : cond;
        Model witness = fromPool(other);
        if (witness != null) {
          pending.push(new Pending(extended(!choice), witness));
        } else {
          Status s = feasible(other);
          if (s != Status.UNSATISFIABLE) {
            Model m = s == Status.SATISFIABLE ? model() : null;
            if (m != null && tuning.modelPool()) {
              pool.addFirst(new Pooled(m, new HashMap<>()));
              if (pool.size() > POOL) pool.removeLast();
            }
            pending.push(new Pending(extended(!choice), m));
          }
        }
      }
      script.add(choice);
    }
    pos++;
    BoolExpr literal = choice ? cond : ctx.mkNot(cond);
    if (tuning.lazy()) unasserted.add(literal);
    else solver.add(literal);
    if (tuning.farkas()) refuter.assume(literal);
    if (tuning.implied()) onPath.add(literal);
    pc.add(choice ? c : ctx.mkNot(c));
    if (tuning.pathLiterals()) decided.put(atom, choice != negated);
    return choice;
  }

  private Status lastStatus;

  /**
   * With {@link Tuning#simplified}: Z3's simplification of each branch condition met (at most
   * {@link #SIMPLIFIED}, then begun afresh). Every path is a re-execution, so the conditions before
   * its branch point are the ones the path it forked from met; Z3 builds each term once
   * (hash-consing), so the same condition is the same key. Simplifying is syntactic: it does not
   * depend on what the solver asserts, so the cache outlives the base.
   */
  private final Map<BoolExpr, Expr<?>> simplifiedOf = new HashMap<>();
  private static final int SIMPLIFIED = 50_000;

  private Expr<?> simplified(BoolExpr c) {
    if (!tuning.simplified()) return c.simplify();
    Expr<?> s = simplifiedOf.get(c);
    if (s == null) {
      if (simplifiedOf.size() >= SIMPLIFIED) simplifiedOf.clear();
      s = c.simplify();
      simplifiedOf.put(c, s);
    }
    return s;
  }

  /** The optimisations this explorer was built with (what the rest of one search reads too). */
  public Tuning tuning() {
    return tuning;
  }

  /**
   * Whether {@code c} holds on every valuation of the base (true), on none (false), or cannot be
   * told without a solver call (null), as Z3's simplifier or, during an exploration, the base's
   * bounds tell: no fork, no path literal, so a term may be built from the answer.
   */
  public Boolean settled(BoolExpr c) {
    Expr<?> s = simplified(c);
    if (s.isTrue()) return true;
    if (s.isFalse()) return false;
    // the bounds are the current base's only while it explores (the base is noted when an exploration starts)
    return exploring && intervals != null ? intervals.truth((BoolExpr) s) : null;
  }

  /** Whether cond can hold on the current path; UNKNOWN counts as feasible (sound, possibly slower). */
  private Status feasible(BoolExpr cond) {
    if (tuning.implied() && infeasibleHere(cond)) {
      stats.cachedDecisions++;
      return lastStatus = Status.UNSATISFIABLE;
    }
    if (tuning.farkas() && refuter.refutes(cond)) {
      stats.cachedDecisions++;
      return lastStatus = Status.UNSATISFIABLE;
    }
    long t = System.nanoTime();
    if (!unasserted.isEmpty()) {
      solver.add(unasserted.toArray(new BoolExpr[0]));
      unasserted.clear();
    }
    lastStatus = solver.check(cond);
    long spent = System.nanoTime() - t;
    stats.solverNanos += spent;
    stats.feasibilityNanos += spent;
    stats.feasibilityChecks++;
    if (tuning.implied() && lastStatus == Status.UNSATISFIABLE) {
      if (infeasibleUnder.size() >= IMPLIED) infeasibleUnder.clear();
      infeasibleUnder.computeIfAbsent(cond, k -> new ArrayList<>()).add(onPath.toArray(new BoolExpr[0]));
    }
    return lastStatus;
  }

  /**
   * Whether {@code cond} was found infeasible on this base under path literals that all hold on
   * the current path: the base and those literals contradict it, so the current path, which
   * asserts them and more, does too.
   */
  private boolean infeasibleHere(BoolExpr cond) {
    List<BoolExpr[]> under = infeasibleUnder.get(cond);
    if (under == null) return false;
    for (BoolExpr[] literals : under) {
      boolean all = true;
      for (BoolExpr l : literals) {
        if (!onPath.contains(l)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
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

  /** A model found earlier on this base that satisfies the current path and {@code side} (so both sides are feasible), or null. */
  private Model fromPool(BoolExpr side) {
    if (!tuning.modelPool() || pool.isEmpty()) return null;
    // everything asserted on this path (the base and the path's literals) and the side, so that a
    // model completed with default values is checked on every assertion it must satisfy; the side
    // first: it is new, and where it fails nothing else need be looked at
    for (Pooled m : pool) {
      if (m.satisfies(side) && all(m, base) && all(m, pc)) {
        stats.cachedDecisions++;
        return m.model();
      }
    }
    return null;
  }

  private static boolean all(Pooled m, BoolExpr[] fs) {
    for (BoolExpr f : fs) if (!m.satisfies(f)) return false;
    return true;
  }

  private static boolean all(Pooled m, List<BoolExpr> fs) {
    for (BoolExpr f : fs) if (!m.satisfies(f)) return false;
    return true;
  }

  private List<Boolean> extended(boolean choice) {
    List<Boolean> other = new ArrayList<>(script);
    other.add(choice);
    return other;
  }

  /** Notes the solver's base; returns a model of it when one is known from an earlier exploration of the same base, else null. */
  private Model base() {
    if (!tuning.intervals() && !tuning.rootModel() && !tuning.modelPool() && !tuning.implied() && !tuning.farkas()) return null;
    BoolExpr[] now = solver.getAssertions();
    if (!Arrays.equals(now, base)) {
      base = now;
      intervals = tuning.intervals() ? Intervals.of(now) : null;
      bounds = !tuning.farkas() ? null : intervals != null ? intervals : Intervals.of(now);
      rootModel = null;
      pool.clear();
      infeasibleUnder.clear();
    }
    return tuning.rootModel() ? rootModel : null;
  }

  /** Runs {@code body} once per feasible path and returns every path with its condition. */
  public <T> List<Path<T>> explore(Supplier<T> body) {
    long started = System.nanoTime();
    List<Path<T>> paths = new ArrayList<>();
    List<List<Boolean>> scripts = new ArrayList<>();
    pending.clear();
    onPath.clear();
    Model first = base();
    if (tuning.farkas()) refuter.begin(bounds);
    if (first == null) {
      Status root = feasible(ctx.mkTrue());
      first = root == Status.SATISFIABLE ? model() : null;
      rootModel = first;
    }
    pending.push(new Pending(new ArrayList<>(), first));
    exploring = true;
    try {
      while (!pending.isEmpty()) {
        Pending next = pending.pop();
        script = next.script();
        model = next.model();
        pos = 0;
        pc.clear();
        decided.clear();
        onPath.clear();
        if (tuning.farkas()) refuter.begin(bounds);
        solver.push();
        try {
          T result = body.get(); // run first: the path condition is complete only afterwards
          BoolExpr condition = and(ctx, pc);
          paths.add(new Path<>(condition, result));
          scripts.add(List.copyOf(script));
          stats.paths++;
        } finally {
          unasserted.clear(); // what the path did not need goes with it
          solver.pop();
        }
      }
    } finally {
      exploring = false;
      decided.clear();
      stats.exploreNanos += System.nanoTime() - started;
    }
    return inTreeOrder(paths, scripts);
  }

  /**
   * The paths ordered by their choices (true first at each branch point). Which side an
   * exploration takes first depends on the models earlier explorations left behind, so without
   * this the same run explored after other networks lists its paths in another order: equal
   * summaries would differ as formulas, and a network's queries would depend on what was
   * searched before it (a shard's count would not add up to the whole search's).
   */
  private static <T> List<Path<T>> inTreeOrder(List<Path<T>> paths, List<List<Boolean>> scripts) {
    Integer[] order = new Integer[paths.size()];
    for (int k = 0; k < order.length; k++) order[k] = k;
    Arrays.sort(order, (x, y) -> {
      List<Boolean> a = scripts.get(x), b = scripts.get(y);
      for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
        if (!a.get(k).equals(b.get(k))) return a.get(k) ? -1 : 1;
      }
      return Integer.compare(a.size(), b.size());
    });
    List<Path<T>> sorted = new ArrayList<>(paths.size());
    for (Integer k : order) sorted.add(paths.get(k));
    return sorted;
  }
}

package org.mechcheck.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.property.Others;

/**
 * One market structure with every value and cost a Z3 variable: what a property's Z3 query is
 * built from. The truthful run is explored once, on first use, into paths (condition, outcome);
 * {@link #summary} folds paths into one if-then-else term; {@link #ask} asks whether a violation
 * can hold and keeps the first model. The engine that owns the solver ({@code search.SymbolicChecker})
 * turns that model back into exact numbers and confirms it before anything is reported.
 */
public final class SymbolicMarket {
  private final Context ctx;
  private final Solver solver;
  private final Solver queries;
  private final Tuning tuning = Tuning.current();
  private int defined;
  /** With {@link Tuning#shared}: batches of this network whose queries were answered UNSAT, each by what it defined and asked. */
  private final java.util.Set<List<Object>> unsatBatches = new java.util.HashSet<>();
  private final PathExplorer explorer;
  private final Z3Arith arith;
  private final Stats stats;
  private final Mechanism mechanism;
  private final Market market;
  private final ArithExpr<RealSort>[] value;
  private final ArithExpr<RealSort>[] cost;
  private final Profile<ArithExpr<RealSort>> truthful;
  private final Others others;
  private final SecondSolver second;
  private int uncovered;
  private List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truth;
  /** Runs explored with everyone's true bids, by the report profile's informing sets (see {@link Tuning#reuse}). */
  private final java.util.Map<List<BitSet>, List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>>> explored = new java.util.HashMap<>();
  /**
   * With {@link Tuning#shared}: each exploration by what it found (two report profiles often run
   * alike), and the bids put into it, so that a run found again is substituted once per bid.
   */
  private final java.util.Map<List<Object>, List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>>> alike = new java.util.HashMap<>();
  private final java.util.Map<List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>>, java.util.Map<List<Object>, List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>>>> withBid =
      new java.util.IdentityHashMap<>();
  private boolean unbounded;
  private Model model;
  private String what;
  private String unknown;

  public SymbolicMarket(Context ctx, Solver solver, PathExplorer explorer, Z3Arith arith, Stats stats, Mechanism mechanism, Market market,
      ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost) {
    this(ctx, solver, explorer, arith, stats, mechanism, market, value, cost, Others.TRUTHFUL, null, null);
  }

  /**
   * A market whose IC query ranges over the others' reports as {@code others} says; with a
   * {@code second} solver, every UNSAT answer is re-decided by it before it counts.
   */
  public SymbolicMarket(Context ctx, Solver solver, PathExplorer explorer, Z3Arith arith, Stats stats, Mechanism mechanism, Market market,
      ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost, Others others, SecondSolver second) {
    this(ctx, solver, explorer, arith, stats, mechanism, market, value, cost, others, second, null);
  }

  /**
   * As above, with the queries asked of {@code queries} (null: of the exploring solver), a solver
   * holding the same assertions as the exploring one's base, on which {@link Batch#define} states
   * definitions: the exploring solver's base then stays as it was, and with it what the explorer
   * keeps from one exploration to the next.
   */
  public SymbolicMarket(Context ctx, Solver solver, PathExplorer explorer, Z3Arith arith, Stats stats, Mechanism mechanism, Market market,
      ArithExpr<RealSort>[] value, ArithExpr<RealSort>[] cost, Others others, SecondSolver second, Solver queries) {
    this.queries = queries == null ? solver : queries;
    this.others = others;
    this.second = second;
    this.ctx = ctx;
    this.solver = solver;
    this.explorer = explorer;
    this.arith = arith;
    this.stats = stats;
    this.mechanism = mechanism;
    this.market = market;
    this.value = value;
    this.cost = cost;
    this.truthful = Profile.of(market, v -> cost[v], v -> value[v], arith);
  }

  public Context ctx() {
    return ctx;
  }

  public Z3Arith arith() {
    return arith;
  }

  public Mechanism mechanism() {
    return mechanism;
  }

  public Market market() {
    return market;
  }

  /** Agent v's true value (0 for an intermediary). */
  public ArithExpr<RealSort> value(int v) {
    return value[v];
  }

  /** Agent v's true cost (0 for a bidder). */
  public ArithExpr<RealSort> cost(int v) {
    return cost[v];
  }

  /** The others' reports an IC query ranges over. */
  public Others others() {
    return others;
  }

  /** Everyone truthful, in Z3 terms. */
  public Profile<ArithExpr<RealSort>> truthful() {
    return truthful;
  }

  /** The mechanism's truthful run, explored (once) into its paths. */
  public List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truth() {
    if (truth == null) truth = truthful(truthful);
    return truth;
  }

  /** The run of a report profile with everyone's true bids ({@code base}, the others' reports put in), explored once per network with {@link Tuning#reuse}. */
  public List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> truthful(Profile<ArithExpr<RealSort>> base) {
    if (!tuning.reuse() || !unbounded) return run(base);
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths = runTruthful(base);
    return paths != null ? paths : run(base);
  }

  /** Values and costs are explored unbounded (at least 0; a box, if any, is the queries'): then {@link Tuning#reuse} may put a bid in for a value. */
  public SymbolicMarket unbounded(boolean unbounded) {
    this.unbounded = unbounded;
    return this;
  }

  /**
   * The mechanism when agent v deviates from {@code base} (everyone's bids true in it) to
   * {@code bid} (null: her true bid) and informing {@code informs} (null: as in base), explored
   * into its paths. With {@link Tuning#reuse}, from the run of the same report profile with her
   * true bid, explored once per network, her value replaced by the bid in every path: on every bid
   * at least 0 these are the deviation's paths (its queries say bid >= 0); where none holds (a
   * negative bid) the summaries leave the value free, as they do for any valuation no path covers.
   */
  public List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> deviation(Profile<ArithExpr<RealSort>> base, int v, ArithExpr<RealSort> bid, BitSet informs) {
    Profile<ArithExpr<RealSort>> reports = informs == null ? base : base.withInforms(v, informs);
    if (!tuning.reuse() || !unbounded) return run(reports.deviate(v, bid, null));
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths = runTruthful(reports);
    if (paths == null) return run(reports.deviate(v, bid, null));
    if (bid == null) return paths;
    if (!tuning.shared()) return substituted(paths, v, bid);
    return withBid.computeIfAbsent(paths, k -> new java.util.HashMap<>()).computeIfAbsent(List.of(v, bid), k -> substituted(paths, v, bid));
  }

  /** The paths with agent v's value replaced by {@code bid}. */
  private List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> substituted(List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths, int v, ArithExpr<RealSort> bid) {
    Expr<?>[] from = {value[v]}, to = {bid};
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> out = new java.util.ArrayList<>(paths.size());
    for (PathExplorer.Path<Outcome<ArithExpr<RealSort>>> path : paths) {
      out.add(new PathExplorer.Path<>((BoolExpr) path.condition().substitute(from, to), substitute(path.result(), from, to)));
    }
    return out;
  }

  /** What an exploration found, as a key: every path's condition and outcome (Z3 builds each term once, so equal runs give equal keys). */
  private static List<Object> found(List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths) {
    List<Object> key = new java.util.ArrayList<>();
    for (PathExplorer.Path<Outcome<ArithExpr<RealSort>>> path : paths) {
      Outcome<ArithExpr<RealSort>> o = path.result();
      key.add(path.condition());
      int n = o.market().size();
      for (int u = 0; u < n; u++) {
        key.add(o.allocation(u));
        key.add(o.through(u));
        key.add(java.util.Optional.ofNullable(o.payment(u)));
      }
      key.add(o.chains().stream().map(chain -> java.util.Arrays.stream(chain).boxed().toList()).toList());
      key.add(o.details());
    }
    return key;
  }

  /** The run of a report profile with everyone's true bids, explored once per network; null when its outcomes hold terms where substitution cannot reach. */
  private List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> runTruthful(Profile<ArithExpr<RealSort>> reports) {
    List<BitSet> key = new java.util.ArrayList<>();
    for (int u = 0; u < market.size(); u++) key.add(reports.informs(u));
    List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths = explored.get(key);
    if (paths == null) {
      paths = run(reports);
      if (!paths.stream().allMatch(path -> termFree(path.result().details()))) paths = List.of();
      else if (tuning.shared()) {
        List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> fresh = paths;
        paths = alike.computeIfAbsent(found(fresh), k -> fresh);
      }
      explored.put(key, paths);
    }
    return paths.isEmpty() ? null : paths;
  }

  /** Whether a mechanism's details hold no Z3 term (only payments are substituted). */
  private static boolean termFree(Object o) {
    if (o instanceof Expr<?>) return false;
    if (o instanceof java.util.Map<?, ?> m) return m.keySet().stream().allMatch(SymbolicMarket::termFree) && m.values().stream().allMatch(SymbolicMarket::termFree);
    if (o instanceof java.util.Collection<?> c) return c.stream().allMatch(SymbolicMarket::termFree);
    if (o instanceof Object[] a) return java.util.Arrays.stream(a).allMatch(SymbolicMarket::termFree);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Outcome<ArithExpr<RealSort>> substitute(Outcome<ArithExpr<RealSort>> o, Expr<?>[] from, Expr<?>[] to) {
    Market m = o.market();
    int n = m.size();
    org.apache.commons.numbers.fraction.BigFraction[] allocation = new org.apache.commons.numbers.fraction.BigFraction[n], through = new org.apache.commons.numbers.fraction.BigFraction[n];
    ArithExpr<RealSort>[] pay = new ArithExpr[n];
    for (int u = 0; u < n; u++) {
      allocation[u] = o.allocation(u);
      through[u] = o.through(u);
      pay[u] = o.payment(u) == null ? null : (ArithExpr<RealSort>) o.payment(u).substitute(from, to);
    }
    return new Outcome<>(m, allocation, through, o.chains(), pay, o.details());
  }

  /** The mechanism on another report profile, explored into its paths. */
  public List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> run(Profile<ArithExpr<RealSort>> profile) {
    return explore(() -> mechanism.run(profile, arith));
  }

  /** Any computation over the market's terms, explored into its paths. */
  public <T> List<PathExplorer.Path<T>> explore(Supplier<T> body) {
    return explorer.explore(body);
  }

  /**
   * ite(pc_1, t_1, ite(pc_2, t_2, ... ite(pc_k, t_k, u))), u a fresh unconstrained variable. The
   * paths partition the valuations when every branch the explorer pruned was really infeasible;
   * the summary does not take that on trust: where no path's condition holds it is u, which a query
   * can set to anything, so a pruned path (a wrong UNSAT in a feasibility check) shows up as a model
   * that does not replay exactly, never as a missed violation. A verdict then rests only on the
   * final queries' UNSAT answers, which a second solver can re-decide.
   */
  public <T> ArithExpr<RealSort> summary(List<PathExplorer.Path<T>> paths, Function<T, ArithExpr<RealSort>> term) {
    return summary(paths, paths.stream().map(p -> term.apply(p.result())).toList());
  }

  /** The {@link #summary} with {@code terms.get(k)} on path k. */
  @SuppressWarnings("unchecked")
  private <T> ArithExpr<RealSort> summary(List<PathExplorer.Path<T>> paths, List<ArithExpr<RealSort>> terms) {
    ArithExpr<RealSort> t = ctx.mkRealConst("uncovered_" + uncovered++);
    for (int k = paths.size() - 1; k >= 0; k--) t = (ArithExpr<RealSort>) ctx.mkITE(paths.get(k).condition(), terms.get(k), t);
    return t;
  }

  /** Agent v's utility at her true type, over the paths of a run. */
  public ArithExpr<RealSort> utility(List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> paths, int v) {
    return summary(paths, utilityOf(v));
  }

  /** Agent v's utility at her true type in one outcome. */
  public Function<Outcome<ArithExpr<RealSort>>, ArithExpr<RealSort>> utilityOf(int v) {
    return o -> o.utility(v, value[v], cost[v], arith);
  }

  /**
   * The disjunction of the conditions of the paths whose result passes {@code test}, or of none
   * of the paths' conditions: a valuation no path covers counts as passing (see {@link #summary}).
   */
  public <T> BoolExpr where(List<PathExplorer.Path<T>> paths, java.util.function.Predicate<T> test) {
    List<BoolExpr> cs = new java.util.ArrayList<>(paths.stream().filter(p -> test.test(p.result())).map(PathExplorer.Path::condition).toList());
    cs.add(ctx.mkNot(PathExplorer.or(ctx, paths.stream().map(PathExplorer.Path::condition).toList())));
    return PathExplorer.or(ctx, cs);
  }

  /** A fresh real variable (a deviating bid, say); constraints on it belong in the query that uses it. */
  public ArithExpr<RealSort> fresh(String name) {
    return ctx.mkRealConst(name);
  }

  /**
   * Asks whether {@code violation} can hold on some valuation; the first model found ends the
   * queries. With a second solver, an UNSAT answer counts only once that solver agrees; when it
   * does not (or cannot say), the query is undecided and the bound stops short.
   */
  public void ask(BoolExpr violation, String description) {
    if (model != null) return;
    long t = System.nanoTime();
    Status s = queries.check(violation);
    stats.solverNanos += System.nanoTime() - t;
    stats.queries++;
    if (s == Status.SATISFIABLE) {
      model = queries.getModel();
      what = description;
    } else if (s == Status.UNKNOWN && unknown == null) {
      unknown = description + ": " + queries.getReasonUnknown();
    } else if (s == Status.UNSATISFIABLE && second != null) {
      String why = second.recheck(queries, violation, tuning, stats, "'" + description + "'");
      if (why != null && unknown == null) unknown = why;
    }
  }

  /**
   * Queries that belong together (one agent's deviations against one profile of the others):
   * with {@link Tuning#oneQuery} they are asked as one, their disjunction, when the last is in
   * (a model is then credited to the first of them it satisfies); else each as it comes, as
   * {@link #ask} does, so that a violation found stops the caller before it builds the rest.
   * Either way the same valuations count as violations.
   */
  public Batch batch() {
    return new Batch();
  }

  /** See {@link #batch}. */
  public final class Batch {
    private final List<BoolExpr> violations = new java.util.ArrayList<>();
    private final List<String> descriptions = new java.util.ArrayList<>();
    /** With {@link Tuning#shared}: the violations added, and each definition by its paths' conditions and terms. */
    private final java.util.Set<BoolExpr> added = new java.util.HashSet<>();
    private final java.util.Map<List<Expr<?>>, ArithExpr<RealSort>> definedAs = new java.util.HashMap<>();
    /** With {@link Tuning#shared}: what this batch defined, in order (each definition's paths' conditions and terms). */
    private final List<Object> definitions = new java.util.ArrayList<>();
    private int constants;
    private boolean scoped;

    private Batch() {}

    /**
     * {@code term} as a constant that the query solver defines to equal it while this batch's
     * queries are asked, when there is a query solver of its own ({@link Tuning#definitions});
     * else {@code term} itself. For a summary the batch's queries share: stated once, not inside
     * each of them, and gone with the batch, so that the next batch's queries do not carry it.
     */
    public ArithExpr<RealSort> define(ArithExpr<RealSort> term) {
      if (tuning.shared()) definitions.add(term);
      return defineTerm(term);
    }

    private ArithExpr<RealSort> defineTerm(ArithExpr<RealSort> term) {
      if (queries == solver) return term;
      ArithExpr<RealSort> d = constant();
      queries.add(ctx.mkEq(d, term));
      return d;
    }

    /**
     * The {@link #summary} of {@code paths} under {@code term}, defined as {@link #define} does;
     * with {@link Tuning#flat}, by one implication per path instead of the if-then-else chain.
     */
    public <T> ArithExpr<RealSort> define(List<PathExplorer.Path<T>> paths, Function<T, ArithExpr<RealSort>> term) {
      List<ArithExpr<RealSort>> terms = new java.util.ArrayList<>(paths.size());
      for (PathExplorer.Path<T> path : paths) terms.add(term.apply(path.result()));
      List<Expr<?>> key = null;
      if (tuning.shared()) {
        // Z3 builds each term once, so paths with the same conditions and terms are the same key
        key = new java.util.ArrayList<>(2 * paths.size());
        for (int k = 0; k < paths.size(); k++) {
          key.add(paths.get(k).condition());
          key.add(terms.get(k));
        }
        ArithExpr<RealSort> known = definedAs.get(key);
        if (known != null) {
          stats.repeated++;
          return known;
        }
      }
      ArithExpr<RealSort> d;
      if (queries == solver || !tuning.flat()) {
        d = defineTerm(summary(paths, terms));
      } else {
        d = constant();
        for (int k = 0; k < paths.size(); k++) queries.add(ctx.mkImplies(paths.get(k).condition(), ctx.mkEq(d, terms.get(k))));
      }
      if (key != null) {
        definedAs.put(key, d);
        definitions.add(key);
      }
      return d;
    }

    /**
     * A variable for agent {@code agent}'s deviating bid in one of this batch's queries
     * ({@code which} names that query's deviation): with {@link Tuning#shared}, the same one in all
     * of them. The bid is quantified in each query alone, so naming it once changes nothing asked.
     */
    public ArithExpr<RealSort> bid(String agent, Object which) {
      return fresh(tuning.shared() ? "b_" + agent : "b_" + agent + "_" + which);
    }

    /** A fresh constant for a definition of this batch, its scope opened on the query solver. */
    private ArithExpr<RealSort> constant() {
      if (!scoped) {
        queries.push();
        scoped = true;
      }
      // with shared, named within the batch (its scope is popped before the next batch opens
      // one): two batches that define the same in the same order then ask the very same query
      return ctx.mkRealConst(tuning.shared() ? "defined_" + constants++ : "defined_" + defined++);
    }

    /** One more violation of the batch, with what it asks (asked now without {@link Tuning#oneQuery}). */
    public void add(BoolExpr violation, String description) {
      // with shared, a violation already in the batch was asked, or will be, as it is
      if (tuning.shared() && !added.add(violation)) return;
      if (!tuning.oneQuery()) ask(violation, description);
      else {
        violations.add(violation);
        descriptions.add(description);
      }
    }

    /** Asks what was added and not yet asked, and ends the batch's definitions. */
    public void end() {
      try {
        askAll();
      } finally {
        if (scoped) queries.pop();
        scoped = false;
        added.clear();
        definedAs.clear();
        definitions.clear();
        constants = 0;
      }
    }

    private void askAll() {
      if (violations.isEmpty() || model != null) return;
      List<Object> asked = null;
      if (tuning.shared() && scoped) {
        // the same definitions and violations as a batch answered UNSAT: the same query, so the same answer
        asked = List.of(List.copyOf(definitions), List.copyOf(violations));
        if (unsatBatches.contains(asked)) {
          stats.repeatedBatches++;
          violations.clear();
          descriptions.clear();
          return;
        }
      }
      boolean clean = unknown == null;
      askNow();
      if (asked != null && model == null && clean && unknown == null) unsatBatches.add(asked);
    }

    private void askNow() {
      if (violations.size() == 1) ask(violations.get(0), descriptions.get(0));
      else {
        ask(PathExplorer.or(ctx, violations), String.join("; or ", descriptions));
        if (model != null) {
          for (int k = 0; k < violations.size(); k++) {
            if (model.eval(violations.get(k), true).isTrue()) {
              what = descriptions.get(k);
              break;
            }
          }
        }
      }
      violations.clear();
      descriptions.clear();
    }
  }

  /** Whether a query has found a model (the remaining queries are skipped). */
  public boolean done() {
    return model != null;
  }

  /** The first model found, or null. */
  public Model model() {
    return model;
  }

  /** What the query that found the model asked. */
  public String what() {
    return what;
  }

  /** The first query Z3 could not decide (with its reason), or null. */
  public String unknown() {
    return unknown;
  }
}

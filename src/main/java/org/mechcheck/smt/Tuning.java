package org.mechcheck.smt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's optimisations, each of which leaves every verdict as it was (EngineEquivalenceTest
 * compares the engine with and without them on every network up to a size, for every property).
 * All are on by default; the system property {@code mechcheck.tuning} turns them off for
 * measurement and for that test: {@code none} turns every one off, {@code -name,-name} the ones
 * named ({@link Option} lists them, with what each does and why it keeps the answers).
 */
public final class Tuning {
  /** One optimisation, by the name {@code mechcheck.tuning} knows it by. */
  public enum Option {
    /** A branch condition already decided on the current path (the same Z3 term,
     * or its negation) is answered from the path, without a solver call or a new branch point */
    PATH_LITERALS("pathLiterals"),
    /** A branch side that a feasibility check found infeasible under some path literals
     * is infeasible, without a check, on any later path of the same base that holds them all (the
     * base and those literals already contradict it): the same answers, fewer calls */
    IMPLIED("implied"),
    /** A condition that the bounds the solver's base puts on the variables settle (0 <= x,
     * and x <= box in a boxed exploration) is answered without a solver call: its other side is
     * infeasible on every path */
    INTERVALS("intervals"),
    /** The model of the solver's base is kept from one exploration to the next while the base
     * is the same, instead of a check at the start of each */
    ROOT_MODEL("rootModel"),
    /** Before asking whether the other side of a branch is feasible, the models found earlier on
     * this base are tried on it (a model that satisfies the path and the side shows it feasible) */
    MODEL_POOL("modelPool"),
    /** A query's summaries of the truthful run are stated once per network, as
     * definitions on a solver of their own that answers only the queries, instead of inside
     * every query that uses them (the same formulas, so the same answers; Z3 keeps what it learnt
     * about them from one query to the next) */
    DEFINITIONS("definitions"),
    /** The queries of one agent against one profile of the others' reports (one per
     * informing set) are asked as one, their disjunction: one solver call instead of one per set */
    ONE_QUERY("oneQuery"),
    /** Z3's arithmetic by its older simplex-based solver ({@code smt.arith.solver=2})
     * instead of the default: another decision procedure for the same linear real arithmetic,
     * measured faster on these queries (README, benchmarks) */
    SIMPLEX("simplex"),
    /** A report profile's run is explored once per network with everyone's true bids, and
     * a deviating bid's run is that exploration with the bid put in for the value (one agent's
     * deviation against the others' reports is often another agent's report profile); values
     * unbounded only, where the exploration with the value covers every bid at least 0 */
    REUSE("reuse"),
    /** With {@code definitions}, a summary is defined by one implication per path (the
     * path's condition implies that the defined constant equals the path's term) instead of as a
     * chain of if-then-elses: the paths of one exploration are disjoint by construction (two paths
     * part at a branch point, one taking its condition and the other its negation), so on every
     * valuation at most one premise holds and the constant is what the chain gives, and free where
     * no path is taken, as the chain's fresh fallback is; the solver then meets each path once,
     * not nested under the negations of all the paths before it */
    FLAT("flat"),
    /** The second solver gets a query as terms, translated node by node, instead of as
     * Z3's printout, and decides a disjunction one disjunct at a time, each with only the
     * definitions it reaches ({@link SecondSolver}): parts of what Z3 answered UNSAT, so an UNSAT
     * of every part is an UNSAT of the whole; it changes what the second solver is given, never
     * what counts as certified */
    SPLIT("split"),
    /** Z3's simplification of a branch condition is kept, not computed again each
     * time a re-execution meets the condition (the same term, so the same simplification) */
    SIMPLIFIED("simplified"),
    /** A search of protocol deviations explores the run where everyone plays the
     * intended strategy once per network and reads each agent's intended utility off its paths,
     * instead of exploring the same run once per agent (reading a utility never branches, so the
     * paths and their conditions are the same) */
    SHARED_RUN("sharedRun"),
    /** With {@code definitions}, a search with values in [0, box] explores the mechanism
     * with values only at least 0 and leaves the box to the query solver, where every answer is
     * decided: the paths of an exploration with fewer constraints cover every valuation the boxed
     * one covers (some may never be taken inside the box), and such an exploration covers every
     * deviating bid at least 0, boxed or not, so {@code reuse} applies to boxed searches too */
    UNBOXED("unboxed"),
    /** A {@code max} or {@code min} of two terms whose order the simplifier or, while the
     * mechanism is explored, the base's bounds settle (max(0, v) with v at least 0) is that
     * argument, not an if-then-else: on every valuation of the base the two are equal (at a tie
     * both arguments are the value), so every path's condition and term mean what they meant */
    TIGHT("tight"),
    /** The queries of one batch (one agent's deviations against one profile of the others) give
     * the deviating bid one variable, not one per informing set, and a deviation whose paths and
     * terms are those of one already in the batch is neither defined nor asked again: each disjunct
     * of the batch has only its own bid in it, so one variable for all of them asks the same
     * (there is a bid for one disjunct exactly when there is one for the disjunction), and a
     * disjunct that is already there adds nothing. A batch that defines and asks exactly what an
     * UNSAT batch of the same network did (its definitions named within the batch) is the same
     * query, and is not asked again. Report profiles whose explorations found the same paths and
     * outcomes share one list of paths, so that a bid is put into it once (the same terms, so the
     * same formulas). */
    SHARED("shared"),
    /** A path's literals are put to the exploring solver only when a feasibility check on
     * that path needs them, not as each branch is taken: a re-execution meets again every branch
     * before its fork, and most paths end with no check after it (a model, the pool or the bounds
     * answer them), so their literals were asserted for nothing. A check sees the same assertions
     * either way, so the same answers */
    LAZY("lazy"),
    /** Before a feasibility check, a branch side is tried against each literal of the path
     * and the variables' bounds for a two-constraint Farkas proof that it is infeasible (found in
     * doubles, checked in exact rationals, {@link Refuter}): a side so refuted is one the solver
     * would answer UNSAT, so the same paths, without the call */
    FARKAS("farkas");

    private final String id;

    Option(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Option named(String id) {
      for (Option o : values()) if (o.id.equals(id)) return o;
      List<String> known = new ArrayList<>();
      for (Option o : values()) known.add(o.id);
      throw new IllegalArgumentException("mechcheck.tuning: unknown optimisation '" + id + "' (known: " + known + ")");
    }
  }

  public static final Tuning ALL = new Tuning(EnumSet.allOf(Option.class));
  public static final Tuning NONE = new Tuning(EnumSet.noneOf(Option.class));

  private final Set<Option> on;

  private Tuning(Set<Option> on) {
    this.on = on;
  }

  /** What {@code mechcheck.tuning} asks for (every optimisation when it is unset). */
  public static Tuning current() {
    return parse(System.getProperty("mechcheck.tuning", ""));
  }

  /** What {@code spec} asks for: empty for every optimisation, {@code none}, or {@code -name,-name} (IllegalArgumentException otherwise). */
  public static Tuning parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty()) return ALL;
    if (s.equals("none")) return NONE;
    EnumSet<Option> on = EnumSet.allOf(Option.class);
    for (String part : s.split(",")) {
      String p = part.trim();
      if (!p.startsWith("-")) throw new IllegalArgumentException("mechcheck.tuning: expected 'none' or '-name,...', got '" + spec + "'");
      on.remove(Option.named(p.substring(1)));
    }
    return new Tuning(on);
  }

  /** Whether optimisation {@code o} is on. */
  public boolean has(Option o) {
    return on.contains(o);
  }

  public boolean pathLiterals() {
    return has(Option.PATH_LITERALS);
  }

  public boolean implied() {
    return has(Option.IMPLIED);
  }

  public boolean intervals() {
    return has(Option.INTERVALS);
  }

  public boolean rootModel() {
    return has(Option.ROOT_MODEL);
  }

  public boolean modelPool() {
    return has(Option.MODEL_POOL);
  }

  public boolean definitions() {
    return has(Option.DEFINITIONS);
  }

  public boolean oneQuery() {
    return has(Option.ONE_QUERY);
  }

  public boolean simplex() {
    return has(Option.SIMPLEX);
  }

  public boolean reuse() {
    return has(Option.REUSE);
  }

  public boolean flat() {
    return has(Option.FLAT);
  }

  public boolean split() {
    return has(Option.SPLIT);
  }

  public boolean simplified() {
    return has(Option.SIMPLIFIED);
  }

  public boolean sharedRun() {
    return has(Option.SHARED_RUN);
  }

  public boolean unboxed() {
    return has(Option.UNBOXED);
  }

  public boolean tight() {
    return has(Option.TIGHT);
  }

  public boolean shared() {
    return has(Option.SHARED);
  }

  public boolean lazy() {
    return has(Option.LAZY);
  }

  public boolean farkas() {
    return has(Option.FARKAS);
  }

  /**
   * The solver a search uses: Z3's default solver with the per-call timeout, its arithmetic as
   * {@link #simplex} says, and, for measurement, the parameters the system property {@code mechcheck.z3} lists
   * ({@code name=value;name=value}: solver parameters such as {@code smt.relevancy}).
   */
  public static com.microsoft.z3.Solver solver(com.microsoft.z3.Context ctx, int timeoutMillis) {
    String kind = System.getProperty("mechcheck.solver", "");
    com.microsoft.z3.Solver solver = kind.equals("simple") ? ctx.mkSimpleSolver()
        : kind.startsWith("logic:") ? ctx.mkSolver(kind.substring(6))
        : kind.startsWith("tactic:") ? ctx.mkSolver(ctx.mkTactic(kind.substring(7))) : ctx.mkSolver();
    com.microsoft.z3.Params params = ctx.mkParams();
    params.add("timeout", timeoutMillis);
    // Z3 must not take SIGINT during a call (it swallowed Ctrl-C, and its handler races between threads):
    // the JVM gets it and the search stops as between calls, keeping the sizes verified
    params.add("ctrl_c", false);
    if (current().simplex()) params.add("arith.solver", 2);
    for (String kv : System.getProperty("mechcheck.z3", "").split(";")) {
      if (kv.isBlank()) continue;
      String[] p = kv.split("=", 2);
      String v = p[1].trim();
      if (v.equals("true") || v.equals("false")) params.add(p[0].trim(), Boolean.parseBoolean(v));
      else if (v.matches("-?\\d+")) params.add(p[0].trim(), Integer.parseInt(v));
      else params.add(p[0].trim(), v);
    }
    solver.setParameters(params);
    return solver;
  }

  @Override
  public String toString() {
    List<String> out = new ArrayList<>();
    for (Option o : Option.values()) out.add(has(o) ? o.id() : "-" + o.id());
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuning t && t.on.equals(on);
  }

  @Override
  public int hashCode() {
    return on.hashCode();
  }
}

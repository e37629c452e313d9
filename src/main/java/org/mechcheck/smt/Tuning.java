package org.mechcheck.smt;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The engine's optimisations, each of which leaves every verdict as it was (EngineEquivalenceTest
 * compares the engine with and without them on every network up to a size, for every property).
 * All are on by default; the system property {@code mechcheck.tuning} turns them off for
 * measurement and for that test: {@code none} turns every one off, {@code -name,-name} the ones
 * named.
 *
 * @param pathLiterals a branch condition already decided on the current path (the same Z3 term,
 *     or its negation) is answered from the path, without a solver call or a new branch point
 * @param implied a branch side that a feasibility check found infeasible under some path literals
 *     is infeasible, without a check, on any later path of the same base that holds them all (the
 *     base and those literals already contradict it): the same answers, fewer calls
 * @param definitions a query's summaries of the truthful run are stated once per network, as
 *     definitions on a solver of their own that answers only the queries, instead of inside
 *     every query that uses them (the same formulas, so the same answers; Z3 keeps what it learnt
 *     about them from one query to the next)
 * @param oneQuery the queries of one agent against one profile of the others' reports (one per
 *     informing set) are asked as one, their disjunction: one solver call instead of one per set
 * @param reuse a report profile's run is explored once per network with everyone's true bids, and
 *     a deviating bid's run is that exploration with the bid put in for the value (one agent's
 *     deviation against the others' reports is often another agent's report profile); values
 *     unbounded only, where the exploration with the value covers every bid at least 0
 * @param simplex Z3's arithmetic by its older simplex-based solver ({@code smt.arith.solver=2})
 *     instead of the default: another decision procedure for the same linear real arithmetic,
 *     measured faster on these queries (README, benchmarks)
 * @param flat with {@code definitions}, a summary is defined by one implication per path (the
 *     path's condition implies that the defined constant equals the path's term) instead of as a
 *     chain of if-then-elses: the paths of one exploration are disjoint by construction (two paths
 *     part at a branch point, one taking its condition and the other its negation), so on every
 *     valuation at most one premise holds and the constant is what the chain gives, and free where
 *     no path is taken, as the chain's fresh fallback is; the solver then meets each path once,
 *     not nested under the negations of all the paths before it
 * @param split the second solver gets a query as terms, translated node by node, instead of as
 *     Z3's printout, and decides a disjunction one disjunct at a time, each with only the
 *     definitions it reaches ({@link SecondSolver}): parts of what Z3 answered UNSAT, so an UNSAT
 *     of every part is an UNSAT of the whole; it changes what the second solver is given, never
 *     what counts as certified
 * @param simplified Z3's simplification of a branch condition is kept, not computed again each
 *     time a re-execution meets the condition (the same term, so the same simplification)
 * @param sharedRun a search of protocol deviations explores the run where everyone plays the
 *     intended strategy once per network and reads each agent's intended utility off its paths,
 *     instead of exploring the same run once per agent (reading a utility never branches, so the
 *     paths and their conditions are the same)
 * @param unboxed with {@code definitions}, a search with values in [0, box] explores the mechanism
 *     with values only at least 0 and leaves the box to the query solver, where every answer is
 *     decided: the paths of an exploration with fewer constraints cover every valuation the boxed
 *     one covers (some may never be taken inside the box), and such an exploration covers every
 *     deviating bid at least 0, boxed or not, so {@code reuse} applies to boxed searches too
 * @param tight a {@code max} or {@code min} of two terms whose order the simplifier or, while the
 *     mechanism is explored, the base's bounds settle (max(0, v) with v at least 0) is that
 *     argument, not an if-then-else: on every valuation of the base the two are equal (at a tie
 *     both arguments are the value), so every path's condition and term mean what they meant
 */
public record Tuning(boolean pathLiterals, boolean implied, boolean intervals, boolean rootModel, boolean modelPool, boolean definitions, boolean oneQuery, boolean simplex, boolean reuse, boolean flat, boolean split,
    boolean simplified, boolean sharedRun, boolean unboxed, boolean tight) {
  public static final Tuning ALL = new Tuning(true, true, true, true, true, true, true, true, true, true, true, true, true, true, true);
  public static final Tuning NONE = new Tuning(false, false, false, false, false, false, false, false, false, false, false, false, false, false, false);

  /** What {@code mechcheck.tuning} asks for (every optimisation when it is unset). */
  public static Tuning current() {
    return parse(System.getProperty("mechcheck.tuning", ""));
  }

  static Tuning parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty()) return ALL;
    if (s.equals("none")) return NONE;
    Set<String> off = new LinkedHashSet<>();
    for (String part : s.split(",")) {
      String p = part.trim();
      if (!p.startsWith("-")) throw new IllegalArgumentException("mechcheck.tuning: expected 'none' or '-name,...', got '" + spec + "'");
      off.add(p.substring(1));
    }
    Set<String> known = Set.of("pathLiterals", "implied", "intervals", "rootModel", "modelPool", "definitions", "oneQuery", "simplex", "reuse", "flat", "split",
        "simplified", "sharedRun", "unboxed", "tight");
    for (String o : off) if (!known.contains(o)) throw new IllegalArgumentException("mechcheck.tuning: unknown optimisation '" + o + "' (known: " + known + ")");
    return new Tuning(!off.contains("pathLiterals"), !off.contains("implied"), !off.contains("intervals"), !off.contains("rootModel"), !off.contains("modelPool"),
        !off.contains("definitions"), !off.contains("oneQuery"),
        !off.contains("simplex"), !off.contains("reuse"), !off.contains("flat"), !off.contains("split"), !off.contains("simplified"),
        !off.contains("sharedRun"), !off.contains("unboxed"), !off.contains("tight"));
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
    return Arrays.toString(new String[] {pathLiterals ? "pathLiterals" : "-pathLiterals", implied ? "implied" : "-implied", intervals ? "intervals" : "-intervals",
        rootModel ? "rootModel" : "-rootModel", modelPool ? "modelPool" : "-modelPool", definitions ? "definitions" : "-definitions",
        oneQuery ? "oneQuery" : "-oneQuery", simplex ? "simplex" : "-simplex", reuse ? "reuse" : "-reuse", flat ? "flat" : "-flat", split ? "split" : "-split",
        simplified ? "simplified" : "-simplified", sharedRun ? "sharedRun" : "-sharedRun",
        unboxed ? "unboxed" : "-unboxed", tight ? "tight" : "-tight"});
  }
}

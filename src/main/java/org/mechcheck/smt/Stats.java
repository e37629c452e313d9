package org.mechcheck.smt;

/**
 * Where the time goes: paths explored, solver calls and the nanoseconds spent in each phase.
 * {@code solverNanos} is every call to Z3's check (queries and feasibility checks together);
 * {@code feasibilityNanos} the part of it that the path explorer spent deciding branches;
 * {@code exploreNanos} everything inside {@link PathExplorer#explore} (the mechanism re-executed
 * in Java, the terms it builds, the feasibility checks and the models they keep).
 */
public final class Stats {
  public long paths;
  public long feasibilityChecks;
  public long queries;
  public long solverNanos;
  /** UNSAT answers the second solver re-decided as UNSAT, its nanoseconds, and its SAT answers to Z3's UNSAT ones. */
  public long certified;
  public long secondNanos;
  public long disagreements;
  public long feasibilityNanos;
  public long exploreNanos;
  /** Branch conditions answered from the literals already on the path, without asking Z3. */
  public long cachedDecisions;
  /** Deviations a batch of queries already held (the same paths and terms), neither defined nor asked again ({@link Tuning#shared}). */
  public long repeated;
  /** Batches of queries that defined and asked what one answered UNSAT on the same network had, not asked again ({@link Tuning#shared}). */
  public long repeatedBatches;

  public void add(Stats o) {
    certified += o.certified;
    secondNanos += o.secondNanos;
    disagreements += o.disagreements;
    paths += o.paths;
    feasibilityChecks += o.feasibilityChecks;
    queries += o.queries;
    solverNanos += o.solverNanos;
    feasibilityNanos += o.feasibilityNanos;
    exploreNanos += o.exploreNanos;
    cachedDecisions += o.cachedDecisions;
    repeated += o.repeated;
    repeatedBatches += o.repeatedBatches;
  }

  /** A copy (a snapshot of counters that go on changing). */
  public Stats copy() {
    Stats s = new Stats();
    s.add(this);
    return s;
  }

  /** This minus {@code before}: what happened since the snapshot. */
  public Stats since(Stats before) {
    Stats s = copy();
    s.paths -= before.paths;
    s.feasibilityChecks -= before.feasibilityChecks;
    s.queries -= before.queries;
    s.solverNanos -= before.solverNanos;
    s.feasibilityNanos -= before.feasibilityNanos;
    s.exploreNanos -= before.exploreNanos;
    s.cachedDecisions -= before.cachedDecisions;
    s.repeated -= before.repeated;
    s.repeatedBatches -= before.repeatedBatches;
    s.certified -= before.certified;
    s.secondNanos -= before.secondNanos;
    s.disagreements -= before.disagreements;
    return s;
  }
}

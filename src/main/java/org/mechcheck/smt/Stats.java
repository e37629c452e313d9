package org.mechcheck.smt;

/** Where the time goes: paths explored, solver calls and the nanoseconds spent inside Z3. */
public final class Stats {
  public long paths;
  public long feasibilityChecks;
  public long queries;
  public long solverNanos;
  /** UNSAT answers the second solver re-decided as UNSAT, its nanoseconds, and its SAT answers to Z3's UNSAT ones. */
  public long certified;
  public long secondNanos;
  public long disagreements;

  public void add(Stats o) {
    certified += o.certified;
    secondNanos += o.secondNanos;
    disagreements += o.disagreements;
    paths += o.paths;
    feasibilityChecks += o.feasibilityChecks;
    queries += o.queries;
    solverNanos += o.solverNanos;
  }
}

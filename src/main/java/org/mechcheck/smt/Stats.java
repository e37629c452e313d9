package org.mechcheck.smt;

/** Where the time goes: paths explored, solver calls and the nanoseconds spent inside Z3. */
public final class Stats {
  public long paths;
  public long feasibilityChecks;
  public long queries;
  public long solverNanos;

  public void add(Stats o) {
    paths += o.paths;
    feasibilityChecks += o.feasibilityChecks;
    queries += o.queries;
    solverNanos += o.solverNanos;
  }
}

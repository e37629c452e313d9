package org.mechcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SMTInterpol decides what it reads, and never calls a query it cannot read satisfiable. */
class SecondSolverTest {
  private final SecondSolver s = new SecondSolver(10_000);

  @Test
  void decidesLinearRealQueries() {
    assertEquals(SecondSolver.Answer.UNSAT, s.decide("(set-logic QF_LRA)(declare-fun x () Real)(assert (>= x 0.0))(assert (< (* 2.0 x) (- 1.0)))"));
    assertEquals(SecondSolver.Answer.SAT, s.decide("(set-logic QF_LRA)(declare-fun x () Real)(assert (>= x 0.0))(assert (< x (/ 1.0 3.0)))"));
    // an if-then-else summary whose last branch is a free variable: the uncovered region is satisfiable
    assertEquals(SecondSolver.Answer.SAT, s.decide("(set-logic QF_LRA)(declare-fun x () Real)(declare-fun u () Real)(assert (> (ite (>= x 1.0) 0.0 u) 5.0))"));
  }

  @Test
  void aQueryItCannotReadIsUndecidedNotSat() {
    // a one-argument 'and', as Z3 may print it: SMT-LIB wants two or more
    assertEquals(SecondSolver.Answer.UNKNOWN, s.decide("(set-logic QF_LRA)(declare-fun x () Real)(assert (and (>= x 0.0)))"));
  }
}

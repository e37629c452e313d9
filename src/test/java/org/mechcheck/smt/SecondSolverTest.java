package org.mechcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMTInterpol decides what it reads, and never calls a query it cannot read satisfiable. */
class SecondSolverTest {
  private final SecondSolver s = new SecondSolver(10_000);
  private final Context ctx = new Context();
  private final ArithExpr<RealSort> x = ctx.mkRealConst("x"), y = ctx.mkRealConst("y");
  private final ArithExpr<RealSort> d = ctx.mkRealConst("defined_d"), e = ctx.mkRealConst("defined_e");

  @AfterEach
  void close() {
    ctx.close();
  }

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

  /** A solver holding 0 <= x <= 10, y >= 0, and two definitions as a search states them: d = x + y, and x >= 5 => e = 2x - y. */
  private Solver base() {
    Solver z = ctx.mkSolver();
    z.add(ctx.mkGe(x, ctx.mkReal(0)), ctx.mkLe(x, ctx.mkReal(10)), ctx.mkGe(y, ctx.mkReal(0)));
    z.add(ctx.mkEq(d, ctx.mkAdd(x, y)));
    z.add(ctx.mkImplies(ctx.mkGe(x, ctx.mkReal(5)), ctx.mkEq(e, ctx.mkSub(ctx.mkMul(ctx.mkReal(2), x), y))));
    return z;
  }

  private SecondSolver.Answer split(BoolExpr violation) {
    return s.decide(base(), violation, Tuning.ALL);
  }

  @Test
  void termsDecideAsTheirPrintoutDoes() {
    // d < x needs y < 0: unsat through d's definition
    BoolExpr unsat = ctx.mkLt(d, x);
    // d > 3/2 and x < 1/3: sat (y large), with an exact fraction crossing over
    BoolExpr sat = ctx.mkAnd(ctx.mkGt(d, ctx.mkReal(3, 2)), ctx.mkLt(x, ctx.mkReal(1, 3)));
    for (BoolExpr q : new BoolExpr[] {unsat, sat}) assertEquals(s.decide(base(), q), split(q), q.toString());
    assertEquals(SecondSolver.Answer.UNSAT, split(unsat));
    assertEquals(SecondSolver.Answer.SAT, split(sat));
  }

  @Test
  void aDisjunctionIsUnsatOnlyWhenEveryDisjunctIs() {
    BoolExpr dBelowX = ctx.mkLt(d, x); // unsat
    BoolExpr eAboveTwentyOnPath = ctx.mkAnd(ctx.mkGe(x, ctx.mkReal(5)), ctx.mkGt(e, ctx.mkReal(20))); // unsat: e <= 20 there
    BoolExpr eAboveTwentyOffPath = ctx.mkAnd(ctx.mkLt(x, ctx.mkReal(5)), ctx.mkGt(e, ctx.mkReal(20))); // sat: e is free off its path
    assertEquals(SecondSolver.Answer.UNSAT, split(ctx.mkOr(dBelowX, eAboveTwentyOnPath)));
    assertEquals(SecondSolver.Answer.SAT, split(ctx.mkOr(dBelowX, eAboveTwentyOnPath, eAboveTwentyOffPath)));
    assertEquals(SecondSolver.Answer.SAT, s.decide(base(), ctx.mkOr(dBelowX, eAboveTwentyOnPath, eAboveTwentyOffPath)));
  }

  @Test
  void aDefinitionReachedThroughAnotherIsKept() {
    // f = d - x is y; f < 0 is unsat only with d's definition, which the query reaches through f's
    ArithExpr<RealSort> f = ctx.mkRealConst("defined_f");
    Solver z = base();
    z.add(ctx.mkEq(f, ctx.mkSub(d, x)));
    assertEquals(SecondSolver.Answer.UNSAT, s.decide(z, ctx.mkLt(f, ctx.mkReal(0)), Tuning.ALL));
  }

  @Test
  void aTermOutsideLinearRealArithmeticIsUndecidedNotSat() {
    // x * y is not linear: refused, so the query is undecided rather than decided on a guess
    assertEquals(SecondSolver.Answer.UNKNOWN, split(ctx.mkGt(ctx.mkMul(x, y), ctx.mkReal(1000))));
  }
}

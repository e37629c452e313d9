package org.mechcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refuter's proofs are proofs (Z3 agrees with every one), and it finds the one-literal ones it is for. */
class RefuterTest {
  private final Context ctx = new Context();
  private final ArithExpr<RealSort> vb = ctx.mkRealConst("v_B"), vc = ctx.mkRealConst("v_C"), ca = ctx.mkRealConst("c_A");
  private final ArithExpr<RealSort> zero = ctx.mkReal(0);

  @AfterEach
  void close() {
    ctx.close();
  }

  private Refuter on(BoolExpr... base) {
    Refuter r = new Refuter();
    r.begin(Intervals.of(base));
    return r;
  }

  @Test
  void aSideAgainstOneLiteralAndTheBounds() {
    // v_C - c_A < 0 cannot hold where v_B < v_C - c_A and v_B >= 0 (CSM's commonest case)
    Refuter r = on(ctx.mkGe(vb, zero), ctx.mkGe(vc, zero), ctx.mkGe(ca, zero));
    BoolExpr side = ctx.mkNot(ctx.mkGe(ctx.mkSub(vc, ca), zero));
    assertFalse(r.refutes(side), "nothing on the path yet");
    r.assume(ctx.mkNot(ctx.mkGe(vb, ctx.mkSub(vc, ca))));
    assertTrue(r.refutes(side));
    // at v_B = 0 the weak side v_C - c_A <= 0 fails too, but v_C - c_A >= 0 holds with it
    assertFalse(r.refutes(ctx.mkGe(ctx.mkSub(vc, ca), zero)));
  }

  @Test
  void strictnessDecidesAtZero() {
    Refuter r = on(ctx.mkGe(ca, zero));
    assertTrue(r.refutes(ctx.mkLt(ca, zero)));
    assertFalse(r.refutes(ctx.mkLe(ca, zero)), "c_A = 0 is feasible");
    // a literal on one variable narrows the box: c_A <= 0 and c_A >= 0 leave only 0
    r.assume(ctx.mkGe(zero, ca));
    assertTrue(r.refutes(ctx.mkGt(ca, zero)));
    assertTrue(r.refutes(ctx.mkNot(ctx.mkAnd(ctx.mkGe(zero, ca), ctx.mkLe(ca, zero)))), "a disjunction is refuted when each disjunct is");
    assertFalse(r.refutes(ctx.mkEq(ca, zero)));
  }

  @Test
  void aFreshPathForgetsTheLastOne() {
    Intervals base = Intervals.of(new BoolExpr[] {ctx.mkGe(ca, zero)});
    Refuter r = new Refuter();
    r.begin(base);
    r.assume(ctx.mkGe(zero, ca));
    assertTrue(r.refutes(ctx.mkGt(ca, zero)));
    r.begin(base);
    assertFalse(r.refutes(ctx.mkGt(ca, zero)));
  }

  /** Random paths and sides over three variables, some boxed, some not: every refutation is an UNSAT answer of Z3. */
  @Test
  void everyRefutationIsUnsat() {
    Random rnd = new Random(15);
    List<ArithExpr<RealSort>> xs = List.of(vb, vc, ca);
    int refuted = 0;
    for (int round = 0; round < 400; round++) {
      List<BoolExpr> base = new ArrayList<>();
      for (ArithExpr<RealSort> x : xs) {
        base.add(ctx.mkGe(x, zero));
        if (rnd.nextBoolean()) base.add(ctx.mkLe(x, ctx.mkReal(1 + rnd.nextInt(5))));
      }
      Refuter r = on(base.toArray(new BoolExpr[0]));
      Solver z3 = ctx.mkSolver();
      for (BoolExpr b : base) z3.add(b);
      for (int k = rnd.nextInt(4); k > 0; k--) {
        BoolExpr lit = atom(rnd, xs);
        if (z3.check(lit) != Status.SATISFIABLE) continue; // the path stays feasible, as the explorer's do
        z3.add(lit);
        r.assume(lit);
      }
      for (int k = 0; k < 5; k++) {
        BoolExpr side = rnd.nextInt(4) == 0 ? ctx.mkNot(ctx.mkAnd(atom(rnd, xs), atom(rnd, xs))) : atom(rnd, xs);
        if (r.refutes(side)) {
          refuted++;
          assertEquals(Status.UNSATISFIABLE, z3.check(side), () -> "refuted but satisfiable: " + side + " on " + List.of(z3.getAssertions()));
        }
      }
    }
    assertTrue(refuted > 100, "the test should exercise refutations, it saw " + refuted);
  }

  /** a·x + b·y (+ c) compared with a constant, coefficients in thirds so that doubles do not represent them exactly. */
  private BoolExpr atom(Random rnd, List<ArithExpr<RealSort>> xs) {
    ArithExpr<RealSort> x = xs.get(rnd.nextInt(xs.size())), y = xs.get(rnd.nextInt(xs.size()));
    ArithExpr<RealSort> lhs = ctx.mkAdd(ctx.mkMul(ctx.mkReal(rnd.nextInt(7) - 3, 3), x), ctx.mkMul(ctx.mkReal(rnd.nextInt(7) - 3, 3), y));
    ArithExpr<RealSort> rhs = ctx.mkReal(rnd.nextInt(7) - 3, 3);
    return switch (rnd.nextInt(5)) {
      case 0 -> ctx.mkGe(lhs, rhs);
      case 1 -> ctx.mkGt(lhs, rhs);
      case 2 -> ctx.mkLe(lhs, rhs);
      case 3 -> ctx.mkLt(lhs, rhs);
      default -> ctx.mkNot(ctx.mkGe(lhs, rhs));
    };
  }
}

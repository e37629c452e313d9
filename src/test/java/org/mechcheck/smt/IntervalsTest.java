package org.mechcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Interval bounds settle what the box alone decides, and nothing else. */
class IntervalsTest {
  private final Context ctx = new Context();
  private final ArithExpr<RealSort> x = ctx.mkRealConst("x"), y = ctx.mkRealConst("y"), b = ctx.mkRealConst("b");
  private final ArithExpr<RealSort> zero = ctx.mkReal(0), box = ctx.mkReal(100);
  // 0 <= x, y <= 100, b unbounded (a deviating bid, constrained only in its query)
  private final Intervals in = Intervals.of(new BoolExpr[] {ctx.mkGe(x, zero), ctx.mkLe(x, box), ctx.mkGe(y, zero), ctx.mkLe(y, box)});

  @AfterEach
  void close() {
    ctx.close();
  }

  @SuppressWarnings("unchecked")
  private ArithExpr<RealSort> min(ArithExpr<RealSort> a, ArithExpr<RealSort> c) {
    return (ArithExpr<RealSort>) ctx.mkITE(ctx.mkLe(a, c), a, c);
  }

  @Test
  void theBoxDecidesSignsAndRanges() {
    assertEquals(true, in.truth(ctx.mkGe(x, zero)));
    assertEquals(false, in.truth(ctx.mkLt(x, zero)));
    assertEquals(true, in.truth(ctx.mkLe(ctx.mkAdd(x, y), ctx.mkReal(200))));
    assertEquals(false, in.truth(ctx.mkGt(ctx.mkSub(x, y), ctx.mkReal(100))));
    assertEquals(true, in.truth(ctx.mkGe(ctx.mkMul(ctx.mkReal(-1), x), ctx.mkReal(-100))));
  }

  @Test
  void aBranchIsBoundedByItsCondition() {
    // min(x, 0) is 0 on the box: its then-branch x is taken only where x <= 0, i.e. x = 0
    assertEquals(true, in.truth(ctx.mkGe(ctx.mkSub(y, min(x, zero)), zero)));
    assertEquals(true, in.truth(ctx.mkEq(min(x, zero), zero)));
  }

  @Test
  void whatTheBoxLeavesOpenStaysOpen() {
    assertNull(in.truth(ctx.mkGe(x, y)));
    assertNull(in.truth(ctx.mkGe(x, ctx.mkReal(50))));
    assertNull(in.truth(ctx.mkGe(b, zero)), "b has no bound in the base");
    assertNull(in.truth(ctx.mkGe(ctx.mkSub(x, min(y, ctx.mkReal(10))), zero)));
  }
}

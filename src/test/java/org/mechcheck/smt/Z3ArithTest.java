package org.mechcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Tuning#tight}: a max or min whose order the base's bounds settle is that argument; one
 * they leave open stays an if-then-else, and outside an exploration no bounds are used (the base
 * they came from may be gone).
 */
class Z3ArithTest {
  private final Context ctx = new Context();
  private final Solver solver = ctx.mkSolver();
  private final PathExplorer explorer = new PathExplorer(ctx, solver, new Stats());
  private final Z3Arith z = new Z3Arith(explorer);
  private final ArithExpr<RealSort> x = ctx.mkRealConst("x"), y = ctx.mkRealConst("y"), b = ctx.mkRealConst("b");

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void theBoundsSettleMaxAndMinWhileExploring() {
    solver.add(ctx.mkGe(x, z.zero()), ctx.mkGe(y, z.zero()), ctx.mkLe(y, z.of(org.apache.commons.numbers.fraction.BigFraction.of(10))));
    List<PathExplorer.Path<List<ArithExpr<RealSort>>>> paths = explorer.explore(() -> List.of(z.max(z.zero(), x), z.min(x, z.zero()), z.max(x, y), z.max(b, z.zero()),
        z.min(y, z.of(org.apache.commons.numbers.fraction.BigFraction.of(20)))));
    assertEquals(1, paths.size(), "max and min never fork");
    List<ArithExpr<RealSort>> r = paths.get(0).result();
    assertEquals(x, r.get(0), "max(0, x) with x >= 0 is x");
    assertEquals(z.zero(), r.get(1), "min(x, 0) with x >= 0 is 0");
    assertTrue(r.get(2).isITE(), "x and y are not ordered by the bounds");
    assertTrue(r.get(3).isITE(), "b has no bound in the base");
    assertEquals(y, r.get(4), "min(y, 20) with y <= 10 is y");
    assertTrue(z.max(z.zero(), x).isITE(), "outside an exploration the bounds are not used");
  }
}

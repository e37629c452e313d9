package org.mechcheck.smt;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealSort;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Rationals;

/**
 * Numbers as Z3 real terms. {@code ge} forks through the {@link PathExplorer}; {@code max},
 * {@code min} are if-then-else terms (or, with {@link Tuning#tight}, the argument the base's
 * bounds show is the larger or smaller) and {@code argmax}/{@code argmin} one-hot case splits,
 * so they do not multiply paths more than the choice itself requires. Tie-break as in
 * {@link Arith}: the lowest index among equal optima.
 */
public final class Z3Arith implements Arith<ArithExpr<RealSort>> {
  private final Context ctx;
  private final PathExplorer explorer;
  /** {@link Tuning#tight}: a max or min the base's bounds settle is the argument itself, not an if-then-else. */
  private final boolean tight;

  public Z3Arith(PathExplorer explorer) {
    this.ctx = explorer.context();
    this.explorer = explorer;
    this.tight = explorer.tuning().tight();
  }

  @Override
  public ArithExpr<RealSort> of(BigFraction q) {
    return ctx.mkReal(Rationals.format(q));
  }

  @Override
  public ArithExpr<RealSort> add(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
    return ctx.mkAdd(a, b);
  }

  @Override
  public ArithExpr<RealSort> sub(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
    return ctx.mkSub(a, b);
  }

  @Override
  public ArithExpr<RealSort> mul(ArithExpr<RealSort> a, BigFraction k) {
    if (k.signum() == 0) return zero();
    if (k.compareTo(BigFraction.ONE) == 0) return a;
    return ctx.mkMul(a, of(k));
  }

  @Override
  public boolean ge(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
    return explorer.decide(ctx.mkGe(a, b));
  }

  @Override
  @SuppressWarnings("unchecked")
  public ArithExpr<RealSort> max(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
    return either(ctx.mkGe(a, b), a, b, ctx.mkGe(b, a));
  }

  @Override
  public ArithExpr<RealSort> min(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
    return either(ctx.mkLe(a, b), a, b, ctx.mkLe(b, a));
  }

  /** a where {@code aIs} holds, else b (which holds {@code bIs}), as an if-then-else; with {@link #tight}, the one the base settles. */
  @SuppressWarnings("unchecked")
  private ArithExpr<RealSort> either(BoolExpr aIs, ArithExpr<RealSort> a, ArithExpr<RealSort> b, BoolExpr bIs) {
    if (tight && Boolean.TRUE.equals(explorer.settled(aIs))) return a;
    if (tight && Boolean.TRUE.equals(explorer.settled(bIs))) return b;
    return (ArithExpr<RealSort>) ctx.mkITE(aIs, a, b);
  }

  @Override
  public int argmax(List<ArithExpr<RealSort>> xs) {
    return pick(xs, true);
  }

  @Override
  public int argmin(List<ArithExpr<RealSort>> xs) {
    return pick(xs, false);
  }

  /** Entry j is chosen iff it beats every earlier entry strictly and every later one weakly. */
  private int pick(List<ArithExpr<RealSort>> xs, boolean maximum) {
    if (xs.isEmpty()) throw new IllegalArgumentException("arg-optimum of an empty list");
    for (int j = 0; j < xs.size() - 1; j++) {
      BoolExpr[] cs = new BoolExpr[xs.size() - 1];
      int c = 0;
      for (int k = 0; k < xs.size(); k++) {
        if (k == j) continue;
        ArithExpr<RealSort> a = maximum ? xs.get(j) : xs.get(k);
        ArithExpr<RealSort> b = maximum ? xs.get(k) : xs.get(j);
        cs[c++] = k < j ? ctx.mkGt(a, b) : ctx.mkGe(a, b);
      }
      if (explorer.decide(PathExplorer.and(ctx, java.util.Arrays.asList(cs)))) return j;
    }
    return xs.size() - 1;
  }

  /** A Z3 numeral (from a model) as an exact rational. */
  public static BigFraction exact(Expr<?> e) {
    if (e instanceof RatNum r) return BigFraction.of(r.getBigIntNumerator(), r.getBigIntDenominator());
    if (e instanceof IntNum i) return BigFraction.of(i.getBigInteger());
    throw new IllegalStateException("not a rational numeral: " + e);
  }
}

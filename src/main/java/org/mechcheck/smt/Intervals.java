package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.enumerations.Z3_decl_kind;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Interval arithmetic over Z3 terms, from the bounds the solver's own assertions put on single
 * variables (a search asserts 0 <= x <= box for every value and cost). A branch condition that
 * holds, or fails, on every point of those bounds needs no feasibility check: its other side is
 * infeasible on any path. Exact rationals; an unbounded end is null; an if-then-else term takes
 * the hull of its branches, each evaluated under its condition when that condition bounds a single
 * variable (so min(c, 0) with c >= 0 is 0). Anything it cannot bound is unbounded and any
 * comparison it cannot settle is unknown (null): the explorer then asks Z3 as before. Each
 * question visits a bounded number of term nodes, so that a deep term costs no more than a check.
 */
final class Intervals {
  /** [lo, hi], null ends unbounded. */
  record Range(BigFraction lo, BigFraction hi) {
    static final Range ALL = new Range(null, null);

    boolean empty() {
      return lo != null && hi != null && lo.compareTo(hi) > 0;
    }

    Range hull(Range o) {
      if (empty()) return o;
      if (o.empty()) return this;
      return new Range(lo == null || o.lo == null ? null : min(lo, o.lo), hi == null || o.hi == null ? null : max(hi, o.hi));
    }

    Range meet(BigFraction l, BigFraction h) {
      return new Range(l == null ? lo : lo == null ? l : max(lo, l), h == null ? hi : hi == null ? h : min(hi, h));
    }
  }

  private static final int BUDGET = 4_000;

  /** Variable bounds of the base, and the ranges of terms under them (kept for as long as the base). */
  private final Map<Expr<?>, Range> base;
  private final Map<Expr<?>, Range> memo = new HashMap<>();
  private final Map<Expr<?>, Boolean> truths = new HashMap<>();
  private int budget;

  private Intervals(Map<Expr<?>, Range> base) {
    this.base = base;
  }

  /** The bounds single-variable assertions among {@code assertions} give (others are ignored, which is sound). */
  static Intervals of(BoolExpr[] assertions) {
    Map<Expr<?>, Range> b = new HashMap<>();
    for (BoolExpr a : assertions) bound(a, true, b);
    return new Intervals(b);
  }

  /** The bounds the base puts on variable {@code x} (unbounded ends null). */
  Range bounds(Expr<?> x) {
    return base.getOrDefault(x, Range.ALL);
  }

  /** True when {@code c} holds on every point of the bounds, false when on none, null when it cannot tell. */
  Boolean truth(BoolExpr c) {
    if (truths.containsKey(c)) return truths.get(c);
    budget = BUDGET;
    Boolean t;
    try {
      t = truth(c, base, memo);
    } catch (OutOfBudget e) {
      t = null;
    }
    truths.put(c, t);
    return t;
  }

  private static final class OutOfBudget extends RuntimeException {
    OutOfBudget() {
      super(null, null, false, false);
    }
  }

  private Boolean truth(Expr<?> c, Map<Expr<?>, Range> env, Map<Expr<?>, Range> m) {
    if (--budget < 0) throw new OutOfBudget();
    if (!c.isApp()) return null;
    Z3_decl_kind k = c.getFuncDecl().getDeclKind();
    switch (k) {
      case Z3_OP_TRUE:
        return true;
      case Z3_OP_FALSE:
        return false;
      case Z3_OP_NOT: {
        Boolean t = truth(c.getArgs()[0], env, m);
        return t == null ? null : !t;
      }
      case Z3_OP_AND: {
        boolean all = true;
        for (Expr<?> a : c.getArgs()) {
          Boolean t = truth(a, env, m);
          if (Boolean.FALSE.equals(t)) return false;
          all &= t != null;
        }
        return all ? true : null;
      }
      case Z3_OP_OR: {
        boolean none = true;
        for (Expr<?> a : c.getArgs()) {
          Boolean t = truth(a, env, m);
          if (Boolean.TRUE.equals(t)) return true;
          none &= t != null;
        }
        return none ? false : null;
      }
      case Z3_OP_IMPLIES: {
        Expr<?>[] a = c.getArgs();
        Boolean p = truth(a[0], env, m);
        if (Boolean.FALSE.equals(p)) return true;
        Boolean q = truth(a[1], env, m);
        if (Boolean.TRUE.equals(q)) return true;
        return Boolean.TRUE.equals(p) && Boolean.FALSE.equals(q) ? false : null;
      }
      case Z3_OP_ITE: {
        Expr<?>[] a = c.getArgs();
        Boolean p = truth(a[0], env, m);
        if (p != null) return truth(p ? a[1] : a[2], env, m);
        Boolean x = truth(a[1], env, m), y = truth(a[2], env, m);
        return x != null && x.equals(y) ? x : null;
      }
      case Z3_OP_GE:
      case Z3_OP_LE:
      case Z3_OP_GT:
      case Z3_OP_LT:
      case Z3_OP_EQ: {
        Expr<?>[] a = c.getArgs();
        if (a.length != 2 || !isArith(a[0])) return null;
        Range x = range(a[0], env, m), y = range(a[1], env, m);
        if (x.empty() || y.empty()) return null;
        return switch (k) {
          case Z3_OP_GE -> ge(x, y, false);
          case Z3_OP_LE -> ge(y, x, false);
          case Z3_OP_GT -> ge(x, y, true);
          case Z3_OP_LT -> ge(y, x, true);
          default -> x.lo != null && x.lo.equals(x.hi) && x.lo.equals(y.lo) && x.lo.equals(y.hi) ? Boolean.TRUE
              : below(x.hi, y.lo) || below(y.hi, x.lo) ? Boolean.FALSE : null;
        };
      }
      default:
        return null;
    }
  }

  /** Whether {@code e} is an integer or real term. */
  static boolean isArith(Expr<?> e) {
    return e.isInt() || e.isReal();
  }

  /** x >= y (x > y when strict) on every pair of points, on none, or null. */
  private static Boolean ge(Range x, Range y, boolean strict) {
    if (x.lo != null && y.hi != null && (strict ? x.lo.compareTo(y.hi) > 0 : x.lo.compareTo(y.hi) >= 0)) return true;
    if (x.hi != null && y.lo != null && (strict ? x.hi.compareTo(y.lo) <= 0 : x.hi.compareTo(y.lo) < 0)) return false;
    return null;
  }

  private static boolean below(BigFraction a, BigFraction b) {
    return a != null && b != null && a.compareTo(b) < 0;
  }

  private Range range(Expr<?> e, Map<Expr<?>, Range> env, Map<Expr<?>, Range> m) {
    Range known = m.get(e);
    if (known != null) return known;
    if (--budget < 0) throw new OutOfBudget();
    Range r = compute(e, env, m);
    m.put(e, r);
    return r;
  }

  private Range compute(Expr<?> e, Map<Expr<?>, Range> env, Map<Expr<?>, Range> m) {
    if (e.isNumeral()) {
      try {
        BigFraction q = Z3Arith.exact(e);
        return new Range(q, q);
      } catch (IllegalStateException notRational) {
        return Range.ALL;
      }
    }
    if (!e.isApp()) return Range.ALL;
    Z3_decl_kind k = e.getFuncDecl().getDeclKind();
    switch (k) {
      case Z3_OP_UNINTERPRETED:
        return e.getNumArgs() == 0 ? env.getOrDefault(e, Range.ALL) : Range.ALL;
      case Z3_OP_ADD: {
        BigFraction lo = BigFraction.ZERO, hi = BigFraction.ZERO;
        for (Expr<?> a : e.getArgs()) {
          Range r = range(a, env, m);
          if (r.empty()) return r;
          lo = lo == null || r.lo == null ? null : lo.add(r.lo);
          hi = hi == null || r.hi == null ? null : hi.add(r.hi);
        }
        return new Range(lo, hi);
      }
      case Z3_OP_SUB: {
        Expr<?>[] a = e.getArgs();
        Range r = range(a[0], env, m);
        for (int i = 1; i < a.length; i++) r = add(r, negate(range(a[i], env, m)));
        return r;
      }
      case Z3_OP_UMINUS:
        return negate(range(e.getArgs()[0], env, m));
      case Z3_OP_TO_REAL:
        return range(e.getArgs()[0], env, m);
      case Z3_OP_MUL: {
        Range r = new Range(BigFraction.ONE, BigFraction.ONE);
        for (Expr<?> a : e.getArgs()) r = times(r, range(a, env, m));
        return r;
      }
      case Z3_OP_DIV: {
        Expr<?>[] a = e.getArgs();
        Range d = range(a[1], env, m);
        if (d.lo == null || !d.lo.equals(d.hi) || d.lo.signum() == 0) return Range.ALL;
        return times(range(a[0], env, m), new Range(d.lo.reciprocal(), d.lo.reciprocal()));
      }
      case Z3_OP_ITE: {
        Expr<?>[] a = e.getArgs();
        Boolean p = truth(a[0], env, m);
        if (p != null) return range(p ? a[1] : a[2], env, m);
        Map<Expr<?>, Range> yes = refine(env, a[0], true), no = refine(env, a[0], false);
        Range x = yes == null ? null : range(a[1], yes, yes == env ? m : new HashMap<>());
        Range y = no == null ? null : range(a[2], no, no == env ? m : new HashMap<>());
        if (x == null) return y == null ? new Range(BigFraction.ONE, BigFraction.ZERO) : y;
        return y == null ? x : x.hull(y);
      }
      default:
        return Range.ALL;
    }
  }

  /** The environment with the bounds {@code c} (or its negation) puts on single variables; null when that is empty; env itself when it adds none. */
  private static Map<Expr<?>, Range> refine(Map<Expr<?>, Range> env, Expr<?> c, boolean holds) {
    Map<Expr<?>, Range> b = new HashMap<>();
    bound(c, holds, b);
    if (b.isEmpty()) return env;
    Map<Expr<?>, Range> out = new HashMap<>(env);
    for (Map.Entry<Expr<?>, Range> x : b.entrySet()) {
      Range r = out.getOrDefault(x.getKey(), Range.ALL).meet(x.getValue().lo, x.getValue().hi);
      if (r.empty()) return null;
      out.put(x.getKey(), r);
    }
    return out;
  }

  /** Adds to {@code into} the bounds on single variables that {@code c} implies when it {@code holds} (true) or fails (false). */
  private static void bound(Expr<?> c, boolean holds, Map<Expr<?>, Range> into) {
    if (!c.isApp()) return;
    Z3_decl_kind k = c.getFuncDecl().getDeclKind();
    if (k == Z3_decl_kind.Z3_OP_NOT) {
      bound(c.getArgs()[0], !holds, into);
      return;
    }
    if ((k == Z3_decl_kind.Z3_OP_AND && holds) || (k == Z3_decl_kind.Z3_OP_OR && !holds)) {
      for (Expr<?> a : c.getArgs()) bound(a, holds, into);
      return;
    }
    if (k != Z3_decl_kind.Z3_OP_GE && k != Z3_decl_kind.Z3_OP_LE && k != Z3_decl_kind.Z3_OP_GT && k != Z3_decl_kind.Z3_OP_LT) return;
    Expr<?>[] a = c.getArgs();
    if (a.length != 2) return;
    boolean upper; // does the variable get an upper bound?
    Expr<?> x;
    BigFraction q;
    if (isVar(a[0]) && a[1].isNumeral()) {
      x = a[0];
      q = rational(a[1]);
      upper = k == Z3_decl_kind.Z3_OP_LE || k == Z3_decl_kind.Z3_OP_LT;
    } else if (isVar(a[1]) && a[0].isNumeral()) {
      x = a[1];
      q = rational(a[0]);
      upper = k == Z3_decl_kind.Z3_OP_GE || k == Z3_decl_kind.Z3_OP_GT;
    } else {
      return;
    }
    if (q == null) return;
    if (!holds) upper = !upper; // not (x <= q) is x > q: a lower bound (closed, which is weaker and sound)
    Range r = into.getOrDefault(x, Range.ALL);
    into.put(x, upper ? r.meet(null, q) : r.meet(q, null));
  }

  private static boolean isVar(Expr<?> e) {
    return e.isConst() && !e.isNumeral() && (e.isReal() || e.isInt()) && e.getFuncDecl().getDeclKind() == Z3_decl_kind.Z3_OP_UNINTERPRETED;
  }

  /** The rational numeral {@code e}, or null when it is none (an algebraic number, say). */
  static BigFraction rational(Expr<?> e) {
    try {
      return Z3Arith.exact(e);
    } catch (IllegalStateException notRational) {
      return null;
    }
  }

  private static Range add(Range a, Range b) {
    if (a.empty()) return a;
    if (b.empty()) return b;
    return new Range(a.lo == null || b.lo == null ? null : a.lo.add(b.lo), a.hi == null || b.hi == null ? null : a.hi.add(b.hi));
  }

  private static Range negate(Range a) {
    if (a.empty()) return a;
    return new Range(a.hi == null ? null : a.hi.negate(), a.lo == null ? null : a.lo.negate());
  }

  private static Range times(Range a, Range b) {
    if (a.empty()) return a;
    if (b.empty()) return b;
    if (a.lo != null && a.lo.equals(a.hi)) return scale(b, a.lo);
    if (b.lo != null && b.lo.equals(b.hi)) return scale(a, b.lo);
    if (a.lo == null || a.hi == null || b.lo == null || b.hi == null) return Range.ALL;
    BigFraction p1 = a.lo.multiply(b.lo), p2 = a.lo.multiply(b.hi), p3 = a.hi.multiply(b.lo), p4 = a.hi.multiply(b.hi);
    return new Range(min(min(p1, p2), min(p3, p4)), max(max(p1, p2), max(p3, p4)));
  }

  private static Range scale(Range r, BigFraction k) {
    if (k.signum() == 0) return new Range(BigFraction.ZERO, BigFraction.ZERO);
    BigFraction lo = r.lo == null ? null : r.lo.multiply(k), hi = r.hi == null ? null : r.hi.multiply(k);
    return k.signum() > 0 ? new Range(lo, hi) : new Range(hi, lo);
  }

  private static BigFraction min(BigFraction a, BigFraction b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static BigFraction max(BigFraction a, BigFraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

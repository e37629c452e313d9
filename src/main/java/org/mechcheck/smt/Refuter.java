package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.enumerations.Z3_decl_kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A cheap, exact proof that a branch side is infeasible on the current path, tried before a
 * feasibility check ({@link Tuning#farkas}). Most sides the solver rules out contradict one literal
 * of the path and the variables' bounds (CSM IC on cs-general up to 4 agents: 3,839 of 4,549
 * checks; 238 more need two literals): for example {@code v_C - c_A < 0} against the literal
 * {@code v_B < v_C - c_A} with {@code v_B >= 0}. Two linear constraints F >= 0 and G >= 0 (either
 * strict) have no solution in a box when some combination F + tG with t >= 0 has a negative maximum
 * over the box (or zero, with a strict constraint in the combination): every solution would make
 * it non-negative. The maximum of F + tG over the box is convex and piecewise linear in t, so its
 * least value is at t = 0, at a t where one variable's coefficient vanishes, or as t grows without
 * bound; those are the only multipliers tried. The box is the base's bounds (0 <= x, and x <= box
 * in a boxed search), narrowed by the path's literals on single variables.
 *
 * <p>The search for a multiplier is in doubles, and every proof it finds is checked again in exact
 * rationals before it counts: a proof that fails the exact check is no proof, and the solver is asked.
 * Anything that is not a conjunction of linear atoms (an if-then-else inside, a disjunction on the
 * path) is simply not used; a side is refuted only when each of its disjuncts is.
 */
final class Refuter {
  /** Σ a_j x_j + c >= 0 (> 0 when strict), the coefficients also as doubles, for the search only. */
  record Row(BigFraction[] a, BigFraction c, boolean strict, double[] ad, double cd) {
    BigFraction coef(int j) {
      return j < a.length ? a[j] : BigFraction.ZERO;
    }

    double coefd(int j) {
      return j < ad.length ? ad[j] : 0;
    }

    Row weak() {
      return new Row(a, c, false, ad, cd);
    }

    Row negated() {
      BigFraction[] n = new BigFraction[a.length];
      double[] nd = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        n[j] = a[j].negate();
        nd[j] = -ad[j];
      }
      return new Row(n, c.negate(), !strict, nd, -cd);
    }
  }

  private static final List<Row> NOT_LINEAR = java.util.Collections.unmodifiableList(new ArrayList<>());
  private static final int CACHE = 50_000;
  private static final double EPS = 1e-9;
  private static final BigFraction MINUS_ONE = BigFraction.ONE.negate();

  private final Map<Expr<?>, Integer> ids = new HashMap<>();
  private final List<Expr<?>> vars = new ArrayList<>();
  /** A formula's rows when it holds (index 0) and when it fails (1): syntactic, so kept across bases. */
  private final Map<BoolExpr, List<Row>[]> rowsOf = new HashMap<>();
  /** A side's disjuncts, each a conjunction of rows ({@link #NO_DISJUNCTS} when some disjunct is not one). */
  private final Map<BoolExpr, List<List<Row>>> disjunctsOf = new HashMap<>();
  private static final List<List<Row>> NO_DISJUNCTS = java.util.Collections.unmodifiableList(new ArrayList<>());

  private Intervals base;
  private BigFraction[] lo = new BigFraction[0], hi = new BigFraction[0];
  private double[] lod = new double[0], hid = new double[0];
  private final List<Row> path = new ArrayList<>();

  /** A new path on the base whose bounds {@code base} holds: only those bounds are known. */
  void begin(Intervals base) {
    this.base = base;
    path.clear();
    Arrays.fill(lo, null);
    Arrays.fill(hi, null);
    Arrays.fill(lod, Double.NaN);
    Arrays.fill(hid, Double.NaN);
  }

  /** A literal the path now holds. */
  void assume(BoolExpr literal) {
    List<Row> rows = rows(literal, true);
    if (rows == NOT_LINEAR) return;
    for (Row r : rows) {
      path.add(r);
      narrow(r);
    }
  }

  /** Whether {@code side} is shown infeasible on the path (false: not shown, which says nothing). */
  boolean refutes(BoolExpr side) {
    if (base == null) return false;
    List<List<Row>> disjuncts = disjunctsOf.get(side);
    if (disjuncts == null) {
      disjuncts = new ArrayList<>();
      if (!disjuncts(side, true, disjuncts)) disjuncts = NO_DISJUNCTS;
      if (disjunctsOf.size() >= CACHE) disjunctsOf.clear();
      disjunctsOf.put(side, disjuncts);
    }
    if (disjuncts == NO_DISJUNCTS) return false;
    for (List<Row> conjunction : disjuncts) if (!refutesAll(conjunction)) return false;
    return true;
  }

  private boolean refutesAll(List<Row> side) {
    for (Row r : side) if (single(r)) return true;
    for (int k = 0; k < side.size(); k++) {
      Row r = side.get(k);
      for (int l = k + 1; l < side.size(); l++) if (pair(r, side.get(l))) return true;
      for (Row q : path) if (pair(r, q)) return true;
    }
    return false;
  }

  // ---- the box

  private void ensure(int j) {
    if (j < lo.length) return;
    int n = Math.max(j + 1, 2 * lo.length);
    int from = lo.length;
    lo = Arrays.copyOf(lo, n);
    hi = Arrays.copyOf(hi, n);
    lod = Arrays.copyOf(lod, n);
    hid = Arrays.copyOf(hid, n);
    Arrays.fill(lod, from, n, Double.NaN);
    Arrays.fill(hid, from, n, Double.NaN);
  }

  /** Fills in variable j's bounds from the base, the first time the path meets it. */
  private void known(int j) {
    ensure(j);
    if (!Double.isNaN(lod[j])) return;
    Intervals.Range r = base.bounds(vars.get(j));
    lo[j] = r.lo();
    hi[j] = r.hi();
    lod[j] = r.lo() == null ? Double.NEGATIVE_INFINITY : r.lo().doubleValue();
    hid[j] = r.hi() == null ? Double.POSITIVE_INFINITY : r.hi().doubleValue();
  }

  /** A row on one variable bounds it (closed: weaker than strict, so sound). */
  private void narrow(Row r) {
    int only = -1;
    for (int j = 0; j < r.a.length; j++) {
      if (r.a[j].signum() == 0) continue;
      if (only >= 0) return;
      only = j;
    }
    if (only < 0) return;
    known(only);
    BigFraction b = r.c.negate().divide(r.a[only]);
    if (r.a[only].signum() > 0) {
      if (lo[only] == null || b.compareTo(lo[only]) > 0) {
        lo[only] = b;
        lod[only] = b.doubleValue();
      }
    } else if (hi[only] == null || b.compareTo(hi[only]) < 0) {
      hi[only] = b;
      hid[only] = b.doubleValue();
    }
  }

  // ---- the proofs

  private boolean single(Row r) {
    double m = r.cd;
    for (int j = 0; j < r.ad.length; j++) {
      if (r.ad[j] == 0) continue;
      known(j);
      m += r.ad[j] > 0 ? r.ad[j] * hid[j] : r.ad[j] * lod[j];
      if (m == Double.POSITIVE_INFINITY) return false;
    }
    if (m > EPS) return false;
    return exact(r, null, null, r.strict);
  }

  /** Some F + tG, t > 0, with a maximum below zero (or at zero, either being strict). */
  private boolean pair(Row f, Row g) {
    int n = Math.max(f.ad.length, g.ad.length);
    boolean shared = false;
    for (int j = 0; j < n; j++) {
      double a = f.coefd(j), b = g.coefd(j);
      if (a == 0 && b == 0) continue;
      known(j);
      if (a != 0 && b != 0) shared = true;
    }
    if (!shared) return false; // then no combination beats F or G alone
    for (int j = 0; j < n; j++) {
      double a = f.coefd(j), b = g.coefd(j);
      if (a == 0 || b == 0 || (a > 0) == (b > 0)) continue;
      double t = -a / b;
      if (maximum(f, g, t, j) > EPS) continue;
      BigFraction exactT = f.coef(j).negate().divide(g.coef(j));
      if (exact(f, g, exactT, f.strict || g.strict)) return true;
    }
    return false;
  }

  /** The maximum of F + tG over the box in doubles, variable {@code zero}'s coefficient taken as 0 (it vanishes at this t). */
  private double maximum(Row f, Row g, double t, int zero) {
    double m = f.cd + t * g.cd;
    int n = Math.max(f.ad.length, g.ad.length);
    for (int j = 0; j < n; j++) {
      if (j == zero) continue;
      double c = f.coefd(j) + t * g.coefd(j);
      if (Math.abs(c) < 1e-12) continue; // perhaps zero: the exact check decides
      m += c > 0 ? c * hid[j] : c * lod[j];
      if (m == Double.POSITIVE_INFINITY) return m;
    }
    return m;
  }

  /** Exactly: the maximum of F + tG (F alone when g is null) is negative, or zero and {@code strict}. */
  private boolean exact(Row f, Row g, BigFraction t, boolean strict) {
    BigFraction m = g == null ? f.c : f.c.add(t.multiply(g.c));
    int n = g == null ? f.a.length : Math.max(f.a.length, g.a.length);
    for (int j = 0; j < n; j++) {
      BigFraction c = g == null ? f.coef(j) : f.coef(j).add(t.multiply(g.coef(j)));
      int s = c.signum();
      if (s == 0) continue;
      known(j);
      BigFraction bound = s > 0 ? hi[j] : lo[j];
      if (bound == null) return false;
      m = m.add(c.multiply(bound));
    }
    int s = m.signum();
    return s < 0 || (s == 0 && strict);
  }

  // ---- formulas as rows

  /** Collects the disjuncts of {@code e} (holding, or failing) as conjunctions of rows; false when some disjunct is not one. */
  private boolean disjuncts(Expr<?> e, boolean holds, List<List<Row>> into) {
    Z3_decl_kind k = kind(e);
    if (k == Z3_decl_kind.Z3_OP_NOT) return disjuncts(e.getArgs()[0], !holds, into);
    if ((k == Z3_decl_kind.Z3_OP_OR && holds) || (k == Z3_decl_kind.Z3_OP_AND && !holds)) {
      for (Expr<?> a : e.getArgs()) if (!disjuncts(a, holds, into)) return false;
      return true;
    }
    if (k == Z3_decl_kind.Z3_OP_EQ && !holds && Intervals.isArith(e.getArgs()[0])) {
      Row above = difference(e.getArgs()[0], e.getArgs()[1], true), below = difference(e.getArgs()[1], e.getArgs()[0], true);
      if (above == null || below == null) return false;
      into.add(List.of(above));
      into.add(List.of(below));
      return true;
    }
    List<Row> rows = rows(e, holds);
    if (rows == NOT_LINEAR) return false;
    into.add(rows);
    return true;
  }

  /** {@code e} (holding, or failing) as a conjunction of rows, or {@link #NOT_LINEAR}. */
  @SuppressWarnings("unchecked")
  private List<Row> rows(Expr<?> e, boolean holds) {
    if (e instanceof BoolExpr b) {
      List<Row>[] known = rowsOf.get(b);
      if (known != null && known[holds ? 0 : 1] != null) return known[holds ? 0 : 1];
      List<Row> r = computeRows(e, holds);
      if (known == null) {
        if (rowsOf.size() >= CACHE) rowsOf.clear();
        known = new List[2];
        rowsOf.put(b, known);
      }
      known[holds ? 0 : 1] = r;
      return r;
    }
    return NOT_LINEAR;
  }

  private List<Row> computeRows(Expr<?> e, boolean holds) {
    Z3_decl_kind k = kind(e);
    if (k == null) return NOT_LINEAR;
    switch (k) {
      case Z3_OP_TRUE:
      case Z3_OP_FALSE: {
        if ((k == Z3_decl_kind.Z3_OP_TRUE) == holds) return List.of();
        return List.of(new Row(new BigFraction[0], MINUS_ONE, false, new double[0], -1));
      }
      case Z3_OP_NOT:
        return rows(e.getArgs()[0], !holds);
      case Z3_OP_AND:
      case Z3_OP_OR: {
        if ((k == Z3_decl_kind.Z3_OP_AND) != holds) return NOT_LINEAR;
        List<Row> out = new ArrayList<>();
        for (Expr<?> a : e.getArgs()) {
          List<Row> r = rows(a, holds);
          if (r == NOT_LINEAR) return NOT_LINEAR;
          out.addAll(r);
        }
        return out;
      }
      case Z3_OP_EQ: {
        Expr<?>[] a = e.getArgs();
        if (!holds || a.length != 2 || !Intervals.isArith(a[0])) return NOT_LINEAR;
        Row d = difference(a[0], a[1], false);
        return d == null ? NOT_LINEAR : List.of(d, d.negated().weak());
      }
      case Z3_OP_GE:
      case Z3_OP_GT:
      case Z3_OP_LE:
      case Z3_OP_LT: {
        Expr<?>[] a = e.getArgs();
        if (a.length != 2 || !Intervals.isArith(a[0])) return NOT_LINEAR;
        boolean strict = k == Z3_decl_kind.Z3_OP_GT || k == Z3_decl_kind.Z3_OP_LT;
        boolean greater = k == Z3_decl_kind.Z3_OP_GE || k == Z3_decl_kind.Z3_OP_GT;
        // a0 >= a1 is a0 - a1 >= 0; it fails when a1 - a0 > 0
        Row d = greater ? difference(a[0], a[1], strict) : difference(a[1], a[0], strict);
        if (d == null) return NOT_LINEAR;
        return List.of(holds ? d : d.negated());
      }
      default:
        return NOT_LINEAR;
    }
  }

  /** x - y >= 0 (> 0 when strict) as a row, or null when either is not linear. */
  private Row difference(Expr<?> x, Expr<?> y, boolean strict) {
    Map<Integer, BigFraction> acc = new HashMap<>();
    BigFraction[] c = {BigFraction.ZERO};
    if (!linear(x, BigFraction.ONE, acc, c) || !linear(y, MINUS_ONE, acc, c)) return null;
    int n = 0;
    for (int j : acc.keySet()) n = Math.max(n, j + 1);
    BigFraction[] a = new BigFraction[n];
    Arrays.fill(a, BigFraction.ZERO);
    double[] ad = new double[n];
    for (Map.Entry<Integer, BigFraction> t : acc.entrySet()) {
      a[t.getKey()] = t.getValue();
      ad[t.getKey()] = t.getValue().doubleValue();
    }
    return new Row(a, c[0], strict, ad, c[0].doubleValue());
  }

  /** Adds k·e to the accumulated coefficients and constant; false when e is not linear. */
  private boolean linear(Expr<?> e, BigFraction k, Map<Integer, BigFraction> acc, BigFraction[] c) {
    if (e.isNumeral()) {
      BigFraction q = Intervals.rational(e);
      if (q == null) return false;
      c[0] = c[0].add(k.multiply(q));
      return true;
    }
    Z3_decl_kind kind = kind(e);
    if (kind == null) return false;
    switch (kind) {
      case Z3_OP_UNINTERPRETED: {
        if (e.getNumArgs() != 0 || !Intervals.isArith(e)) return false;
        acc.merge(id(e), k, BigFraction::add);
        return true;
      }
      case Z3_OP_ADD: {
        for (Expr<?> a : e.getArgs()) if (!linear(a, k, acc, c)) return false;
        return true;
      }
      case Z3_OP_SUB: {
        Expr<?>[] a = e.getArgs();
        if (!linear(a[0], k, acc, c)) return false;
        for (int i = 1; i < a.length; i++) if (!linear(a[i], k.negate(), acc, c)) return false;
        return true;
      }
      case Z3_OP_UMINUS:
        return linear(e.getArgs()[0], k.negate(), acc, c);
      case Z3_OP_TO_REAL:
        return linear(e.getArgs()[0], k, acc, c);
      case Z3_OP_MUL: {
        // numerals times at most one other factor
        BigFraction f = k;
        Expr<?> other = null;
        for (Expr<?> a : e.getArgs()) {
          if (a.isNumeral()) {
            BigFraction q = Intervals.rational(a);
            if (q == null) return false;
            f = f.multiply(q);
          } else if (other == null) {
            other = a;
          } else {
            return false;
          }
        }
        if (other == null) {
          c[0] = c[0].add(f);
          return true;
        }
        return linear(other, f, acc, c);
      }
      case Z3_OP_DIV: {
        Expr<?>[] a = e.getArgs();
        BigFraction d = a[1].isNumeral() ? Intervals.rational(a[1]) : null;
        if (d == null || d.signum() == 0) return false;
        return linear(a[0], k.divide(d), acc, c);
      }
      default:
        return false;
    }
  }

  private int id(Expr<?> v) {
    Integer j = ids.get(v);
    if (j == null) {
      j = vars.size();
      ids.put(v, j);
      vars.add(v);
    }
    return j;
  }

  private static Z3_decl_kind kind(Expr<?> e) {
    return e.isApp() ? e.getFuncDecl().getDeclKind() : null;
  }
}

package org.mechcheck.datatrade;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;

/**
 * The conclusions of 004's Theorems 4.3 and 4.4 and of the welfare remark after Theorem 4.4, each
 * checked on one instance in exact arithmetic. A check returns the first violation (trades in
 * order, pairs (v_{i-1}, v_i) in grid order on the support) or null.
 */
public final class TheoremChecks {
  private TheoremChecks() {}

  /** One side of a trade event: seller i-1's price at v_{i-1}, buyer i's threshold at v_i, and whether she buys. */
  public record Side(String mechanism, BigFraction price, BigFraction threshold, boolean buys) {}

  /**
   * A violated conclusion. For an event: trade {@code trade}, the pair (v_{trade-1}, v_trade) and the
   * two sides; for welfare: the two expected social welfares ({@code trade} = 0).
   */
  public record Violation(String kind, int trade, BigFraction vPrev, BigFraction v, List<Side> sides, BigFraction sw, BigFraction swRaw) {
    public String describe() {
      if (kind.equals("welfare")) {
        return "SW " + Rationals.format(sw) + " (" + String.format("%.6f", sw.doubleValue()) + ") < RAW's " + Rationals.format(swRaw) + " (" + String.format("%.6f", swRaw.doubleValue()) + ")";
      }
      StringBuilder sb = new StringBuilder(kind + ": trade " + trade + " at (v_" + (trade - 1) + ", v_" + trade + ") = (" + Rationals.format(vPrev) + ", " + Rationals.format(v) + ")");
      for (Side s : sides) {
        sb.append("; ").append(s.mechanism()).append(": price ").append(Rationals.format(s.price())).append(", threshold ").append(Rationals.format(s.threshold()))
            .append(s.buys() ? ", buys" : ", does not buy");
      }
      return sb.toString();
    }

    public boolean sameAs(Violation o) {
      if (!kind.equals(o.kind) || trade != o.trade) return false;
      if (kind.equals("welfare")) return eq(sw, o.sw) && eq(swRaw, o.swRaw);
      if (!eq(vPrev, o.vPrev) || !eq(v, o.v) || sides.size() != o.sides.size()) return false;
      for (int s = 0; s < sides.size(); s++) {
        Side a = sides.get(s), b = o.sides.get(s);
        if (!a.mechanism().equals(b.mechanism()) || !eq(a.price(), b.price()) || !eq(a.threshold(), b.threshold()) || a.buys() != b.buys()) return false;
      }
      return true;
    }

    private static boolean eq(BigFraction a, BigFraction b) {
      return a == null ? b == null : b != null && a.subtract(b).signum() == 0;
    }
  }

  static Side side(String name, Equilibrium<BigFraction> e, int i, int k, int l) {
    return new Side(name, e.p[i - 1][k], e.u[i][l], e.buys(i, k, l));
  }

  static Violation event(String kind, Chain c, int i, int[] kl, String nameA, Equilibrium<BigFraction> a, String nameB, Equilibrium<BigFraction> b) {
    List<Side> sides = new ArrayList<>(List.of(side(nameA, a, i, kl[0], kl[1]), side(nameB, b, i, kl[0], kl[1])));
    return new Violation(kind, i, c.w[kl[0]], c.w[kl[1]], sides, null, null);
  }

  /** Theorem 4.4: E_i^RAW ⊆ E_i^t for every trade i. */
  public static Violation expansion(Chain c, Reallocation t, TieBreak tb, Candidates cand) {
    return expansion(c, CertifiedAlgorithm.solve(c, Reallocation.raw(c.n), tb, cand), t, tb, cand);
  }

  static Violation expansion(Chain c, Equilibrium<BigFraction> raw, Reallocation t, TieBreak tb, Candidates cand) {
    Equilibrium<BigFraction> e = CertifiedAlgorithm.solve(c, t, tb, cand);
    for (int i = 1; i <= c.n; i++) {
      int[] esc = TradeEvents.firstEscape(raw, e, i);
      if (esc != null) return event("E_" + i + "^RAW not in E_" + i + "^t", c, i, esc, "RAW", raw, "t", e);
    }
    return null;
  }

  /** Theorem 4.3 for player i: E_j^1 = E_j^2 for j != i+1 and E_{i+1}^1 ⊆ E_{i+1}^2. */
  public static Violation local(Chain c, int i, Reallocation t1, Reallocation t2, TieBreak tb, Candidates cand) {
    Equilibrium<BigFraction> e1 = CertifiedAlgorithm.solve(c, t1, tb, cand), e2 = CertifiedAlgorithm.solve(c, t2, tb, cand);
    for (int j = 1; j <= c.n; j++) {
      int[] a = TradeEvents.firstEscape(e1, e2, j);
      if (a != null) return event(j == i + 1 ? "E_" + j + "^1 not in E_" + j + "^2" : "E_" + j + "^1 != E_" + j + "^2 (E^1 larger)", c, j, a, "t1", e1, "t2", e2);
      if (j != i + 1) {
        int[] b = TradeEvents.firstEscape(e2, e1, j);
        if (b != null) return event("E_" + j + "^1 != E_" + j + "^2 (E^2 larger)", c, j, b, "t1", e1, "t2", e2);
      }
    }
    return null;
  }

  /** The remark after Theorem 4.4: a budget-balanced t weakly improves expected social welfare over RAW. */
  public static Violation welfare(Chain c, Reallocation t, TieBreak tb, Candidates cand) {
    return welfare(c, Evaluation.of(CertifiedAlgorithm.solve(c, Reallocation.raw(c.n), tb, cand)).sw(), t, tb, cand);
  }

  static Violation welfare(Chain c, BigFraction swRaw, Reallocation t, TieBreak tb, Candidates cand) {
    BigFraction sw = Evaluation.of(CertifiedAlgorithm.solve(c, t, tb, cand)).sw();
    return sw.subtract(swRaw).signum() < 0 ? new Violation("welfare", 0, null, null, List.of(), sw, swRaw) : null;
  }

  /** Theorem 4.3's conditions (a)-(d) on a pair for player i; null when they hold, else the first that fails. */
  public static String localConditions(Reallocation t1, Reallocation t2, int i) {
    int n = t1.n;
    if (t2.n != n) return "t1 and t2 have different sizes";
    if (i < 0 || i >= n) return "player " + i + " sells nothing (0 <= i < n)";
    for (int j = 1; j <= n; j++) {
      for (int ip = 0; ip <= n; ip++) {
        BigFraction a = t1.get(j, ip), b = t2.get(j, ip);
        if (ip > i && j > ip && a.subtract(b).signum() != 0) return "(a) t1[" + j + "][" + ip + "] != t2[" + j + "][" + ip + "]";
        if (ip == i && j >= i + 2 && a.subtract(b).signum() > 0) return "(b) t1[" + j + "][" + i + "] > t2[" + j + "][" + i + "]";
        if (ip == i && j == i + 1 && a.subtract(b).signum() < 0) return "(c) t1[" + j + "][" + i + "] < t2[" + j + "][" + i + "]";
        if (ip < i && j != ip + 1 && (a.signum() != 0 || b.signum() != 0)) return "(d) t[" + j + "][" + ip + "] != 0 for player " + ip + " < i";
        if (ip < i && a.subtract(b).signum() != 0) return "t1[" + j + "][" + ip + "] != t2[" + j + "][" + ip + "]: the pair differs for player " + ip + ", not only for player i";
      }
    }
    return null;
  }

  /** Whether every seller keeps a positive share of her own sale: t_{i+1,i} > 0 for i = 0..n-1. */
  public static boolean ownSharesPositive(Reallocation t) {
    for (int i = 1; i <= t.n; i++) if (t.get(i, i - 1).signum() <= 0) return false;
    return true;
  }
}

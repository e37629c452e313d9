package org.mechcheck.datatrade;

/**
 * The sequential equilibrium of Equation 9 on a finite grid, as Algorithm 1 returns it:
 * {@code u[i][k]} = s_i(w_k), player i's threshold (buy iff the price is at most it; for player 0
 * her gain); {@code p[i][k]} = p_i(w_k), the price player i posts to i+1; {@code r[i][k]} her
 * expected one-shot revenue p_i Pr[x_{i+1} = 1 | v_i = w_k] (Equation 18); {@code lstar[i][k]} the
 * grid index whose threshold is the price, -1 when no threshold is nonnegative and the price is 0.
 */
public final class Equilibrium<N> {
  public final Chain chain;
  public final Reallocation t;
  public final TieBreak tieBreak;
  public final Field<N> field;
  public final N[][] u;
  public final N[][] p;
  public final N[][] r;
  public final int[][] lstar;

  Equilibrium(Chain chain, Reallocation t, TieBreak tieBreak, Field<N> field, N[][] u, N[][] p, N[][] r, int[][] lstar) {
    this.chain = chain;
    this.t = t;
    this.tieBreak = tieBreak;
    this.field = field;
    this.u = u;
    this.p = p;
    this.r = r;
    this.lstar = lstar;
  }

  /** Whether player i (1..n) with valuation w_l buys at the price player i-1 with w_k posts. */
  public boolean buys(int i, int k, int l) {
    return field.ge(u[i][l], p[i - 1][k]);
  }

  /** Same strategies (thresholds and prices) as another equilibrium. */
  public boolean sameAs(Equilibrium<N> o) {
    for (int i = 0; i <= chain.n; i++) {
      for (int k = 0; k < chain.size(); k++) {
        if (field.compare(u[i][k], o.u[i][k]) != 0) return false;
        if (i < chain.n && (field.compare(p[i][k], o.p[i][k]) != 0 || field.compare(r[i][k], o.r[i][k]) != 0)) return false;
      }
    }
    return true;
  }
}

package org.mechcheck.datatrade;

/**
 * The same equilibrium as {@link PaperAlgorithm}, faster. Algorithm 3's forward program is linear
 * in its starting vector s(i+1, .): the future reallocated profit of player i is
 * sum_l s(i+1, l) F_i(i+1, l), where F_i(j, l) is what player i expects from trades j+1..n when
 * trade j happened with v_j = w_l:
 *
 * <pre>F_i(j, l) = t_{j+1,i} r*(j, l) + sum_{l'} q_{j+1,l,l'} 1{u*(j+1, l') >= p*(j, l)} F_i(j+1, l'),  F_i(n, .) = 0.</pre>
 *
 * F_i is accumulated backwards once per player (O(n L^2) each), and each (valuation, price) pair
 * then costs one sum over player i+1's valuations: O(n^2 L^2 + n L^3) in all, and less with
 * sparse transitions (only nonzero q are visited). The candidate order and the tie-break are
 * those of the paper's algorithm, so the two return the same strategies.
 */
public final class FastAlgorithm {
  private FastAlgorithm() {}

  public static <N> Equilibrium<N> solve(Chain c, Reallocation t, TieBreak tb, Field<N> f) {
    Numbers<N> m = new Numbers<>(c, t, f);
    int n = m.n, L = m.L;
    N[][] u = f.matrix(n + 1), p = f.matrix(n), r = f.matrix(n);
    int[][] lstar = new int[n][L];
    u[n] = m.w.clone();
    for (int i = n - 1; i >= 0; i--) {
      N[] future = futureProfit(c, m, i, u, p, r); // F_i(i+1, .)
      u[i] = f.array(L);
      p[i] = f.array(L);
      r[i] = f.array(L);
      int[][] sup = c.support[i + 1];
      N[][] qi = m.q[i + 1];
      N tii = m.t[i + 1][i];
      for (int k = 0; k < L; k++) {
        int best = -1;
        N bestVal = null, bestSuccess = null;
        for (int kp = 0; kp < L; kp++) {
          N price = u[i + 1][kp];
          if (!f.ge(price, m.zero)) continue;
          N success = m.zero, fut = m.zero;
          for (int l : sup[k]) {
            if (!f.ge(u[i + 1][l], price)) continue;
            success = f.add(success, qi[k][l]);
            if (future != null) fut = f.add(fut, f.mul(qi[k][l], future[l]));
          }
          N val = f.add(f.add(m.w[k], f.mul(f.mul(tii, price), success)), fut);
          if (best < 0 || tb.better(f, val, price, bestVal, u[i + 1][best])) {
            best = kp;
            bestVal = val;
            bestSuccess = success;
          }
        }
        lstar[i][k] = best;
        if (best < 0) {
          u[i][k] = m.w[k];
          p[i][k] = m.zero;
          r[i][k] = m.zero;
        } else {
          u[i][k] = bestVal;
          p[i][k] = u[i + 1][best];
          r[i][k] = f.mul(p[i][k], bestSuccess);
        }
      }
    }
    return new Equilibrium<>(c, t, tb, f, u, p, r, lstar);
  }

  /** F_i(i+1, .), or null when player i has no trades after i+1 (i = n-1). */
  private static <N> N[] futureProfit(Chain c, Numbers<N> m, int i, N[][] u, N[][] p, N[][] r) {
    Field<N> f = m.f;
    int n = m.n, L = m.L;
    if (i + 1 >= n) return null;
    N[] next = null; // F_i(j+1, .)
    for (int j = n - 1; j >= i + 1; j--) {
      N[] cur = f.array(L);
      N share = m.t[j + 1][i];
      boolean shareZero = f.compare(share, m.zero) == 0;
      int[][] sup = c.support[j + 1];
      for (int l = 0; l < L; l++) {
        N acc = shareZero ? m.zero : f.mul(share, r[j][l]);
        if (next != null) {
          for (int lp : sup[l]) if (f.ge(u[j + 1][lp], p[j][l])) acc = f.add(acc, f.mul(m.q[j + 1][l][lp], next[lp]));
        }
        cur[l] = acc;
      }
      next = cur;
    }
    return next;
  }
}

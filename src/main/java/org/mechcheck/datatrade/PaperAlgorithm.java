package org.mechcheck.datatrade;

/**
 * Algorithms 1-3 of 004 (Appendix B) as written: backward over players, for every valuation w_k
 * and every nonnegative threshold of the next player as price, a forward program over the rest of
 * the chain. O(n^2 L^4). The price's tie-break is a parameter (the paper's argmax does not fix one).
 *
 * <p>One index differs from the text: the probability that player i+1 buys from player i uses
 * the transition into stage i+1, q_{i+1,k,l}, where Algorithm 1 line 9 and Equation 18 write
 * q_{i,k,l} (the two agree when the transitions do not depend on the stage, as in §5).
 */
public final class PaperAlgorithm {
  private PaperAlgorithm() {}

  public static <N> Equilibrium<N> solve(Chain c, Reallocation t, TieBreak tb, Field<N> f) {
    Numbers<N> m = new Numbers<>(c, t, f);
    int n = m.n, L = m.L;
    N[][] u = f.matrix(n + 1), p = f.matrix(n), r = f.matrix(n);
    int[][] lstar = new int[n][L];
    u[n] = m.w.clone(); // Algorithm 1 line 2
    for (int i = n - 1; i >= 0; i--) {
      u[i] = f.array(L);
      p[i] = f.array(L);
      r[i] = f.array(L);
      for (int k = 0; k < L; k++) {
        // Algorithm 2: candidate prices are player i+1's nonnegative thresholds
        int best = -1;
        N bestVal = null;
        for (int kp = 0; kp < L; kp++) {
          if (!f.ge(u[i + 1][kp], m.zero)) continue;
          N val = expectedUtility(m, i, k, kp, u, p, r);
          if (best < 0 || tb.better(f, val, u[i + 1][kp], bestVal, u[i + 1][best])) {
            best = kp;
            bestVal = val;
          }
        }
        lstar[i][k] = best;
        if (best < 0) {
          u[i][k] = m.w[k];
          p[i][k] = m.zero;
          r[i][k] = m.zero;
        } else {
          u[i][k] = bestVal;
          p[i][k] = u[i + 1][best]; // Algorithm 1 line 8
          N acc = m.zero;
          for (int l = 0; l < L; l++) if (f.ge(u[i + 1][l], p[i][k])) acc = f.add(acc, m.q[i + 1][k][l]);
          r[i][k] = f.mul(p[i][k], acc); // line 9
        }
      }
    }
    return new Equilibrium<>(c, t, tb, f, u, p, r, lstar);
  }

  /** Algorithm 3: g_i(w_k, u*(i+1, k')), the gain of player i with valuation w_k posting player i+1's threshold at w_{k'}. */
  static <N> N expectedUtility(Numbers<N> m, int i, int k, int kp, N[][] u, N[][] p, N[][] r) {
    Field<N> f = m.f;
    int n = m.n, L = m.L;
    N price = u[i + 1][kp];
    N[] s = f.array(L);
    for (int l = 0; l < L; l++) s[l] = f.ge(u[i + 1][l], price) ? m.q[i + 1][k][l] : m.zero; // line 3
    N future = m.zero;
    for (int j = i + 1; j < n; j++) {
      for (int l = 0; l < L; l++) future = f.add(future, f.mul(f.mul(s[l], m.t[j + 1][i]), r[j][l])); // line 15, stage j
      N[] next = f.array(L);
      for (int lp = 0; lp < L; lp++) { // line 8
        N acc = m.zero;
        for (int l = 0; l < L; l++) if (f.ge(u[j + 1][lp], p[j][l])) acc = f.add(acc, f.mul(s[l], m.q[j + 1][l][lp]));
        next[lp] = acc;
      }
      s = next;
    }
    N success = m.zero; // line 13
    for (int l = 0; l < L; l++) if (f.ge(u[i + 1][l], price)) success = f.add(success, m.q[i + 1][k][l]);
    N oneShot = f.add(m.w[k], f.mul(f.mul(m.t[i + 1][i], price), success)); // line 14
    return f.add(oneShot, future);
  }
}

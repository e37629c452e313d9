package org.mechcheck.datatrade;

/**
 * The equilibrium trade events of 004 §4: E_i = {v : s_i(v_i) >= p_{i-1}(v_{i-1})}, compared on the
 * support of the valuation distribution (pairs (v_{i-1}, v_i) = (w_k, w_l) with w_k reachable at
 * stage i-1 and q_{i,k,l} > 0): sets that differ only off the support are the same event.
 */
public final class TradeEvents {
  private TradeEvents() {}

  /** The first pair where trade i's event under {@code a} holds and under {@code b} fails, as {k, l}; null when E_i^a ⊆ E_i^b. */
  public static <N> int[] firstEscape(Equilibrium<N> a, Equilibrium<N> b, int i) {
    boolean[] reach = reachable(a.chain, i - 1);
    for (int k = 0; k < reach.length; k++) {
      if (!reach[k]) continue;
      for (int l : a.chain.support[i][k]) if (a.buys(i, k, l) && !b.buys(i, k, l)) return new int[] {k, l};
    }
    return null;
  }

  /** Grid states with positive probability at stage {@code stage} (v_0 at stage 0). */
  static boolean[] reachable(Chain c, int stage) {
    boolean[] r = new boolean[c.size()];
    r[c.v0] = true;
    for (int i = 1; i <= stage; i++) {
      boolean[] next = new boolean[c.size()];
      for (int k = 0; k < r.length; k++) if (r[k]) for (int l : c.support[i][k]) next[l] = true;
      r = next;
    }
    return r;
  }
}

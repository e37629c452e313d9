package org.mechcheck.datatrade;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected outcome of an equilibrium, exactly, by one forward pass over the chain (no sampling):
 * a_i(l) = Pr[v_i = w_l and trades 1..i all happen], a_0 = the point mass on v_0, and
 * a_i(l') = sum_l a_{i-1}(l) q_{i,l,l'} 1{u*(i, l') >= p*(i-1, l)}. Trade i's expected price is
 * sum_l a_{i-1}(l) r*(i-1, l); player j's utility is Equation 2 in expectation: her valuation and
 * price if she bought, plus her shares t_{ij} of every later trade's price. Player 0 always has her
 * valuation (p_{-1} = 0, the empty product is 1). SW is the sum over players 0..n (004 §2.3);
 * TV the expected number of trades.
 */
public record Evaluation<N>(List<N> success, List<N> utility, N sw, N tv) {

  public static <N> Evaluation<N> of(Equilibrium<N> e) {
    Field<N> f = e.field;
    Chain c = e.chain;
    int n = c.n, L = c.size();
    Numbers<N> m = new Numbers<>(c, e.t, f);
    N[] a = f.array(L);
    a[c.v0] = f.of(org.apache.commons.numbers.fraction.BigFraction.ONE);
    N[] util = f.array(n + 1);
    util[0] = m.w[c.v0];
    List<N> success = new ArrayList<>();
    N tv = m.zero;
    for (int i = 1; i <= n; i++) {
      N pay = m.zero;
      for (int l = 0; l < L; l++) pay = f.add(pay, f.mul(a[l], e.r[i - 1][l]));
      for (int j = 0; j < i; j++) util[j] = f.add(util[j], f.mul(m.t[i][j], pay));
      N[] next = f.array(L);
      for (int l = 0; l < L; l++) {
        if (f.compare(a[l], m.zero) == 0) continue;
        for (int lp : c.support[i][l]) if (f.ge(e.u[i][lp], e.p[i - 1][l])) next[lp] = f.add(next[lp], f.mul(a[l], m.q[i][l][lp]));
      }
      a = next;
      N occurs = m.zero, value = m.zero;
      for (int l = 0; l < L; l++) {
        occurs = f.add(occurs, a[l]);
        value = f.add(value, f.mul(a[l], m.w[l]));
      }
      util[i] = f.add(util[i], f.sub(value, pay));
      success.add(occurs);
      tv = f.add(tv, occurs);
    }
    N sw = m.zero;
    for (N x : util) sw = f.add(sw, x);
    return new Evaluation<>(List.copyOf(success), List.of(util), sw, tv);
  }

  public double swDouble(Field<N> f) {
    return f.toDouble(sw);
  }
}

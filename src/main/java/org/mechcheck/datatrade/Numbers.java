package org.mechcheck.datatrade;

import org.apache.commons.numbers.fraction.BigFraction;

/** A chain and a mechanism in the numbers of one {@link Field}. */
final class Numbers<N> {
  final Field<N> f;
  final int n;
  final int L;
  final N[] w;
  final N[][][] q;
  final N[][] t;
  final N zero;

  Numbers(Chain c, Reallocation re, Field<N> f) {
    if (re.n != c.n) throw new org.mechcheck.store.InputException("t: " + re.n + " trades but the chain has n = " + c.n);
    this.f = f;
    this.n = c.n;
    this.L = c.size();
    this.zero = f.zero();
    this.w = conv(f, c.w);
    this.q = f.cube(n + 1);
    for (int i = 1; i <= n; i++) {
      // stationary chains share one matrix: convert it once
      if (i > 1 && c.q[i] == c.q[i - 1]) {
        q[i] = q[i - 1];
        continue;
      }
      q[i] = f.matrix(L);
      for (int k = 0; k < L; k++) q[i][k] = conv(f, c.q[i][k]);
    }
    this.t = f.matrix(n + 1);
    for (int i = 0; i <= n; i++) {
      BigFraction[] row = new BigFraction[n + 1];
      for (int j = 0; j <= n; j++) row[j] = re.get(i, j);
      t[i] = conv(f, row);
    }
  }

  static <N> N[] conv(Field<N> f, BigFraction[] xs) {
    N[] out = f.array(xs.length);
    for (int k = 0; k < xs.length; k++) out[k] = f.of(xs[k]);
    return out;
  }

  N[][] matrix(int rows) {
    return f.matrix(rows);
  }
}

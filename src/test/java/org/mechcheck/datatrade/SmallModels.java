package org.mechcheck.datatrade;

import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;

/** Small random chains with coarse rational grids (ties are common) for the property tests. */
final class SmallModels {
  private SmallModels() {}

  static Chain chain(Random rng, int maxN, int maxL) {
    int n = 1 + rng.nextInt(maxN), L = 1 + rng.nextInt(maxL);
    BigFraction[] w = new BigFraction[L];
    for (int k = 0; k < L; k++) w[k] = BigFraction.of(rng.nextInt(13) - 4, 1 + rng.nextInt(4));
    BigFraction[][][] q = new BigFraction[n + 1][][];
    for (int i = 1; i <= n; i++) {
      q[i] = new BigFraction[L][L];
      for (int k = 0; k < L; k++) {
        int[] a = new int[L];
        int s = 0;
        for (int l = 0; l < L; l++) s += (a[l] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(4));
        if (s == 0) {
          a[rng.nextInt(L)] = 1;
          s = 1;
        }
        for (int l = 0; l < L; l++) q[i][k][l] = BigFraction.of(a[l], s);
      }
    }
    return new Chain("small", n, w, rng.nextInt(L), q);
  }

  static Reallocation mechanism(Random rng, int n) {
    switch (rng.nextInt(4)) {
      case 0:
        return Reallocation.raw(n);
      case 1:
        return Reallocation.ave(n);
      case 2:
        return Reallocation.tbds(n, BigFraction.of(rng.nextInt(5), 4));
      default:
        return RandomModels.matrix(rng, n, rng.nextBoolean());
    }
  }
}

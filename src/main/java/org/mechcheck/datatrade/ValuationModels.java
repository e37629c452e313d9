package org.mechcheck.datatrade;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.store.InputException;

/**
 * The four valuation models of 004 §5.1. Every one draws k' uniformly from {k-2, ..., k+2} and sets
 * v_i = w_{k'}; v_0 = w_0. Indices that leave the grid are clipped to its ends (Model 2's
 * "truncates k' to [0, 2n]"; in Models 1, 3 and 4 only states unreachable from w_0 ever clip, so
 * clipping there only fixes the rows the paper leaves undefined).
 *
 * <p>e^{k/2} is irrational: the grid holds the exact rational value of the IEEE double nearest to
 * it, and everything downstream is exact on that grid (spec/datatrade.md).
 */
public final class ValuationModels {
  private ValuationModels() {}

  /** Model 3's readings of w_k = (-e)^{k/2}, which is not real for odd k (spec/datatrade.md). */
  public static final List<String> MODEL3_READINGS = List.of("alternating", "real-part", "negative-below");

  public static Chain model(int model, int n) {
    return model(model, n, "alternating");
  }

  public static Chain model(int model, int n, String model3Reading) {
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    if (n > MAX_N) throw new InputException("n: the presets' chains have at most " + MAX_N + " trades (their grids run over e^{k/2}, |k| <= 2n), got " + n);
    switch (model) {
      case 1:
        return fiveNeighbour("model 1", n, -2 * n, 2 * n, k -> exp(k));
      case 2:
        return fiveNeighbour("model 2", n, 0, 2 * n, k -> BigFraction.of(k, 2L * n));
      case 3:
        return fiveNeighbour("model 3 (" + model3Reading + ")", n, -2 * n, 2 * n, model3(model3Reading));
      case 4:
        return fiveNeighbour("model 4", n, -2 * n, 2 * n, k -> BigFraction.of(k, 2L * n));
      default:
        throw new InputException("model: " + model + " (004 §5.1 has models 1-4)");
    }
  }

  /**
   * The longest chain of the presets: their grids run over e^{k/2} for |k| <= 2n, which must be a
   * double (e^{n}, finite for n up to 709) before it is taken exactly.
   */
  public static final int MAX_N = 300;

  static IntFunction<BigFraction> model3(String reading) {
    switch (reading) {
      case "alternating": // (-e)^{k/2} read as (-1)^k e^{k/2}
        return k -> (k % 2 == 0) ? exp(k) : exp(k).negate();
      case "real-part": // Re((-e)^{k/2}) = e^{k/2} cos(pi k / 2): 0 for odd k, sign alternating over even k
        return k -> {
          int m = Math.floorMod(k, 4);
          return m == 0 ? exp(k) : m == 2 ? exp(k).negate() : BigFraction.ZERO;
        };
      case "negative-below": // e^{k/2} for k >= 0, -e^{k/2} below
        return k -> k >= 0 ? exp(k) : exp(k).negate();
      default:
        throw new InputException("model 3 reading: '" + reading + "' (known: " + String.join(", ", MODEL3_READINGS) + ")");
    }
  }

  /** e^{k/2} as the exact value of the nearest double. */
  static BigFraction exp(int k) {
    return org.mechcheck.num.Rationals.fromDecimal(new BigDecimal(Math.exp(k / 2.0)));
  }

  static Chain fiveNeighbour(String name, int n, int lo, int hi, IntFunction<BigFraction> value) {
    int L = hi - lo + 1;
    BigFraction[] w = new BigFraction[L];
    for (int k = lo; k <= hi; k++) w[k - lo] = value.apply(k);
    BigFraction fifth = BigFraction.of(1, 5);
    BigFraction[][] q = new BigFraction[L][L];
    for (BigFraction[] row : q) java.util.Arrays.fill(row, BigFraction.ZERO);
    for (int a = 0; a < L; a++) {
      for (int d = -2; d <= 2; d++) {
        int b = Math.min(Math.max(a + d, 0), L - 1);
        q[a][b] = q[a][b].add(fifth);
      }
    }
    return Chain.stationary(name, n, w, -lo, q);
  }
}

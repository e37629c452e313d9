package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.kernel.LocalAuction;
import org.mechcheck.kernel.Selection;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.num.IntegerUnits;

/**
 * Second prices. On exact values that fit the kernels' bound (every run, check and replay) they
 * come from the KeY-proven kernels; the symbolic and floating-point arithmetics compute the same
 * formula themselves, and KernelBridgeProperties checks that the two agree.
 */
public final class Prices {
  private Prices() {}

  /** What the highest of {@code bids} pays in a second-price auction without reserve: max(0, second-highest bid). */
  @SuppressWarnings("unchecked")
  public static <N> N vickrey(Arith<N> a, List<N> bids) {
    if (bids.size() < 2) return a.zero();
    IntegerUnits u = a == Exact.INSTANCE ? IntegerUnits.of((List<BigFraction>) bids) : null;
    if (u != null) return (N) u.value(Math.max(0, Selection.secondHighest(u.values())));
    List<N> others = new ArrayList<>(bids);
    others.remove(a.argmax(bids));
    return a.maxOr(a.zero(), others);
  }

  /**
   * The resale price of 001's local auction: max(paid, the invitees' bids but the highest, 0), so
   * a holder never resells below what she paid (Theorem 5.2).
   */
  @SuppressWarnings("unchecked")
  public static <N> N resale(Arith<N> a, N paid, List<N> others) {
    if (a == Exact.INSTANCE) {
      List<BigFraction> all = new ArrayList<>();
      all.add((BigFraction) paid);
      for (N x : others) all.add((BigFraction) x);
      IntegerUnits u = IntegerUnits.of(all);
      if (u != null && Arrays.stream(u.values()).allMatch(v -> v >= 0)) {
        return (N) u.value(LocalAuction.price(Arrays.copyOfRange(u.values(), 1, all.size()), u.values()[0]));
      }
    }
    return a.max(paid, a.maxOr(a.zero(), others));
  }
}

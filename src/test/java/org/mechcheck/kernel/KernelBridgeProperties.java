package org.mechcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Prices;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Linear;

/**
 * The two ways mechanisms reach the kernels give the kernels' own numbers: the affine
 * evaluation of {@link Linear} (kernel on 0 and unit vectors, combined in another arithmetic)
 * agrees with calling the kernel directly, and exact argmax through integer units agrees with
 * the plain comparison loop, ties included.
 */
class KernelBridgeProperties {
  private static List<BigFraction> exact(long[] xs) {
    List<BigFraction> out = new ArrayList<>();
    for (long x : xs) out.add(BigFraction.of(x));
    return out;
  }

  @Property
  void telescopingThroughLinearIsTheKernel(@ForAll @Size(min = 1, max = 8) List<@LongRange(min = -1000, max = 1000) Long> prices,
      @ForAll @IntRange(min = 0, max = 7) int stop, @ForAll @IntRange(min = 0, max = 7) int t) {
    long[] p = prices.stream().mapToLong(Long::longValue).toArray();
    int s = Math.min(stop, p.length - 1), at = Math.min(t, p.length - 1);
    BigFraction viaLinear = Linear.apply(Exact.INSTANCE, x -> Telescoping.payment(x, s, at), exact(p));
    assertEquals(BigFraction.of(Telescoping.payment(p, s, at)), viaLinear);
  }

  @Property
  void reimbursementThroughLinearIsTheKernel(@ForAll @Size(min = 2, max = 8) List<@LongRange(min = 0, max = 1000) Long> costs,
      @ForAll @IntRange(min = 1, max = 7) int p) {
    long[] c = costs.stream().mapToLong(Long::longValue).toArray();
    int winner = c.length - 1, at = Math.min(p, winner);
    BigFraction viaLinear = Linear.apply(Exact.INSTANCE, x -> Reimbursement.payment(x, winner, at), exact(c));
    assertEquals(BigFraction.of(Reimbursement.payment(c, winner, at)), viaLinear);
  }

  @Property
  void customerSharingThroughLinearIsTheKernel(@ForAll @LongRange(min = -1000, max = 1000) long a, @ForAll @LongRange(min = -1000, max = 1000) long b,
      @ForAll @LongRange(min = -1000, max = 1000) long c) {
    BigFraction viaLinear = Linear.apply(Exact.INSTANCE, x -> CustomerSharingPayment.payment(x[0], x[1], x[2]), exact(new long[] {a, b, c}));
    assertEquals(BigFraction.of(CustomerSharingPayment.payment(a, b, c)), viaLinear);
  }

  /** An arithmetic on exact rationals that never reaches a kernel: the plain formulas. */
  private static final Arith<BigFraction> PLAIN = new Arith<>() {
    public BigFraction of(BigFraction q) { return q; }
    public BigFraction add(BigFraction x, BigFraction y) { return x.add(y); }
    public BigFraction sub(BigFraction x, BigFraction y) { return x.subtract(y); }
    public BigFraction mul(BigFraction x, BigFraction k) { return x.multiply(k); }
    public boolean ge(BigFraction x, BigFraction y) { return x.compareTo(y) >= 0; }
  };

  @Property
  void secondPricesThroughTheKernelsAreThePlainFormulas(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = -4, max = 9) Integer> nums,
      @ForAll @IntRange(min = 1, max = 3) int den, @ForAll @IntRange(min = 0, max = 9) int paid) {
    List<BigFraction> bids = nums.stream().map(n -> BigFraction.of(n, den)).toList();
    assertEquals(Prices.vickrey(PLAIN, bids), Prices.vickrey(Exact.INSTANCE, bids), () -> "vickrey price of " + bids);
    List<BigFraction> others = bids.stream().map(b -> b.signum() < 0 ? b.negate() : b).toList();
    BigFraction p = BigFraction.of(paid, den);
    assertEquals(Prices.resale(PLAIN, p, others), Prices.resale(Exact.INSTANCE, p, others), () -> "resale price of " + others + " after " + p);
  }

  @Property
  void exactArgmaxIsTheComparisonLoop(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = -3, max = 3) Integer> nums,
      @ForAll @IntRange(min = 1, max = 4) int den) {
    // denominators of either sign: commons-numbers 1.3 may keep the sign there
    List<BigFraction> xs = nums.stream().map(n -> BigFraction.of(n, (n % 2 == 0 ? 1 : -1) * (den + Math.abs(n) % 2))).toList();
    assertEquals(PLAIN.argmax(xs), Exact.INSTANCE.argmax(xs), () -> "argmax of " + xs);
    assertEquals(PLAIN.argmin(xs), Exact.INSTANCE.argmin(xs), () -> "argmin of " + xs);
  }

  @Property
  void resalePriceIsTheLargerOfWhatWasPaidAndTheOtherBids(@ForAll @Size(max = 6) List<@LongRange(min = 0, max = 50) Long> others,
      @ForAll @LongRange(min = 0, max = 50) long paid) {
    long[] o = others.stream().mapToLong(Long::longValue).toArray();
    long expected = Math.max(paid, Arrays.stream(o).max().orElse(0));
    assertEquals(expected, LocalAuction.price(o, paid));
  }
}

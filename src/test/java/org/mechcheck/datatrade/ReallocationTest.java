package org.mechcheck.datatrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.kernel.ReallocationKernel;
import org.mechcheck.store.InputException;

class ReallocationTest {

  @Test
  void builtInMechanismsAreFeasible() {
    for (int n = 1; n <= 8; n++) {
      assertTrue(Reallocation.raw(n).budgetBalanced());
      assertTrue(Reallocation.ave(n).budgetBalanced());
      assertTrue(Reallocation.tbds(n, BigFraction.of(1, 3)).budgetBalanced()); // (1-a) sum a^m + a^{i-1} = 1
    }
    assertEquals(BigFraction.of(2, 9), Reallocation.tbds(3, BigFraction.of(1, 3)).get(3, 1)); // (1 - 1/3) (1/3)^1
    assertEquals(BigFraction.of(1, 9), Reallocation.tbds(3, BigFraction.of(1, 3)).get(3, 0));
  }

  @Test
  void overBudgetRowIsNamed() {
    BigFraction[][] t = Reallocation.empty(3);
    t[1][0] = BigFraction.ONE;
    t[2][0] = BigFraction.of(2, 3);
    t[2][1] = BigFraction.of(1, 2);
    InputException e = assertThrows(InputException.class, () -> new Reallocation("x", t));
    assertTrue(e.getMessage().startsWith("t[2]:") && e.getMessage().contains("7/6") && e.getMessage().contains("Definition 2.5"), e.getMessage());
  }

  @Test
  void futureShareIsNamed() {
    BigFraction[][] t = Reallocation.empty(3);
    t[3][3] = BigFraction.of(1, 4);
    InputException e = assertThrows(InputException.class, () -> new Reallocation("x", t));
    assertTrue(e.getMessage().startsWith("t[3][3]:") && e.getMessage().contains("Definition 2.6"), e.getMessage());
  }

  @Test
  void negativeShareIsNamed() {
    BigFraction[][] t = Reallocation.empty(2);
    t[2][0] = BigFraction.of(-1, 4);
    InputException e = assertThrows(InputException.class, () -> new Reallocation("x", t));
    assertTrue(e.getMessage().startsWith("t[2][0]:"), e.getMessage());
  }

  @Test
  void hugeDenominatorsAreRefused() {
    BigFraction[][] t = Reallocation.empty(1);
    t[1][0] = BigFraction.of(java.math.BigInteger.ONE, java.math.BigInteger.TWO.pow(41));
    InputException e = assertThrows(InputException.class, () -> new Reallocation("x", t));
    assertTrue(e.getMessage().contains("2^40"), e.getMessage());
  }

  /** The kernel against the definitions written out directly. */
  @Property(tries = 300)
  void kernelMatchesDefinitions(@ForAll long seed) {
    Random rng = new Random(seed);
    int n = 1 + rng.nextInt(5);
    long den = 1 + rng.nextInt(6);
    long[] t = new long[n * (n + 1)];
    for (int x = 0; x < t.length; x++) t[x] = rng.nextInt(4) == 0 ? rng.nextInt(5) - 1 : 0;
    int firstNeg = -1, firstFuture = -1, firstOver = -1;
    for (int x = 0; x < t.length && firstNeg < 0; x++) if (t[x] < 0) firstNeg = x;
    for (int r = 0; r < n && firstFuture < 0; r++) for (int c = r + 1; c <= n && firstFuture < 0; c++) if (t[r * (n + 1) + c] != 0) firstFuture = r * (n + 1) + c;
    for (int r = 0; r < n && firstOver < 0; r++) {
      long s = 0;
      for (int c = 0; c <= n; c++) s += t[r * (n + 1) + c];
      if (s > den) firstOver = r;
    }
    assertEquals(firstNeg, ReallocationKernel.firstNegative(t, n));
    assertEquals(firstFuture, ReallocationKernel.firstFutureEntry(t, n));
    assertEquals(firstOver, ReallocationKernel.firstOverBudgetRow(t, n, den));
  }
}

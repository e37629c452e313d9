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
    int n = 1 + rng.nextInt(5), trade = 1 + rng.nextInt(n);
    long den = 1 + rng.nextInt(6);
    long[] row = new long[n + 1];
    for (int x = 0; x < row.length; x++) row[x] = rng.nextInt(4) == 0 ? rng.nextInt(5) - 1 : 0;
    int firstNeg = -1, firstFuture = -1;
    long sum = 0;
    for (int x = 0; x < row.length; x++) {
      if (row[x] < 0 && firstNeg < 0) firstNeg = x;
      if (x >= trade && row[x] != 0 && firstFuture < 0) firstFuture = x;
      sum += row[x];
    }
    assertEquals(firstNeg, ReallocationKernel.firstNegative(row));
    assertEquals(firstFuture, ReallocationKernel.firstFutureShare(row, trade));
    assertEquals(sum > den, ReallocationKernel.overBudget(row, den));
  }
}

package org.mechcheck.control;

/**
 * The negative control of the KeY run: a kernel whose contract is false. Telescoping payments
 * add up to the first price, not the price of the agent who keeps the item, so KeY must leave
 * this open; a proof run that closes it proves things by accident and fails KeyProofsTest.
 */
public final class WrongRevenue {
  private WrongRevenue() {}

  /*@ public normal_behavior
    @ requires price != null && 1 <= price.length && price.length <= 1048576;
    @ requires 0 <= stop && stop < price.length;
    @ requires (\forall int i; 0 <= i && i < price.length; -1099511627776L <= price[i] && price[i] <= 1099511627776L);
    @ ensures \result == price[stop];
    @ assignable \strictly_nothing;
    @*/
  public static long revenue(long[] price, int stop) {
    long total = 0;
    /*@ loop_invariant 0 <= t && t <= stop && total == price[0] - price[t];
      @ assignable \strictly_nothing;
      @ decreases stop - t;
      @*/
    for (int t = 0; t < stop; t++) {
      total += price[t] - price[t + 1];
    }
    return total + price[stop];
  }
}

package org.mechcheck.kernel;

/**
 * The local auction of the sequential resale auction (001 §4): a holder who bought the item at
 * {@code paid} resells it to the highest of her invitees at the larger of {@code paid} and the
 * second-highest invitee bid (0 when there is none), so she never sells below what she paid
 * (Theorem 5.2: no local seller loses money).
 */
public final class LocalAuction {
  private LocalAuction() {}

  /** The resale price, given the bids of every invitee but the highest. */
  /*@ public normal_behavior
    @ requires others != null && 0 <= paid && paid <= 1099511627776L;
    @ requires (\forall int i; 0 <= i && i < others.length; 0 <= others[i] && others[i] <= 1099511627776L);
    @ ensures \result >= paid;
    @ ensures (\forall int i; 0 <= i && i < others.length; others[i] <= \result);
    @ ensures \result == paid || (\exists int i; 0 <= i && i < others.length; others[i] == \result);
    @ assignable \strictly_nothing;
    @*/
  public static long price(long[] others, long paid) {
    long price = paid;
    /*@ loop_invariant 0 <= k && k <= others.length && price >= paid
      @   && (\forall int i; 0 <= i && i < k; others[i] <= price)
      @   && (price == paid || (\exists int i; 0 <= i && i < k; others[i] == price));
      @ assignable \strictly_nothing;
      @ decreases others.length - k;
      @*/
    for (int k = 0; k < others.length; k++) {
      if (others[k] > price) price = others[k];
    }
    return price;
  }
}

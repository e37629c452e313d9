package org.mechcheck.kernel;

/**
 * The payment sequence of the diffusion mechanisms along a critical sequence d_0, ..., d_k:
 * price[t] is what the item fetches without d_t's dominated set, and d_stop keeps the item.
 * Each d_t before d_stop passes the item on and pays price[t] - price[t+1] (a reward when
 * negative), d_stop pays price[stop], later ones nothing, so the seller's revenue telescopes to
 * price[0]. IDM (002) is exactly this; IDM-TC (000 §3) adds cost reimbursements that sum to zero
 * ({@link Reimbursement}). Payments are affine in the prices for fixed indices:
 * {@code org.mechcheck.num.Linear} evaluates them on any number type through that.
 */
public final class Telescoping {
  private Telescoping() {}

  /** What d_t pays. */
  /*@ public normal_behavior
    @ requires price != null && 1 <= price.length;
    @ requires 0 <= stop && stop < price.length && 0 <= t && t < price.length;
    @ requires (\forall int i; 0 <= i && i < price.length; -1099511627776L <= price[i] && price[i] <= 1099511627776L);
    @ ensures t < stop ==> \result == price[t] - price[t + 1];
    @ ensures t == stop ==> \result == price[stop];
    @ ensures t > stop ==> \result == 0;
    @ assignable \strictly_nothing;
    @*/
  public static long payment(long[] price, int stop, int t) {
    if (t < stop) return price[t] - price[t + 1];
    if (t == stop) return price[stop];
    return 0;
  }

  /** The seller's revenue: the sum of every payment of the sequence, which telescopes to price[0]. */
  /*@ public normal_behavior
    @ requires price != null && 1 <= price.length && price.length <= 1048576;
    @ requires 0 <= stop && stop < price.length;
    @ requires (\forall int i; 0 <= i && i < price.length; -1099511627776L <= price[i] && price[i] <= 1099511627776L);
    @ ensures \result == price[0];
    @ assignable \strictly_nothing;
    @*/
  public static long revenue(long[] price, int stop) {
    long total = 0;
    /*@ loop_invariant 0 <= t && t <= price.length
      @   && total == (t <= stop ? price[0] - price[t] : price[0]);
      @ assignable \strictly_nothing;
      @ decreases price.length - t;
      @*/
    for (int t = 0; t < price.length; t++) {
      total += payment(price, stop, t);
    }
    return total;
  }
}

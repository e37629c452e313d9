package org.mechcheck.kernel;

/**
 * The tie-break every mechanism shares: the highest value wins and, among equal values, the
 * lowest index. Kept in KeY's Java subset so that the contract is proven, not just stated.
 * Values are money in integer units (exact rationals over a common denominator); the bound keeps
 * every comparison free of overflow.
 */
public final class Selection {
  private Selection() {}

  /** The largest magnitude a kernel value may have: 2^40 units. */
  public static final long BOUND = 1099511627776L;

  /** Index of the highest value, the lowest index among ties. */
  /*@ public normal_behavior
    @ requires xs != null && xs.length >= 1;
    @ ensures 0 <= \result && \result < xs.length;
    @ ensures (\forall int i; 0 <= i && i < xs.length; xs[i] <= xs[\result]);
    @ ensures (\forall int i; 0 <= i && i < \result; xs[i] < xs[\result]);
    @ assignable \strictly_nothing;
    @*/
  public static int argmax(long[] xs) {
    int best = 0;
    /*@ loop_invariant 1 <= k && k <= xs.length && 0 <= best && best < k
      @   && (\forall int i; 0 <= i && i < k; xs[i] <= xs[best])
      @   && (\forall int i; 0 <= i && i < best; xs[i] < xs[best]);
      @ assignable \strictly_nothing;
      @ decreases xs.length - k;
      @*/
    for (int k = 1; k < xs.length; k++) {
      if (xs[k] > xs[best]) best = k;
    }
    return best;
  }

  /** Index of the lowest value, the lowest index among ties. */
  /*@ public normal_behavior
    @ requires xs != null && xs.length >= 1;
    @ ensures 0 <= \result && \result < xs.length;
    @ ensures (\forall int i; 0 <= i && i < xs.length; xs[\result] <= xs[i]);
    @ ensures (\forall int i; 0 <= i && i < \result; xs[\result] < xs[i]);
    @ assignable \strictly_nothing;
    @*/
  public static int argmin(long[] xs) {
    int best = 0;
    /*@ loop_invariant 1 <= k && k <= xs.length && 0 <= best && best < k
      @   && (\forall int i; 0 <= i && i < k; xs[best] <= xs[i])
      @   && (\forall int i; 0 <= i && i < best; xs[best] < xs[i]);
      @ assignable \strictly_nothing;
      @ decreases xs.length - k;
      @*/
    for (int k = 1; k < xs.length; k++) {
      if (xs[k] < xs[best]) best = k;
    }
    return best;
  }

  /**
   * The second-highest value: what the highest bidder pays in a second-price auction. It is
   * another bidder's value, and no two bidders both lie above it.
   */
  /*@ public normal_behavior
    @ requires xs != null && xs.length >= 2;
    @ ensures (\exists int i; 0 <= i && i < xs.length;
    @           (\exists int j; 0 <= j && j < xs.length && j != i; xs[j] == \result && xs[i] >= \result));
    @ ensures (\forall int i; 0 <= i && i < xs.length;
    @           (\forall int j; 0 <= j && j < xs.length && j != i; xs[i] <= \result || xs[j] <= \result));
    @ assignable \strictly_nothing;
    @*/
  public static long secondHighest(long[] xs) {
    int w = 0;
    int s = 1;
    if (xs[1] > xs[0]) {
      w = 1;
      s = 0;
    }
    /*@ loop_invariant 2 <= k && k <= xs.length
      @   && 0 <= w && w < k && 0 <= s && s < k && w != s
      @   && xs[s] <= xs[w]
      @   && (\forall int i; 0 <= i && i < k; xs[i] <= xs[w])
      @   && (\forall int i; 0 <= i && i < k && i != w; xs[i] <= xs[s]);
      @ assignable \strictly_nothing;
      @ decreases xs.length - k;
      @*/
    for (int k = 2; k < xs.length; k++) {
      if (xs[k] > xs[w]) {
        s = w;
        w = k;
      } else if (xs[k] > xs[s]) {
        s = k;
      }
    }
    return xs[s];
  }
}

package org.mechcheck.kernel;

/**
 * The validity of one row of a reallocation matrix of 004: the shares of trade i's price, one
 * per player 0..n, scaled to integers over a common denominator {@code den}. Nonnegative (§2.2),
 * budget feasible (Definition 2.5: the shares sum to at most 1, i.e. to at most {@code den}) and
 * past only (Definition 2.6: t_ij = 0 for j >= i). Each check returns the offending player, so the
 * caller can name the entry, or -1. The caller (datatrade.Reallocation) enforces the bounds.
 */
public final class ReallocationKernel {
  private ReallocationKernel() {}

  /** The first player with a negative share, or -1. */
  /*@ public normal_behavior
    @ requires row != null;
    @ ensures (\result == -1) <==> (\forall int j; 0 <= j && j < row.length; row[j] >= 0);
    @ ensures \result != -1 ==> 0 <= \result && \result < row.length && row[\result] < 0
    @           && (\forall int j; 0 <= j && j < \result; row[j] >= 0);
    @ assignable \strictly_nothing;
    @*/
  public static int firstNegative(long[] row) {
    /*@ loop_invariant 0 <= j && j <= row.length && (\forall int k; 0 <= k && k < j; row[k] >= 0);
      @ assignable \strictly_nothing;
      @ decreases row.length - j;
      @*/
    for (int j = 0; j < row.length; j++) {
      if (row[j] < 0) return j;
    }
    return -1;
  }

  /** The first player j >= trade whose share of that trade is not zero (a share of a future sale), or -1. */
  /*@ public normal_behavior
    @ requires row != null && 0 <= trade;
    @ ensures (\result == -1) <==> (\forall int j; trade <= j && j < row.length; row[j] == 0);
    @ ensures \result != -1 ==> trade <= \result && \result < row.length && row[\result] != 0
    @           && (\forall int j; trade <= j && j < \result; row[j] == 0);
    @ assignable \strictly_nothing;
    @*/
  public static int firstFutureShare(long[] row, int trade) {
    if (trade >= row.length) return -1;
    /*@ loop_invariant trade <= j && j <= row.length && (\forall int k; trade <= k && k < j; row[k] == 0);
      @ assignable \strictly_nothing;
      @ decreases row.length - j;
      @*/
    for (int j = trade; j < row.length; j++) {
      if (row[j] != 0) return j;
    }
    return -1;
  }

  /** Whether the shares add up to more than the whole price ({@code den}). */
  /*@ public normal_behavior
    @ requires row != null && row.length <= 1048576 && 1 <= den && den <= 1099511627776L;
    @ requires (\forall int j; 0 <= j && j < row.length; -1099511627776L <= row[j] && row[j] <= 1099511627776L);
    @ ensures \result <==> (\sum int j; 0 <= j && j < row.length; row[j]) > den;
    @ assignable \strictly_nothing;
    @*/
  public static boolean overBudget(long[] row, long den) {
    long shares = 0;
    /*@ loop_invariant 0 <= j && j <= row.length
      @   && shares == (\sum int k; 0 <= k && k < j; row[k])
      @   && -j * 1099511627776L <= shares && shares <= j * 1099511627776L;
      @ assignable \strictly_nothing;
      @ decreases row.length - j;
      @*/
    for (int j = 0; j < row.length; j++) {
      shares += row[j];
    }
    return shares > den;
  }
}

package org.mechcheck.kernel;

/**
 * Transaction costs along a trading chain (000): every intermediary on the chain is repaid her
 * cost and the buyer at the end of the chain covers them all, so the chain's costs never reach
 * the seller's revenue. Positions 0..winner of {@code cost} are the chain from the seller; the
 * seller and the buyer have no cost. Affine in the costs for a fixed chain.
 */
public final class Reimbursement {
  private Reimbursement() {}

  /** What the agent at chain position p pays towards the chain's costs (negative: she is repaid). */
  /*@ public normal_behavior
    @ requires cost != null && 1 <= winner && winner < cost.length && cost.length <= 1048576;
    @ requires 1 <= p && p <= winner;
    @ requires (\forall int i; 0 <= i && i < cost.length; 0 <= cost[i] && cost[i] <= 1099511627776L);
    @ ensures p < winner ==> \result == -cost[p];
    @ ensures p == winner ==> \result == (\sum int i; 1 <= i && i < winner; cost[i]);
    @ assignable \strictly_nothing;
    @*/
  public static long payment(long[] cost, int winner, int p) {
    if (p < winner) return -cost[p];
    long chain = 0;
    /*@ loop_invariant 1 <= i && i <= winner
      @   && chain == (\sum int j; 1 <= j && j < i; cost[j])
      @   && 0 <= chain && chain <= (i - 1) * 1099511627776L;
      @ assignable \strictly_nothing;
      @ decreases winner - i;
      @*/
    for (int i = 1; i < winner; i++) {
      chain += cost[i];
    }
    return chain;
  }

  /** The chain's reimbursements add up to nothing: the seller neither pays nor keeps any cost. */
  /*@ public normal_behavior
    @ requires cost != null && 1 <= winner && winner < cost.length && cost.length <= 1048576;
    @ requires (\forall int i; 0 <= i && i < cost.length; 0 <= cost[i] && cost[i] <= 1099511627776L);
    @ ensures \result == 0;
    @ assignable \strictly_nothing;
    @*/
  public static long total(long[] cost, int winner) {
    long total = 0;
    /*@ loop_invariant 1 <= p && p <= winner
      @   && total == -(\sum int j; 1 <= j && j < p; cost[j])
      @   && -(p - 1) * 1099511627776L <= total && total <= 0;
      @ assignable \strictly_nothing;
      @ decreases winner - p;
      @*/
    for (int p = 1; p < winner; p++) {
      total += payment(cost, winner, p);
    }
    return total + payment(cost, winner, winner);
  }
}

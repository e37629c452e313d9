package org.mechcheck.kernel;

/**
 * Units of a k-unit sale (002, GIDM): a buyer may take a unit only while fewer than k have been
 * handed out, so however the allocation stack runs, no more than k units are allocated.
 */
public final class SupplyLedger {
  private SupplyLedger() {}

  /** Whether another unit may go to a buyer when {@code taken} of {@code supply} units are already held. */
  /*@ public normal_behavior
    @ requires 0 <= taken && 0 <= supply;
    @ ensures \result <==> taken < supply;
    @ assignable \strictly_nothing;
    @*/
  public static boolean mayTake(int taken, int supply) {
    return taken < supply;
  }

  /**
   * The allocation after the stack has run: {@code winner[v]} says who took a unit. Refuses
   * (returns -1) a list that holds more than {@code supply} winners; otherwise the count.
   */
  /*@ public normal_behavior
    @ requires winner != null && 0 <= supply && winner.length <= 1048576;
    @ ensures \result == -1 || (0 <= \result && \result <= supply);
    @ ensures \result != -1 ==> \result == (\num_of int v; 0 <= v && v < winner.length; winner[v]);
    @ ensures \result == -1 <==> (\num_of int v; 0 <= v && v < winner.length; winner[v]) > supply;
    @ assignable \strictly_nothing;
    @*/
  public static int allocated(boolean[] winner, int supply) {
    int n = 0;
    /*@ loop_invariant 0 <= v && v <= winner.length && 0 <= n && n <= v
      @   && n == (\num_of int u; 0 <= u && u < v; winner[u]);
      @ assignable \strictly_nothing;
      @ decreases winner.length - v;
      @*/
    for (int v = 0; v < winner.length; v++) {
      if (winner[v]) n++;
    }
    return n > supply ? -1 : n;
  }
}

package org.mechcheck.kernel;

/**
 * Definitions 2.5 (budget feasible) and 2.6 (past only) of 004, and the nonnegativity of 004 §2.2,
 * over a reallocation matrix scaled to integers: {@code t} holds the n rows of trades 1..n, each
 * with the n+1 columns of players 0..n, row-major, so that {@code t[r*(n+1)+c] = den * t_{r+1,c}}.
 * Written in KeY's Java subset (primitive arrays, while loops, no library calls); the caller
 * enforces the preconditions and refuses matrices that do not fit them.
 */
public final class ReallocationKernel {

  private ReallocationKernel() {}

  /*@ public normal_behavior
    @ requires 1 <= n && n <= 4096;
    @ requires t != null && t.length == n * (n + 1);
    @ ensures (\result == -1) <==> (\forall int x; 0 <= x && x < t.length; t[x] >= 0);
    @ ensures \result != -1 ==> (0 <= \result && \result < t.length && t[\result] < 0
    @     && (\forall int y; 0 <= y && y < \result; t[y] >= 0));
    @ assignable \nothing;
    @*/
  public static int firstNegative(long[] t, int n) {
    int x = 0;
    /*@ loop_invariant 0 <= x && x <= t.length && (\forall int y; 0 <= y && y < x; t[y] >= 0);
      @ decreases t.length - x;
      @ assignable \nothing;
      @*/
    while (x < t.length) {
      if (t[x] < 0) {
        return x;
      }
      x = x + 1;
    }
    return -1;
  }

  /*@ public normal_behavior
    @ requires 1 <= n && n <= 4096;
    @ requires t != null && t.length == n * (n + 1);
    @ ensures (\result == -1) <==> (\forall int r; 0 <= r && r < n;
    @     (\forall int c; r + 1 <= c && c <= n; t[r * (n + 1) + c] == 0));
    @ ensures \result != -1 ==> (0 <= \result && \result < t.length && t[\result] != 0
    @     && \result % (n + 1) >= \result / (n + 1) + 1);
    @ assignable \nothing;
    @*/
  public static int firstFutureEntry(long[] t, int n) {
    int r = 0;
    /*@ loop_invariant 0 <= r && r <= n && (\forall int a; 0 <= a && a < r;
      @     (\forall int c; a + 1 <= c && c <= n; t[a * (n + 1) + c] == 0));
      @ decreases n - r;
      @ assignable \nothing;
      @*/
    while (r < n) {
      int c = r + 1;
      /*@ loop_invariant r + 1 <= c && c <= n + 1 && (\forall int b; r + 1 <= b && b < c; t[r * (n + 1) + b] == 0);
        @ decreases n + 1 - c;
        @ assignable \nothing;
        @*/
      while (c <= n) {
        if (t[r * (n + 1) + c] != 0) {
          return r * (n + 1) + c;
        }
        c = c + 1;
      }
      r = r + 1;
    }
    return -1;
  }

  /*@ public normal_behavior
    @ requires 1 <= n && n <= 4096;
    @ requires t != null && t.length == n * (n + 1);
    @ requires 1 <= den && den <= 1099511627776L;
    @ requires (\forall int x; 0 <= x && x < t.length; -1099511627776L <= t[x] && t[x] <= 1099511627776L);
    @ ensures (\result == -1) <==> (\forall int r; 0 <= r && r < n;
    @     (\sum int c; 0 <= c && c < n + 1; t[r * (n + 1) + c]) <= den);
    @ ensures \result != -1 ==> (0 <= \result && \result < n
    @     && (\sum int c; 0 <= c && c < n + 1; t[\result * (n + 1) + c]) > den);
    @ assignable \nothing;
    @*/
  public static int firstOverBudgetRow(long[] t, int n, long den) {
    int r = 0;
    /*@ loop_invariant 0 <= r && r <= n && (\forall int a; 0 <= a && a < r;
      @     (\sum int c; 0 <= c && c < n + 1; t[a * (n + 1) + c]) <= den);
      @ decreases n - r;
      @ assignable \nothing;
      @*/
    while (r < n) {
      long s = 0;
      int c = 0;
      /*@ loop_invariant 0 <= c && c <= n + 1 && s == (\sum int b; 0 <= b && b < c; t[r * (n + 1) + b])
        @     && -1099511627776L * c <= s && s <= 1099511627776L * c;
        @ decreases n + 1 - c;
        @ assignable \nothing;
        @*/
      while (c <= n) {
        s = s + t[r * (n + 1) + c];
        c = c + 1;
      }
      if (s > den) {
        return r;
      }
      r = r + 1;
    }
    return -1;
  }
}

package org.mechcheck.num;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The numbers a mechanism computes with. Mechanism code is generic in {@code N} and may only
 * reach its numbers through this interface, so the same code runs on exact rationals, on
 * machine doubles and on Z3 terms.
 *
 * <p>Control flow goes through {@link #ge} and {@link #gt} only: they return a Java boolean, and
 * the symbolic implementation answers them by asking the solver which branch is feasible (and
 * re-running the mechanism for the other one). {@link #max}, {@link #min}, {@link #argmax} and
 * {@link #argmin} are value-level and can be overridden so that they do not fork.
 *
 * <p>Tie-break (documented in spec/README.md): {@code argmax} and {@code argmin} return the
 * lowest index among the optimal entries. Callers order candidates by the market's agent order
 * (and chains lexicographically), which makes this the tie-break of spec/README.md.
 */
public interface Arith<N> {

  /** A constant. */
  N of(BigFraction q);

  /** The integer {@code v} as a number of this arithmetic. */
  default N of(long v) {
    return of(BigFraction.of(v));
  }

  /** 0. */
  default /*@ pure @*/ N zero() {
    return of(0);
  }

  /** a + b. */
  N add(N a, N b);

  /** a - b. */
  N sub(N a, N b);

  /** Multiplication by a constant: the only product mechanisms need (probabilities, units). */
  N mul(N a, BigFraction k);

  /** -a. */
  default N neg(N a) {
    return sub(zero(), a);
  }

  /** a >= b, for control flow. Symbolically this may fork the current path. */
  /*@ pure @*/ boolean ge(N a, N b);

  /** a = b (as numbers): for contracts ({@code ensures arith.eq(x, y)}); symbolically it forks like {@link #ge}. */
  default /*@ pure @*/ boolean eq(N a, N b) {
    return ge(a, b) && ge(b, a);
  }

  /** Whether a &gt; b (a branch point, like {@link #ge}). */
  default boolean gt(N a, N b) {
    return !ge(b, a);
  }

  /** Whether a &lt;= b (a branch point, like {@link #ge}). */
  default boolean le(N a, N b) {
    return ge(b, a);
  }

  /** Whether a &lt; b (a branch point, like {@link #ge}). */
  default boolean lt(N a, N b) {
    return gt(b, a);
  }

  /** The larger of a and b (a value: on Z3 terms an if-then-else, not a branch). */
  default N max(N a, N b) {
    return ge(a, b) ? a : b;
  }

  /** The smaller of a and b (a value: on Z3 terms an if-then-else, not a branch). */
  default N min(N a, N b) {
    return ge(b, a) ? a : b;
  }

  /** Index of a maximum of a non-empty list; the lowest index among equal maxima. */
  default int argmax(List<N> xs) {
    if (xs.isEmpty()) throw new IllegalArgumentException("argmax of an empty list");
    int best = 0;
    for (int j = 1; j < xs.size(); j++) if (gt(xs.get(j), xs.get(best))) best = j;
    return best;
  }

  /** Index of a minimum of a non-empty list; the lowest index among equal minima. */
  default int argmin(List<N> xs) {
    if (xs.isEmpty()) throw new IllegalArgumentException("argmin of an empty list");
    int best = 0;
    for (int j = 1; j < xs.size(); j++) if (lt(xs.get(j), xs.get(best))) best = j;
    return best;
  }

  /** The maximum of the list and {@code floor}; {@code floor} alone for an empty list. */
  default N maxOr(N floor, List<N> xs) {
    N m = floor;
    for (N x : xs) m = max(m, x);
    return m;
  }

  /** The sum of the numbers (0 for none). */
  default N sum(List<N> xs) {
    N s = zero();
    for (N x : xs) s = add(s, x);
    return s;
  }
}

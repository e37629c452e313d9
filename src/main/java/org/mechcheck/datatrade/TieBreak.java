package org.mechcheck.datatrade;

/**
 * Which price a seller posts when several candidate prices give her the same gain (Algorithm 2's
 * argmax does not say). 004 §4 only asks that the rule not depend on the mechanism t.
 */
public enum TieBreak {
  /** The lowest of the optimal prices: more trade, and what "first index" gives on an increasing threshold column. */
  LOW,
  /** The highest of the optimal prices. */
  HIGH;

  public static TieBreak parse(String s) {
    for (TieBreak b : values()) if (b.name().equalsIgnoreCase(s)) return b;
    throw new org.mechcheck.store.InputException("tie-break: '" + s + "' (known: low, high)");
  }

  public String label() {
    return name().toLowerCase();
  }

  /** Whether a candidate with gain {@code val} and price {@code price} replaces the best so far. */
  <N> boolean better(Field<N> f, N val, N price, N bestVal, N bestPrice) {
    int c = f.compare(val, bestVal);
    if (c != 0) return c > 0;
    int d = f.compare(price, bestPrice);
    return this == LOW ? d < 0 : d > 0;
  }
}

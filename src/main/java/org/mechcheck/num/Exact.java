package org.mechcheck.num;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.kernel.Selection;

/** Exact rational arithmetic: the reference. Every reported number and every replay uses it. */
public final class Exact implements Arith<BigFraction> {
  public static final Exact INSTANCE = new Exact();

  private Exact() {}

  @Override
  public BigFraction of(BigFraction q) {
    return q;
  }

  @Override
  public BigFraction add(BigFraction a, BigFraction b) {
    return a.add(b);
  }

  @Override
  public BigFraction sub(BigFraction a, BigFraction b) {
    return a.subtract(b);
  }

  @Override
  public BigFraction mul(BigFraction a, BigFraction k) {
    return a.multiply(k);
  }

  @Override
  public boolean ge(BigFraction a, BigFraction b) {
    Cancelled.check();
    return a.compareTo(b) >= 0;
  }

  /** {@link Selection#argmax}, whose tie-break KeY proves, when the values fit its bound. */
  @Override
  public int argmax(List<BigFraction> xs) {
    IntegerUnits u = xs.isEmpty() ? null : IntegerUnits.of(xs);
    return u == null ? Arith.super.argmax(xs) : Selection.argmax(u.values());
  }

  /** {@link Selection#argmin}, likewise. */
  @Override
  public int argmin(List<BigFraction> xs) {
    IntegerUnits u = xs.isEmpty() ? null : IntegerUnits.of(xs);
    return u == null ? Arith.super.argmin(xs) : Selection.argmin(u.values());
  }
}

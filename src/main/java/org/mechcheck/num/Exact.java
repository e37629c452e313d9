package org.mechcheck.num;

import org.apache.commons.numbers.fraction.BigFraction;

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
    return a.compareTo(b) >= 0;
  }
}

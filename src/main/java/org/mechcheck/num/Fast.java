package org.mechcheck.num;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Machine doubles, for sweeps. Comparisons are plain double comparisons, so a result near a tie
 * may differ from the exact one: nothing computed here is reported before it is re-run on
 * {@link Exact}.
 */
public final class Fast implements Arith<Double> {
  public static final Fast INSTANCE = new Fast();

  private Fast() {}

  @Override
  public Double of(BigFraction q) {
    return q.doubleValue();
  }

  @Override
  public Double add(Double a, Double b) {
    return a + b;
  }

  @Override
  public Double sub(Double a, Double b) {
    return a - b;
  }

  @Override
  public Double mul(Double a, BigFraction k) {
    return a * k.doubleValue();
  }

  @Override
  public boolean ge(Double a, Double b) {
    Cancelled.check();
    return a >= b;
  }
}

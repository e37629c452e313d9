package org.mechcheck.num;

import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Runs a mechanism with one bid left as the unknown x, at a chosen point x0. Every comparison
 * that involves x is decided at x0 and its root recorded as a breakpoint: between two
 * consecutive breakpoints the mechanism takes one path, so its outcome is affine in x there.
 * This is how the concrete IC check covers every bid, not a grid (see property/BidSweep).
 */
public final class OneParameter implements Arith<Affine> {
  private final BigFraction x0;
  private final TreeSet<BigFraction> breakpoints;

  public OneParameter(BigFraction x0, TreeSet<BigFraction> breakpoints) {
    this.x0 = x0;
    this.breakpoints = breakpoints;
  }

  @Override
  public Affine of(BigFraction q) {
    return Affine.constant(q);
  }

  @Override
  public Affine add(Affine a, Affine b) {
    return new Affine(a.c0().add(b.c0()), a.c1().add(b.c1()));
  }

  @Override
  public Affine sub(Affine a, Affine b) {
    return new Affine(a.c0().subtract(b.c0()), a.c1().subtract(b.c1()));
  }

  @Override
  public Affine mul(Affine a, BigFraction k) {
    return new Affine(a.c0().multiply(k), a.c1().multiply(k));
  }

  @Override
  public boolean ge(Affine a, Affine b) {
    Cancelled.check();
    Affine d = sub(a, b);
    if (!d.isConstant()) breakpoints.add(d.root());
    return d.at(x0).signum() >= 0;
  }
}

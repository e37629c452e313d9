package org.mechcheck.num;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Runs an integer kernel of {@code org.mechcheck.kernel} on any number type. The payment
 * kernels are affine in their money arguments once their indices are fixed, so
 * f(x) = f(0) + Σ_j x_j (f(e_j) - f(0)): f is evaluated in integers on 0 and on each unit vector
 * (far inside the bounds under which KeY proved it) and the result is assembled in the caller's
 * arithmetic. Exact rationals, doubles and Z3 terms thus all get the kernel's own numbers, and the
 * kernel's contracts, linear as well, hold of them (spec/contracts.md).
 */
public final class Linear {
  private Linear() {}

  /** A kernel method with its indices bound: money arguments in, money out. */
  @FunctionalInterface
  public interface Kernel {
    long apply(long[] args);
  }

  public static <N> N apply(Arith<N> a, Kernel f, List<N> args) {
    long[] point = new long[args.size()];
    long base = f.apply(point);
    N out = base == 0 ? null : a.of(base); // no constant term in a symbolic sum that has none
    for (int j = 0; j < point.length; j++) {
      point[j] = 1;
      long coefficient = f.apply(point) - base;
      point[j] = 0;
      if (coefficient == 0) continue;
      N term = a.mul(args.get(j), BigFraction.of(coefficient));
      out = out == null ? term : a.add(out, term);
    }
    return out == null ? a.zero() : out;
  }
}

package org.mechcheck.datatrade;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.kernel.ReallocationKernel;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;

/**
 * A profit reallocation mechanism (004 §2.2): {@code t[i][j]} is the share of trade i's price
 * (i = 1..n) paid to player j (j = 0..n); row 0 is unused. Every instance is nonnegative, budget
 * feasible (Definition 2.5) and past only (Definition 2.6), as checked by {@link ReallocationKernel}.
 */
public final class Reallocation {
  public static final long BOUND = 1L << 40;
  public final String name;
  public final int n;
  private final BigFraction[][] t;

  public Reallocation(String name, BigFraction[][] t) {
    this.name = name;
    if (t.length < 2) throw new InputException("t: no rows; a chain has at least one trade (n >= 1)");
    this.n = t.length - 1;
    for (int i = 1; i <= n; i++) {
      if (t[i] == null || t[i].length != n + 1) {
        throw new InputException("t[" + i + "]: " + (t[i] == null ? 0 : t[i].length) + " entries; trade " + i + " needs one share per player 0.." + n);
      }
    }
    this.t = new BigFraction[n + 1][];
    this.t[0] = zeros(n + 1);
    for (int i = 1; i <= n; i++) this.t[i] = t[i].clone();
    validate();
  }

  /** t_{ij}: share of trade i's price paid to player j. */
  public BigFraction get(int i, int j) {
    return t[i][j];
  }

  public BigFraction[][] rows() {
    BigFraction[][] c = new BigFraction[n + 1][];
    for (int i = 0; i <= n; i++) c[i] = t[i].clone();
    return c;
  }

  /** Whether every row sums to exactly 1 (budget balance, 004 §4.2). */
  public boolean budgetBalanced() {
    for (int i = 1; i <= n; i++) {
      BigFraction s = BigFraction.ZERO;
      for (BigFraction x : t[i]) s = s.add(x);
      if (s.subtract(BigFraction.ONE).signum() != 0) return false;
    }
    return true;
  }

  /** RAW, the baseline: the seller keeps the whole price, t_{i,i-1} = 1. */
  public static Reallocation raw(int n) {
    BigFraction[][] t = empty(n);
    for (int i = 1; i <= n; i++) t[i][i - 1] = BigFraction.ONE;
    return new Reallocation("RAW", t);
  }

  /** AVE (004 §5.1): t_{ij} = 1/i for every upstream player j &lt; i. */
  public static Reallocation ave(int n) {
    BigFraction[][] t = empty(n);
    for (int i = 1; i <= n; i++) for (int j = 0; j < i; j++) t[i][j] = BigFraction.of(1, i);
    return new Reallocation("AVE", t);
  }

  /** TBDS(alpha) as 004 §2.2 writes it: t_{ij} = (1-alpha) alpha^{i-j-1} for 0 &lt; j &lt; i, t_{i0} = alpha^{i-1}. */
  public static Reallocation tbds(int n, BigFraction alpha) {
    if (alpha.signum() < 0 || Field.EXACT.compare(alpha, BigFraction.ONE) > 0) {
      throw new InputException("alpha: " + Rationals.format(alpha) + " outside [0, 1]");
    }
    BigFraction[][] t = empty(n);
    for (int i = 1; i <= n; i++) {
      t[i][0] = alpha.pow(i - 1);
      for (int j = 1; j < i; j++) t[i][j] = BigFraction.ONE.subtract(alpha).multiply(alpha.pow(i - j - 1));
    }
    return new Reallocation("TBDS(" + Rationals.format(alpha) + ")", t);
  }

  static BigFraction[][] empty(int n) {
    if (n < 1) throw new InputException("n: chain length " + n + "; a chain has at least one trade (n >= 1)");
    BigFraction[][] t = new BigFraction[n + 1][];
    for (int i = 0; i <= n; i++) t[i] = zeros(n + 1);
    return t;
  }

  private static BigFraction[] zeros(int m) {
    BigFraction[] r = new BigFraction[m];
    java.util.Arrays.fill(r, BigFraction.ZERO);
    return r;
  }

  /** Scales t to integers over a common denominator and lets the kernel judge it. */
  private void validate() {
    if (n > 4096) throw new InputException("t: " + n + " trades; matrices are validated up to n = 4096");
    BigInteger den = BigInteger.ONE;
    for (int i = 1; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        BigInteger d = t[i][j].getDenominator().abs();
        den = den.divide(den.gcd(d)).multiply(d);
      }
    }
    BigInteger bound = BigInteger.valueOf(BOUND);
    if (den.compareTo(bound) > 0) {
      throw new InputException("t: the entries' common denominator " + den + " exceeds 2^40; give shares with smaller denominators");
    }
    long d = den.longValueExact();
    for (int i = 1; i <= n; i++) {
      long[] row = new long[n + 1];
      for (int j = 0; j <= n; j++) {
        BigFraction times = t[i][j].multiply(BigFraction.of(den));
        BigInteger scaled = times.getNumerator().divide(times.getDenominator());
        if (scaled.abs().compareTo(bound) > 0) {
          throw new InputException("t[" + i + "][" + j + "]: " + Rationals.format(t[i][j]) + " is too large to validate (|share| up to 2^40 / denominator)");
        }
        row[j] = scaled.longValueExact();
      }
      int j = ReallocationKernel.firstNegative(row);
      if (j >= 0) {
        throw new InputException("t[" + i + "][" + j + "]: negative share " + Rationals.format(t[i][j]) + "; reallocation shares are nonnegative (004 §2.2)");
      }
      if (ReallocationKernel.overBudget(row, d)) {
        BigFraction s = BigFraction.ZERO;
        for (BigFraction x : t[i]) s = s.add(x);
        throw new InputException("t[" + i + "]: trade " + i + "'s shares sum to " + Rationals.format(s) + " > 1; not budget feasible (Definition 2.5)");
      }
      j = ReallocationKernel.firstFutureShare(row, i);
      if (j >= 0) {
        throw new InputException("t[" + i + "][" + j + "]: share " + Rationals.format(t[i][j]) + " of trade " + i + " goes to player " + j
            + "; not past only (Definition 2.6: t_ij = 0 for j >= i)");
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append('\n');
    for (int i = 1; i <= n; i++) {
      sb.append("  trade ").append(i).append(':');
      for (int j = 0; j < i; j++) sb.append(' ').append(Rationals.format(t[i][j]));
      sb.append('\n');
    }
    return sb.toString();
  }
}

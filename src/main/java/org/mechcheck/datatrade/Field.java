package org.mechcheck.datatrade;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The numbers an equilibrium is computed in: exact rationals ({@link #EXACT}) for everything
 * reported, machine doubles ({@link #DOUBLE}) for the optimiser's inner loop. The equilibrium's
 * control flow is the comparisons of thresholds and prices, so a double run is only as good as
 * its closest comparison (the certified algorithm re-checks those exactly).
 */
public interface Field<N> {
  N of(BigFraction q);

  N add(N a, N b);

  N sub(N a, N b);

  N mul(N a, N b);

  int compare(N a, N b);

  N[] array(int size);

  double toDouble(N a);

  Class<N> type();

  @SuppressWarnings("unchecked")
  default N[][] matrix(int rows) {
    return (N[][]) java.lang.reflect.Array.newInstance(type(), rows, 0);
  }

  @SuppressWarnings("unchecked")
  default N[][][] cube(int rows) {
    return (N[][][]) java.lang.reflect.Array.newInstance(type(), rows, 0, 0);
  }

  default N zero() {
    return of(BigFraction.ZERO);
  }

  default boolean ge(N a, N b) {
    return compare(a, b) >= 0;
  }

  Field<BigFraction> EXACT = new Field<>() {
    @Override public BigFraction of(BigFraction q) { return q; }
    @Override public BigFraction add(BigFraction a, BigFraction b) { return a.add(b); }
    @Override public BigFraction sub(BigFraction a, BigFraction b) { return a.subtract(b); }
    @Override public BigFraction mul(BigFraction a, BigFraction b) { return a.signum() == 0 || b.signum() == 0 ? BigFraction.ZERO : a.multiply(b); }
    // commons-numbers 1.2 BigFraction.compareTo misordered negative fractions (-2 > -3/2; fixed in 1.3); the sign of the difference never did
    @Override public int compare(BigFraction a, BigFraction b) { return a.subtract(b).signum(); }
    @Override public BigFraction[] array(int size) {
      BigFraction[] x = new BigFraction[size];
      java.util.Arrays.fill(x, BigFraction.ZERO);
      return x;
    }
    @Override public double toDouble(BigFraction a) { return a.doubleValue(); }
    @Override public Class<BigFraction> type() { return BigFraction.class; }
    @Override public String toString() { return "exact"; }
  };

  Field<Double> DOUBLE = new Field<>() {
    @Override public Double of(BigFraction q) { return q.doubleValue(); }
    @Override public Double add(Double a, Double b) { return a + b; }
    @Override public Double sub(Double a, Double b) { return a - b; }
    @Override public Double mul(Double a, Double b) { return a * b; }
    @Override public int compare(Double a, Double b) { return Double.compare(a, b) == 0 || a.doubleValue() == b.doubleValue() ? 0 : (a < b ? -1 : 1); }
    @Override public Double[] array(int size) {
      Double[] x = new Double[size];
      java.util.Arrays.fill(x, 0.0);
      return x;
    }
    @Override public double toDouble(Double a) { return a; }
    @Override public Class<Double> type() { return Double.class; }
    @Override public String toString() { return "double"; }
  };
}

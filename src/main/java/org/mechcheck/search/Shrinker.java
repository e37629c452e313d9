package org.mechcheck.search;

import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/**
 * Makes a counterexample smaller while the exact checker still finds the violation: fewer
 * agents, fewer edges, then small integer values and costs. Every step is re-checked exactly;
 * the class and the mechanism's domain are kept.
 */
public final class Shrinker {
  private final Mechanism mechanism;
  private final Property property;
  private final NetworkClass networkClass;
  private final Checker checker;
  /** System.nanoTime() past which no further step is tried (the search's time limit). */
  private long deadline = Long.MAX_VALUE;

  public Shrinker(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass) {
    this(mechanism, property, benchmark, networkClass, org.mechcheck.property.Others.TRUTHFUL);
  }

  /** A shrinker that keeps a violation under the quantifier {@code others} (IC). */
  public Shrinker(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, org.mechcheck.property.Others others) {
    this.mechanism = mechanism;
    this.property = property;
    this.networkClass = networkClass;
    this.checker = new Checker(mechanism, benchmark, others);
  }

  /** A shrinker that stops trying smaller markets once {@code deadlineNanos} (System.nanoTime) has passed: what it has by then still violates. */
  public Shrinker until(long deadlineNanos) {
    this.deadline = deadlineNanos;
    return this;
  }

  private boolean late() {
    return System.nanoTime() > deadline;
  }

  /** The first violation the checker finds on {@code m}, or null. */
  public Violation violation(Market m) {
    if (!networkClass.contains(m) || !Structure.connected(m) || mechanism.refusal(m).isPresent()) return null;
    List<Violation> found = checker.check(m, Set.of(property));
    return found.isEmpty() ? null : found.get(0);
  }

  public Market shrink(Market start) {
    if (violation(start) == null) throw new IllegalArgumentException("nothing to shrink: no violation on " + start.name());
    Market m = start;
    boolean progress = true;
    while (progress && !late()) {
      progress = false;
      for (int v = m.size() - 1; v >= 1; v--) {
        Market smaller = Structure.withoutAgent(m, v);
        if (violation(smaller) != null) {
          m = smaller;
          progress = true;
          break;
        }
      }
      if (progress) continue;
      List<int[]> edges = m.edges();
      for (int k = edges.size() - 1; k >= 0; k--) {
        Market fewer = Structure.withoutEdge(m, edges.get(k));
        if (violation(fewer) != null) {
          m = fewer;
          progress = true;
          break;
        }
      }
    }
    m = simplifyNumbers(m);
    if (late()) return m;
    Market scaled = scaledToIntegers(m);
    return scaled != m && violation(scaled) != null ? simplifyNumbers(scaled) : m;
  }

  /** All numbers times the least common denominator (the mechanisms here are homogeneous, but this is re-checked). */
  private static Market scaledToIntegers(Market m) {
    java.math.BigInteger lcm = java.math.BigInteger.ONE;
    for (int v = 1; v < m.size(); v++) {
      java.math.BigInteger d = number(m, v).getDenominator().abs();
      lcm = lcm.divide(lcm.gcd(d)).multiply(d);
    }
    if (lcm.equals(java.math.BigInteger.ONE)) return m;
    int n = m.size();
    BigFraction[] values = new BigFraction[n], costs = new BigFraction[n];
    for (int w = 1; w < n; w++) {
      values[w] = m.agent(w).value().multiply(lcm);
      costs[w] = m.agent(w).cost().multiply(lcm);
    }
    return m.withTypes(m.name(), values, costs);
  }

  /** Each number in turn becomes the smallest of 0, 1, 2, ... (then its floor or ceiling) that keeps the violation. */
  private Market simplifyNumbers(Market m) {
    boolean progress = true;
    while (progress && !late()) {
      progress = false;
      for (int v = 1; v < m.size(); v++) {
        BigFraction current = number(m, v);
        for (BigFraction candidate : candidates(current)) {
          if (candidate.compareTo(current) == 0) break;
          Market tried = withNumber(m, v, candidate);
          if (violation(tried) != null) {
            m = tried;
            progress = true;
            break;
          }
        }
      }
    }
    return m;
  }

  private static List<BigFraction> candidates(BigFraction x) {
    List<BigFraction> out = new ArrayList<>();
    long ceil = x.bigDecimalValue(0, java.math.RoundingMode.CEILING).longValueExact();
    for (long k = 0; k <= Math.min(ceil, 20); k++) out.add(BigFraction.of(k));
    out.add(BigFraction.of(x.bigDecimalValue(0, java.math.RoundingMode.FLOOR).toBigInteger()));
    for (long d = 2; d <= 4; d++) {
      out.add(BigFraction.of(x.multiply(d).bigDecimalValue(0, java.math.RoundingMode.FLOOR).toBigInteger()).divide(d));
      out.add(BigFraction.of(x.multiply(d).bigDecimalValue(0, java.math.RoundingMode.CEILING).toBigInteger()).divide(d));
    }
    out.add(x);
    return out;
  }

  private static BigFraction number(Market m, int v) {
    Agent a = m.agent(v);
    return a.isBidder() ? a.value() : a.cost();
  }

  private static Market withNumber(Market m, int v, BigFraction x) {
    int n = m.size();
    BigFraction[] values = new BigFraction[n], costs = new BigFraction[n];
    for (int w = 1; w < n; w++) {
      values[w] = m.agent(w).value();
      costs[w] = m.agent(w).cost();
    }
    if (m.agent(v).isBidder()) values[v] = x;
    else costs[v] = x;
    return m.withTypes(m.name(), values, costs);
  }
}

package org.mechcheck.property;

import org.mechcheck.mechanism.Vickrey;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/** {@code vickrey}: the revenue of the Vickrey auction among the seller's neighbours (b2_rs). */
public record VickreyBenchmark() implements Benchmark {
  @Override
  public String id() {
    return "vickrey";
  }

  @Override
  public String meaning() {
    return "the Vickrey revenue among the seller's neighbours (b2_rs)";
  }

  @Override
  public <N> N value(Profile<N> p, Arith<N> a) {
    return Vickrey.revenue(p, a);
  }

  @Override
  public String toString() {
    return id();
  }
}

package org.mechcheck.sra;

import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.property.Benchmark;

/** {@code sra}: the protocol's exact expectation over its inviter choices, the reference of 001 Theorem 4.6's EQ claim (for REV: its revenue). */
public record ProtocolBenchmark() implements Benchmark {
  private static final Protocol SRA = new Protocol();

  @Override
  public String id() {
    return "sra";
  }

  @Override
  public String meaning() {
    return "the sra protocol's exact expectation over its inviter choices: the reference of an EQ claim (for REV: its revenue)";
  }

  @Override
  public <N> N value(Profile<N> p, Arith<N> a) {
    return SRA.run(p, a).revenue(a);
  }

  @Override
  public Optional<Mechanism> reference() {
    return Optional.of(SRA);
  }

  @Override
  public String toString() {
    return id();
  }
}

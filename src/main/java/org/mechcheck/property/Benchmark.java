package org.mechcheck.property;

import java.util.Optional;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.plugin.Extension;
import org.mechcheck.plugin.Registry;

/**
 * What a REV claim compares the revenue with (or, for EQ, the reference mechanism an outcome is
 * compared with). Registered as a service of this interface; its {@link #name} is its id.
 */
public interface Benchmark extends Extension {
  Benchmark VICKREY = new VickreyBenchmark();
  Benchmark K_VICKREY = new KVickreyBenchmark();

  /** The id claims and commands use, e.g. {@code vickrey}. */
  String id();

  @Override
  /** Its name in the registry: its id. */
  default String name() {
    return id();
  }

  /** One line: what the benchmark is. */
  String meaning();

  /** The benchmark's value on a truthful profile. */
  <N> N value(Profile<N> p, Arith<N> a);

  /** The mechanism an EQ claim compares with, when the benchmark names one. */
  default Optional<Mechanism> reference() {
    return Optional.empty();
  }

  /** The shipped benchmark with this id, ignoring case. */
  static Optional<Benchmark> parse(String s) {
    return parse(Registry.standard(), s);
  }

  /** A registered benchmark with this id, ignoring case. */
  static Optional<Benchmark> parse(Registry registry, String s) {
    return registry.all(Benchmark.class).stream().filter(b -> b.id().equalsIgnoreCase(s)).findFirst();
  }
}

package org.mechcheck.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Concrete;
import org.mechcheck.property.Property;

/**
 * Re-runs a saved counterexample exactly and says whether its violation still shows. Nothing is
 * taken from the file but the market, the agent and the deviation: the property's own
 * {@link Property#replay} recomputes the numbers, which are then compared with the recorded ones.
 */
public final class Replay {
  /**
   * The replay of {@code counterexample} on {@code mechanism}: whether the violation shows, the
   * recomputed numbers (utilities for IR and IC; revenue or welfare and benchmark otherwise),
   * whether they equal the recorded ones, and one line saying what happened.
   */
  public record Result(
      Counterexample counterexample, String mechanism, boolean violates, BigFraction truthful, BigFraction deviating,
      boolean matchesRecord, String detail) {

    /** The replay's numbers in words, as its property puts them. */
    public String numbers() {
      Counterexample c = counterexample;
      return c.property().numbers(new Property.Replayed(violates, truthful, deviating, detail), c.benchmark() == null ? Benchmark.VICKREY : c.benchmark());
    }
  }

  private Replay() {}

  /** Replays on the counterexample's own mechanism, a shipped one. */
  public static Result of(Counterexample c) {
    return of(c, Registry.standard());
  }

  /** Replays on the counterexample's own mechanism, as the registry knows it. */
  public static Result of(Counterexample c, Registry registry) {
    return on(c, mechanism(registry, c.mechanism()));
  }

  /** Replays on the mechanisms of {@code fixedBy}, in order: each result should not violate. */
  public static List<Result> fixes(Counterexample c) {
    return fixes(c, Registry.standard());
  }

  public static List<Result> fixes(Counterexample c, Registry registry) {
    List<Result> out = new ArrayList<>();
    for (String name : c.fixedBy()) out.add(on(c, mechanism(registry, name)));
    return out;
  }

  private static Mechanism mechanism(Registry registry, String name) {
    return registry.find(Mechanism.class, name).orElseThrow(() -> new IllegalArgumentException("unknown mechanism '" + name + "'"));
  }

  /** Replays on another mechanism (e.g. a variant that fixes the flaw); the market must be in its domain. */
  public static Result on(Counterexample c, Mechanism mechanism) {
    Market market = c.market();
    Optional<String> refusal = mechanism.refusal(market);
    if (refusal.isPresent()) throw new IllegalArgumentException("cannot replay on " + mechanism.name() + ": " + refusal.get());
    Benchmark bench = c.benchmark() == null ? Benchmark.VICKREY : c.benchmark();
    Property.Replayed r = c.property().replay(new Concrete(mechanism, bench, market), c.agent(), c.deviation());
    boolean matches = r.truthful().compareTo(c.truthful()) == 0 && r.deviating().compareTo(c.deviating()) == 0;
    return new Result(c, mechanism.name(), r.violates(), r.truthful(), r.deviating(), matches, r.detail());
  }
}

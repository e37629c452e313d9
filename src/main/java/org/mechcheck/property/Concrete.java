package org.mechcheck.property;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Contract;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;

/**
 * One market with exact types, for a property's concrete check: the mechanism, the benchmark a
 * claim names, the others' reports an IC check ranges over, the truthful profile and its outcome
 * (computed once, on first use).
 */
public final class Concrete {
  private static final Exact A = Exact.INSTANCE;
  private final Mechanism mechanism;
  private final Benchmark benchmark;
  private final Market market;
  private final Others others;
  private Profile<BigFraction> truthful;
  private Outcome<BigFraction> outcome;

  public Concrete(Mechanism mechanism, Benchmark benchmark, Market market) {
    this(mechanism, benchmark, market, Others.TRUTHFUL);
  }

  /** A market whose IC check quantifies over the others' reports as {@code others} says. */
  public Concrete(Mechanism mechanism, Benchmark benchmark, Market market, Others others) {
    this.mechanism = mechanism;
    this.benchmark = benchmark;
    this.market = market;
    this.others = others;
  }

  public Mechanism mechanism() {
    return mechanism;
  }

  public Benchmark benchmark() {
    return benchmark;
  }

  public Market market() {
    return market;
  }

  /** The others' reports an IC check ranges over. */
  public Others others() {
    return others;
  }

  public Profile<BigFraction> truthful() {
    if (truthful == null) truthful = Profile.truthful(market, A);
    return truthful;
  }

  /** The mechanism's outcome when everyone is truthful. */
  public Outcome<BigFraction> outcome() {
    if (outcome == null) outcome = run(truthful());
    return outcome;
  }

  /** Exact arithmetic, the number type of concrete checks. */
  public Exact arith() {
    return A;
  }

  /** The outcome on a profile, exactly; with assertions on, the mechanism's contract is checked on it ({@link Contract#run}). */
  public Outcome<BigFraction> run(Profile<BigFraction> p) {
    return Contract.run(mechanism, p);
  }

  /** Agent v's utility in an outcome, at her true type. */
  public BigFraction utility(Outcome<BigFraction> o, int v) {
    return o.utility(v, market.agent(v).value(), market.agent(v).cost(), A);
  }

  /** The agents the truthful report graph reaches (the seller excluded), in node order. */
  public int[] informed() {
    return java.util.stream.IntStream.range(1, market.size()).filter(v -> truthful().graph().informed(v)).toArray();
  }
}

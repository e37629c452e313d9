package org.mechcheck.store;

import java.util.BitSet;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/**
 * A saved counterexample ({@code mechcheck-counterexample/1}, docs/formats/counterexample.md): a mechanism, the
 * property it fails, the network with the true types, and for IR and IC the agent and her
 * deviation, with the numbers the finder saw.
 *
 * <p>{@code agent} is a node of {@code market} (-1: none, as for BB, EFF and REV; LEMMA1 may name
 * the withholding intermediary). {@code deviation} is null when there is none (market-level
 * properties, IR at the truthful report). {@code truthful}/{@code deviating} are the agent's
 * utilities for IR and IC, and (revenue or welfare, benchmark) for BB, EFF and REV, as {@link
 * Violation} has them (LEMMA1: 0 and 0). In the file they are {@code {"utility": ...}} when an
 * agent is named and {@code {"value": ...}}/{@code {"benchmark": ...}} otherwise, as {@link
 * ViolationJson} writes them. {@code benchmark} is the REV benchmark (null for the other
 * properties). {@code fixedBy} names mechanisms on which the violation must not show; {@code
 * detail} is an optional human sentence.
 */
public record Counterexample(
    String mechanism,
    Property property,
    String claim,
    Market market,
    int agent,
    Deviation deviation,
    BigFraction truthful,
    BigFraction deviating,
    Benchmark benchmark,
    String foundBy,
    boolean minimised,
    List<String> fixedBy,
    String detail,
    MechanismSource source) {

  public Counterexample {
    fixedBy = fixedBy == null ? List.of() : List.copyOf(fixedBy);
    if (deviation != null && deviation.informs() != null) deviation = new Deviation(deviation.bid(), (BitSet) deviation.informs().clone(), deviation.others());
    if (property.takesBenchmark() && benchmark == null) benchmark = Benchmark.VICKREY;
    if (!property.takesBenchmark()) benchmark = null;
  }

  /** A counterexample to a shipped mechanism (no {@code mechanismSource}). */
  public Counterexample(String mechanism, Property property, String claim, Market market, int agent, Deviation deviation, BigFraction truthful,
      BigFraction deviating, Benchmark benchmark, String foundBy, boolean minimised, List<String> fixedBy, String detail) {
    this(mechanism, property, claim, market, agent, deviation, truthful, deviating, benchmark, foundBy, minimised, fixedBy, detail, null);
  }

  /** Whether the property is about one agent's utility (IR, IC) rather than about the market's outcome. */
  public static boolean agentLevel(Property p) {
    return p.agentLevel();
  }

  /**
   * The counterexample a {@link Violation} found by the checker describes. An IR violation at the
   * truthful report is saved without a deviation; everything else is taken as it is.
   */
  public static Counterexample from(
      Violation v, Market market, String mechanism, Benchmark benchmark, String claim, String foundBy, boolean minimised) {
    Deviation d = v.deviation();
    if (d != null && d.isTruthful()) d = null;
    if (!agentLevel(v.property())) d = null;
    return new Counterexample(mechanism, v.property(), claim, market, v.agent(), d, v.truthful(), v.deviating(),
        benchmark, foundBy, minimised, List.of(), v.detail());
  }

  /** {@link #from(Violation, Market, String, Benchmark, String, String, boolean)} with the Vickrey benchmark for REV. */
  public static Counterexample from(Violation v, Market market, String mechanism, String claim, String foundBy, boolean minimised) {
    return from(v, market, mechanism, Benchmark.VICKREY, claim, foundBy, minimised);
  }

  /** Units for sale in the counterexample's market (the optional {@code units} field of the file; 1 unless stated). */
  public int units() {
    return market.units();
  }

  /** The agent's id, or null when the counterexample names none. */
  public String agentId() {
    return agent < 0 ? null : market.id(agent);
  }

  /** The same counterexample, with the mechanisms on which it must not show. */
  public Counterexample withFixedBy(List<String> mechanisms) {
    return new Counterexample(mechanism, property, claim, market, agent, deviation, truthful, deviating, benchmark, foundBy, minimised, mechanisms, detail, source);
  }

  /** The same counterexample, recording the researcher's source it was found with. */
  public Counterexample withSource(MechanismSource s) {
    return new Counterexample(mechanism, property, claim, market, agent, deviation, truthful, deviating, benchmark, foundBy, minimised, fixedBy, detail, s);
  }

  /** The neighbours the deviating agent truthfully informs but, deviating, does not (empty when none). */
  public BitSet withheld() {
    BitSet out = new BitSet();
    if (agent < 0 || deviation == null || deviation.informs() == null) return out;
    out.or(market.truthfulInforms(agent));
    out.andNot(deviation.informs());
    return out;
  }
}

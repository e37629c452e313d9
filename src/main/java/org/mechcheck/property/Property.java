package org.mechcheck.property;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Extension;
import org.mechcheck.plugin.Registry;
import org.mechcheck.smt.SymbolicMarket;

/**
 * A property a claim can be about, with everything mechcheck does with it in one place: its
 * concrete check on one market (exactly, every deviation), its Z3 query (every valuation of a
 * structure), and the replay of a saved counterexample. The checker, the symbolic engine, the
 * evidence store and the commands only call these; a new property is a new class registered as a
 * service of this interface ({@code META-INF/services/org.mechcheck.property.Property}), and
 * touches no switch.
 */
public interface Property extends Extension {
  Property IR = new IndividualRationality();
  Property IC = new IncentiveCompatibility();
  Property BB = new BudgetBalance();
  Property EFF = new Efficiency();
  Property REV = new Revenue();
  Property NW = new NonWastefulness();
  Property EQ = new Equivalence();

  /** Upper-case name, e.g. {@code IR}. */
  @Override
  String name();

  /** One line: what it requires. */
  String meaning();

  /**
   * Whether it is about one agent's utility (IR, IC): a counterexample names the agent, and its
   * numbers are her truthful and deviating utilities. Otherwise it is about the market's outcome,
   * and the numbers are a value and its benchmark (revenue and 0, welfare and W*, ...).
   */
  default boolean agentLevel() {
    return false;
  }

  /** Whether a counterexample may name an agent (always for agent-level properties). */
  default boolean mayNameAgent() {
    return agentLevel();
  }

  /** Whether a counterexample must say how the agent deviates. */
  default boolean requiresDeviation() {
    return false;
  }

  /** Why a deviation cannot belong to a counterexample to this property, if it cannot. */
  default Optional<String> refusesDeviation(Deviation d) {
    return Optional.empty();
  }

  /** Whether a claim about it names a benchmark (a revenue benchmark, or a reference mechanism). */
  default boolean takesBenchmark() {
    return false;
  }

  /** Every violation on one market, exactly; each names the agent, the deviation and both numbers. */
  List<Violation> check(Concrete market);

  /**
   * Asks Z3, through {@link SymbolicMarket#ask}, for a valuation of the structure under which the
   * property fails. Queries are made until one finds a model ({@link SymbolicMarket#done}).
   */
  void ask(SymbolicMarket market, Benchmark benchmark);

  /**
   * Re-runs a saved counterexample on {@code market}: whether the violation shows, with the
   * recomputed numbers (as in {@link Violation}). {@code agent} is -1 and {@code deviation} null
   * when the counterexample names none.
   */
  Replayed replay(Concrete market, int agent, Deviation deviation);

  /** A replay's numbers in words, e.g. "truthful 0 vs deviating 1" (or its line, where the numbers say nothing). */
  default String numbers(Replayed r, Benchmark benchmark) {
    return "truthful " + Rationals.format(r.truthful()) + " vs deviating " + Rationals.format(r.deviating());
  }

  /** The outcome of a replay: whether the violation shows, the recomputed numbers, one line saying what happened. */
  record Replayed(boolean violates, BigFraction truthful, BigFraction deviating, String detail) {}

  /** The shipped property with this name, ignoring case. */
  static Optional<Property> parse(String s) {
    return parse(Registry.standard(), s);
  }

  /** A registered property with this name, ignoring case. */
  static Optional<Property> parse(Registry registry, String s) {
    return registry.all(Property.class).stream().filter(p -> p.name().equalsIgnoreCase(s)).findFirst();
  }
}

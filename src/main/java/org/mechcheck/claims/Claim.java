package org.mechcheck.claims;

import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;

/**
 * A claim a source document makes about a mechanism: {@code expected} is "verified" when the
 * source asserts the property and "refuted" when it asserts that the property fails.
 * {@code fixedBy} names mechanisms the source offers as a repair: a counterexample to the
 * claim must not show its violation on them. {@code units} is the number of units of the markets
 * the claim's evidence is about (default 1; a multi-unit mechanism's claims must state it): its
 * search enumerates markets with that many units, and only reference networks with that many
 * units count for it. {@code contracts} names KeY-proven kernel contracts the claim rests on
 * (cited as evidence beside the search's).
 */
public record Claim(
    String id,
    String mechanism,
    Property property,
    String propertyText,
    String domain,
    NetworkClass networkClass,
    Benchmark benchmark,
    String source,
    String statement,
    String expected,
    java.util.List<String> fixedBy,
    int units,
    String deviations,
    String checkedBy,
    java.util.List<String> contracts) {

  /**
   * Null for the standard deviation space of {@link Property#IC}; otherwise the family of
   * deviations of a distributed protocol the claim is about (one the mechanism lists in its
   * {@code deviationFamilies()}), searched and judged by the mechanism's registered
   * {@link DeviationFamilies}.
   */
  public boolean protocolDeviations() {
    return deviations != null;
  }

  /**
   * A claim about something other than a network mechanism (a group sale, a data-trading chain):
   * {@code checkedBy} names the {@link ClaimCheck} that gives its verdict, and {@link #property}
   * and {@link #networkClass} are null; {@link #propertyText} is the property as the file says it.
   */
  public boolean modelClaim() {
    return checkedBy != null;
  }

  public boolean expectsRefutation() {
    return "refuted".equals(expected);
  }
}

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
 * units count for it.
 */
public record Claim(
    String id,
    String mechanism,
    Property property,
    String domain,
    NetworkClass networkClass,
    Benchmark benchmark,
    String source,
    String statement,
    String expected,
    java.util.List<String> fixedBy,
    int units) {

  /** A single-unit claim. */
  public Claim(String id, String mechanism, Property property, String domain, NetworkClass networkClass, Benchmark benchmark, String source,
      String statement, String expected, java.util.List<String> fixedBy) {
    this(id, mechanism, property, domain, networkClass, benchmark, source, statement, expected, fixedBy, 1);
  }

  public boolean expectsRefutation() {
    return "refuted".equals(expected);
  }
}

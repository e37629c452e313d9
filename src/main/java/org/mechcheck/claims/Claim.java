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
    int units,
    String deviations) {

  /** A single-unit claim over the standard deviation space. */
  public Claim(String id, String mechanism, Property property, String domain, NetworkClass networkClass, Benchmark benchmark, String source,
      String statement, String expected, java.util.List<String> fixedBy) {
    this(id, mechanism, property, domain, networkClass, benchmark, source, statement, expected, fixedBy, 1, null);
  }

  /** A claim about {@code units} units over the standard deviation space. */
  public Claim(String id, String mechanism, Property property, String domain, NetworkClass networkClass, Benchmark benchmark, String source,
      String statement, String expected, java.util.List<String> fixedBy, int units) {
    this(id, mechanism, property, domain, networkClass, benchmark, source, statement, expected, fixedBy, units, null);
  }

  /** A single-unit claim about a family of protocol deviations; see {@link #deviations}. */
  public Claim(String id, String mechanism, Property property, String domain, NetworkClass networkClass, Benchmark benchmark,
      String source, String statement, String expected, java.util.List<String> fixedBy, String deviations) {
    this(id, mechanism, property, domain, networkClass, benchmark, source, statement, expected, fixedBy, 1, deviations);
  }

  /**
   * Null for the standard deviation space of {@link Property#IC}; otherwise the family of
   * deviations of a distributed protocol the claim is about ("passing", "computation": 001's
   * message-passing and computational actions), checked by org.mechcheck.sra.DeviationSearch.
   */
  public boolean protocolDeviations() {
    return deviations != null;
  }

  public boolean expectsRefutation() {
    return "refuted".equals(expected);
  }
}

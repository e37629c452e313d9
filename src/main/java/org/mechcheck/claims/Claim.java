package org.mechcheck.claims;

import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;

/**
 * A claim a source document makes about a mechanism: {@code expected} is "verified" when the
 * source asserts the property and "refuted" when it asserts that the property fails.
 * {@code fixedBy} names mechanisms the source offers as a repair: a counterexample to the
 * claim must not show its violation on them.
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
    String deviations) {

  /** A claim over the standard deviation space (bids and informing sets); see {@link #deviations}. */
  public Claim(String id, String mechanism, Property property, String domain, NetworkClass networkClass, Benchmark benchmark,
      String source, String statement, String expected, java.util.List<String> fixedBy) {
    this(id, mechanism, property, domain, networkClass, benchmark, source, statement, expected, fixedBy, null);
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

package org.mechcheck.claims;

import java.util.List;

/**
 * The standing of one claim: {@code verdict} is "verified" (up to {@code bound} agents when
 * bounded), "refuted" or "unknown"; {@code evidence} lists the files behind it; {@code qualifiers}
 * say what a bounded verification covers beyond its bound, in words (the quantifier of an IC
 * claim, a box on the values, whether two solvers agreed: {@link org.mechcheck.store.ProofRecord#qualifiers}).
 */
public record Verdict(Claim claim, String verdict, Integer bound, List<String> evidence, String note, double seconds, List<String> qualifiers) {
  public static final String VERIFIED = "verified";
  public static final String REFUTED = "refuted";
  public static final String UNKNOWN = "unknown";

  public Verdict {
    qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
  }

  /** A verdict with nothing to qualify. */
  public Verdict(Claim claim, String verdict, Integer bound, List<String> evidence, String note, double seconds) {
    this(claim, verdict, bound, evidence, note, seconds, List.of());
  }

  /** The verdict in the table's words: {@code verified (n<=5, k=2, DSIC, not certified)}. */
  public String label() {
    if (bound == null) return verdict;
    List<String> parts = new java.util.ArrayList<>();
    parts.add("n<=" + bound);
    if (claim.units() != 1) parts.add("k=" + claim.units());
    parts.addAll(qualifiers);
    return verdict + " (" + String.join(", ", parts) + ")";
  }

  /** Whether the verdict agrees with what the source says. */
  public boolean agreesWithSource() {
    return !verdict.equals(UNKNOWN) && verdict.equals(claim.expected());
  }
}

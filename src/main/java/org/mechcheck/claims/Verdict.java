package org.mechcheck.claims;

import java.util.List;

/**
 * The standing of one claim: {@code verdict} is "verified" (up to {@code bound} agents when
 * bounded), "refuted" or "unknown"; {@code evidence} lists the files behind it.
 */
public record Verdict(Claim claim, String verdict, Integer bound, List<String> evidence, String note, double seconds) {
  public static final String VERIFIED = "verified";
  public static final String REFUTED = "refuted";
  public static final String UNKNOWN = "unknown";

  /** Whether the verdict agrees with what the source says. */
  public boolean agreesWithSource() {
    return !verdict.equals(UNKNOWN) && verdict.equals(claim.expected());
  }
}

package org.mechcheck.property;

import java.util.Arrays;
import java.util.Optional;

/** The properties a claim can be about (FORMATS.md), plus 000's Lemma 1. */
public enum Property {
  IR("individually rational: no agent's truthful utility is below 0 (an intermediary's, whomever she informs)"),
  IC("incentive compatible: no agent gains by misreporting her bid, informing fewer neighbours, or both"),
  BB("weakly budget balanced: revenue is at least 0"),
  EFF("efficient: the realised welfare equals the optimal welfare W*"),
  REV("revenue at least a benchmark (the claim names it; default the Vickrey revenue among the seller's neighbours)"),
  NW("non-wasteful: all k units are allocated whenever at least k buyers are informed"),
  EQ("equals a reference mechanism: every agent's allocation (probability) and payment are the same (the claim names the reference as its benchmark)"),
  LEMMA1("000 Lemma 1: when a chain intermediary withholds her threshold neighbourhood and the winner changes, the new lowest-cost chain avoids everyone after her on the old one");

  private final String meaning;

  Property(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }

  public static Optional<Property> parse(String s) {
    return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(s)).findFirst();
  }
}

package org.mechcheck.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The checks a claim's {@code checkedBy} may name, one per source document outside the network mechanisms. */
public final class ClaimChecks {
  private ClaimChecks() {}

  private static final Map<String, ClaimCheck> CHECKS = new TreeMap<>();

  static {
    // one line per check: CHECKS.put("name", Evaluator::evaluate);
    CHECKS.put("datatrade", org.mechcheck.datatrade.DatatradeCheck::evaluate);
    CHECKS.put("group", org.mechcheck.group.GroupClaims::evaluate);
  }

  public static Optional<ClaimCheck> byName(String name) {
    return Optional.ofNullable(CHECKS.get(name));
  }

  public static List<String> names() {
    return List.copyOf(CHECKS.keySet());
  }
}

package org.mechcheck.search;

import java.util.Set;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/**
 * A differential check beside the SMT search: every value and cost drawn from the integers
 * 0..g, each network checked exactly by the concrete checker. Not a proof (a violation can live
 * only between grid points); whatever it finds, the SMT search must find too.
 */
public final class GridSearch {
  private final Mechanism mechanism;
  private final Property property;
  private final Checker checker;

  public GridSearch(Mechanism mechanism, Property property, Benchmark benchmark) {
    this.mechanism = mechanism;
    this.property = property;
    this.checker = new Checker(mechanism, benchmark);
  }

  /** The first grid valuation of {@code structure} (odometer order) with a violation, or null. */
  public Market firstViolation(Market structure, int g) {
    if (mechanism.refusal(structure).isPresent()) return null;
    int n = structure.size();
    int[] digits = new int[n];
    BigFraction[] values = new BigFraction[n], costs = new BigFraction[n];
    while (true) {
      for (int v = 1; v < n; v++) {
        values[v] = BigFraction.of(structure.isBidder(v) ? digits[v] : 0);
        costs[v] = BigFraction.of(structure.isIntermediary(v) ? digits[v] : 0);
      }
      Market m = structure.withTypes(structure.name(), values, costs);
      List<Violation> found = checker.check(m, Set.of(property));
      if (!found.isEmpty()) return m;
      int k = 1;
      while (k < n && digits[k] == g) digits[k++] = 0;
      if (k == n) return null;
      digits[k]++;
    }
  }
}

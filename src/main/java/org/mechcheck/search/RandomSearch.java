package org.mechcheck.search;

import java.util.Set;
import java.util.List;
import java.util.Iterator;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.mechcheck.gen.Networks;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/**
 * Random search: networks drawn (seeded) from the same jqwik generators as the property tests,
 * each checked exactly with the concrete checker. Cheap and wide, never a proof; what it finds is
 * shrunk like any counterexample. Draws outside the class (the generators also make agents who
 * never hear of the sale) are skipped.
 */
public final class RandomSearch {

  public record Result(Market counterexample, Violation violation, long drawn, long checked, double seconds) {}

  private final Mechanism mechanism;
  private final Property property;
  private final Benchmark benchmark;
  private final NetworkClass networkClass;

  public RandomSearch(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass) {
    this.mechanism = mechanism;
    this.property = property;
    this.benchmark = benchmark;
    this.networkClass = networkClass;
  }

  public Result run(long tries, long seed) {
    long start = System.nanoTime();
    Arbitrary<Networks.Net> source = switch (networkClass) {
      case CS_TREE -> Networks.customerSharingTrees();
      case CS_GENERAL -> Networks.customerSharing();
      case SOCIAL_TREE, SOCIAL -> Networks.socialNetworks();
    };
    // jqwik's sampling outside a property runs on its current source of randomness: seed it
    SourceOfRandomness.create(Long.toString(seed));
    Iterator<Networks.Net> draws = source.sampleStream().iterator();
    Checker checker = new Checker(mechanism, benchmark);
    long checked = 0;
    for (long k = 1; k <= tries; k++) {
      Market m = draws.next().market();
      if (!networkClass.contains(m) || mechanism.refusal(m).isPresent()) continue;
      checked++;
      List<Violation> found = checker.check(m, Set.of(property));
      if (!found.isEmpty()) {
        Shrinker shrinker = new Shrinker(mechanism, property, benchmark, networkClass);
        Market small = shrinker.shrink(m);
        return new Result(small, shrinker.violation(small), k, checked, (System.nanoTime() - start) / 1e9);
      }
    }
    return new Result(null, null, tries, checked, (System.nanoTime() - start) / 1e9);
  }
}

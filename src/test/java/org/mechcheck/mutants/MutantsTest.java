package org.mechcheck.mutants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The verifier's own regression test: each quick variant of the {@link Catalogue}, searched by
 * the default search (unbounded values, DSIC), must be killed at its stated bound if faulty and
 * left alone up to its stated bound if harmless. {@code scripts/mutants.sh} runs them all.
 */
class MutantsTest {
  @TestFactory
  Stream<DynamicTest> theSearchKillsEveryFaultyVariantAndNoHarmlessOne() {
    return Catalogue.all().stream().filter(Catalogue.Entry::quick).map(e -> DynamicTest.dynamicTest(e.id(), () -> {
      MutantSuite.Outcome o = MutantSuite.run(e, 0);
      assertTrue(o.asExpected(), () -> e.id() + (e.faulty() ? ": not killed at n<=" + e.agents() : ": flagged, but it changes no outcome") + " (" + o.detail() + ")");
    }));
  }
}

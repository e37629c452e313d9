package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.List;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Market;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;

/** Counterexamples built from violations the checker finds on the reference networks. */
public final class CounterexampleFixtures {
  public static final Path REFERENCE = Path.of("src/test/resources/reference");

  private CounterexampleFixtures() {}

  public static Market reference(String name) {
    return NetworkJson.read(REFERENCE.resolve(name), true).market();
  }

  /** IDM-TC is not IC on Figure 1(a) with an edge B-E (000 §3): A gains by not informing E. */
  public static Counterexample idmTcIc() {
    Market market = reference("idmtc-fig1a-plus-BE.json");
    List<Violation> found = new Checker(Mechanisms.byName("idm-tc").orElseThrow()).check(market, Set.of(Property.IC));
    assertEquals(1, found.size(), "the checker finds the IC violation of 000 §3");
    return Counterexample.from(found.get(0), market, "idm-tc", "idm-tc/ic/general",
        "mechcheck check --mechanism idm-tc --network src/test/resources/reference/idmtc-fig1a-plus-BE.json --property IC", false);
  }
}

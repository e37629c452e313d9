package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.search.SymbolicChecker;
import org.mechcheck.search.SymbolicChecker.Status3;

/** Whatever the integer grid finds on a network, the SMT search finds on that network too. */
class GridVersusSmtTest {
  static SymbolicChecker z3;

  @BeforeAll
  static void open() {
    z3 = new SymbolicChecker(BigFraction.of(100), 30_000);
  }

  @AfterAll
  static void close() {
    z3.close();
  }

  /** Returns how many networks the grid found violated; fails if SMT misses one. */
  private int compare(Mechanism mech, Property p, NetworkClass c, int maxAgents, int g) {
    GridSearch grid = new GridSearch(mech, p, Benchmark.VICKREY);
    int gridFound = 0;
    for (int n = 1; n <= maxAgents; n++) {
      for (Market m : Enumerator.networks(c, n)) {
        if (mech.refusal(m).isPresent()) continue;
        Market hit = grid.firstViolation(m, g);
        Status3 smt = z3.check(mech, m, p, Benchmark.VICKREY).status();
        if (hit != null) {
          gridFound++;
          assertEquals(Status3.VIOLATED, smt, mech.name() + " " + p + ": the grid found a violation on " + m.name() + " that SMT missed");
        }
      }
    }
    return gridFound;
  }

  @Test
  void vcgDeficitsOnSmallCustomerSharingNetworks() {
    assertTrue(compare(Mechanisms.byName("vcg").get(), Property.BB, NetworkClass.CS_GENERAL, 3, 2) > 0, "the grid should see VCG's deficit");
  }

  @Test
  void idmTcOnSmallGeneralNetworks() {
    compare(Mechanisms.byName("idm-tc").get(), Property.IC, NetworkClass.CS_GENERAL, 3, 2);
    compare(Mechanisms.byName("csm").get(), Property.IC, NetworkClass.CS_GENERAL, 3, 2);
  }

  @Test
  void firstPriceIsNotIc() {
    assertTrue(compare(TestMechanisms.FIRST_PRICE, Property.IC, NetworkClass.SOCIAL, 3, 3) > 0);
  }

  @Test
  void smtFindsWhatTheGridCannot() {
    // the reserve bug breaks IR only for values in (2, 3): no integer grid sees it, SMT does
    Market one = Enumerator.networks(NetworkClass.SOCIAL, 1).get(0);
    assertNull(new GridSearch(TestMechanisms.RESERVE_BUG, Property.IR, Benchmark.VICKREY).firstViolation(one, 10));
    SymbolicChecker.Result r = z3.check(TestMechanisms.RESERVE_BUG, one, Property.IR, Benchmark.VICKREY);
    assertEquals(Status3.VIOLATED, r.status());
    BigFraction v = r.witness().agent(1).value();
    assertTrue(v.compareTo(BigFraction.of(2)) > 0 && v.compareTo(BigFraction.of(3)) < 0, "witness value strictly between 2 and 3: " + v);
    assertNotNull(r.violation());
  }

  @Test
  void firstPriceFailsWithASingleBidder() {
    // alone, the first-price winner pays her bid, so bidding 0 instead of her value gains her the value
    List<Market> one = Enumerator.networks(NetworkClass.SOCIAL, 1);
    assertEquals(Status3.VIOLATED, z3.check(TestMechanisms.FIRST_PRICE, one.get(0), Property.IC, Benchmark.VICKREY).status());
  }
}

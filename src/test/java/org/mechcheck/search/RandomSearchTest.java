package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;

class RandomSearchTest {
  @Test
  void findsAFlawAndIsReproducibleFromItsSeed() {
    RandomSearch s = new RandomSearch(TestMechanisms.FIRST_PRICE, Property.IC, Benchmark.VICKREY, NetworkClass.SOCIAL);
    RandomSearch.Result a = s.run(500, 42), b = s.run(500, 42);
    assertNotNull(a.counterexample(), "first price is not IC; random networks show it");
    assertEquals(a.drawn(), b.drawn(), "the same seed draws the same networks");
    assertEquals(1, a.counterexample().agentCount(), "shrunk to one bidder");
  }

  @Test
  void findsNothingWhereTheSmtSearchProvesTheClaim() {
    // IDM-TC's budget balance on trees is verified by SMT (proofs/idm-tc_bb_tree.json)
    RandomSearch s = new RandomSearch(Mechanisms.byName("idm-tc").get(), Property.BB, Benchmark.VICKREY, NetworkClass.CS_TREE);
    assertNull(s.run(300, 7).counterexample());
  }
}

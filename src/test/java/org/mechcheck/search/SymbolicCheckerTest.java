package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Market;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.store.NetworkJson;

class SymbolicCheckerTest {
  static SymbolicChecker z3;

  @BeforeAll
  static void open() {
    z3 = new SymbolicChecker(BigFraction.of(100), 20_000);
  }

  @AfterAll
  static void close() {
    z3.close();
  }

  static Market reference(String name) {
    return NetworkJson.read(Path.of("src/test/resources/reference/" + name + ".json"), true).market();
  }

  @Test
  void idmTcIsNotIcOnFigure1aPlusBE() {
    // 000 §3: with the link B-E, A gains by not informing E; the structure alone admits a violation
    SymbolicChecker.Result r = z3.check(Mechanisms.byName("idm-tc").get(), reference("idmtc-fig1a-plus-BE"), Property.IC, Benchmark.VICKREY);
    assertEquals(SymbolicChecker.Status3.VIOLATED, r.status(), r.note());
    // the witness is confirmed by the exact checker independently
    assertFalse(new Checker(Mechanisms.byName("idm-tc").get()).check(r.witness(), Set.of(Property.IC)).isEmpty());
  }

  @Test
  void vcgRunsADeficitOnFigure1aStructure() {
    SymbolicChecker.Result r = z3.check(Mechanisms.byName("vcg").get(), reference("csm-fig1a"), Property.BB, Benchmark.VICKREY);
    assertEquals(SymbolicChecker.Status3.VIOLATED, r.status(), r.note());
    assertTrue(r.violation().truthful().signum() < 0, "revenue below 0");
  }

  @Test
  void idmTcIsBudgetBalancedOnFigure1aTree() {
    // Proposition 1's revenue identity: revenue = W*_{-d_1} >= 0 on every valuation of this tree
    SymbolicChecker.Result r = z3.check(Mechanisms.byName("idm-tc").get(), reference("csm-fig1a"), Property.BB, Benchmark.VICKREY);
    assertEquals(SymbolicChecker.Status3.HOLDS, r.status(), r.note());
  }
}

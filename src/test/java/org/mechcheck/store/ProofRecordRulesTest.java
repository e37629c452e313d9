package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a proof record says it covers, and which of two records of a claim is kept. */
class ProofRecordRulesTest {
  private static ProofRecord record(String property, int bound, String box, String quantifier, boolean certified) {
    List<ProofRecord.Level> levels = java.util.stream.IntStream.rangeClosed(1, bound).mapToObj(n -> new ProofRecord.Level(n, 1, 2, 0.1)).toList();
    ProofRecord.Subject s = new ProofRecord.Subject("x/ic/social", "x", property, "vickrey", "social", box, 1, null, null, null, "mechcheck search", quantifier);
    return ProofRecord.verified(s, levels, 0, 1, 1, certified ? "SMTInterpol test" : null);
  }

  @Test
  void qualifiersSayQuantifierBoxAndSolvers() {
    assertEquals(List.of("DSIC", "certified"), record("IC", 3, "unbounded", "DSIC", true).qualifiers());
    assertEquals(List.of("others truthful", "values in [0, 100]", "not certified"), record("IC", 4, "100", null, false).qualifiers());
    assertEquals(List.of("not certified"), record("BB", 4, "unbounded", null, false).qualifiers());
  }

  @Test
  void theQuestionComesBeforeTheBound() {
    ProofRecord oldTruthful = record("IC", 5, "100", null, false);
    ProofRecord dsic = record("IC", 3, "unbounded", "DSIC", false);
    assertTrue(dsic.supersedes(oldTruthful), "DSIC and unbounded over others truthful in a box, whatever the bounds");
    assertFalse(oldTruthful.supersedes(dsic));
    assertTrue(record("IC", 4, "unbounded", "DSIC", false).supersedes(dsic), "same question: the larger bound");
    assertTrue(record("IC", 3, "unbounded", "DSIC", true).supersedes(dsic), "same bound: two solvers over one");
    assertFalse(dsic.supersedes(record("IC", 3, "unbounded", "DSIC", true)));
    assertFalse(record("IC", 9, "100", "DSIC", true).supersedes(record("IC", 2, "unbounded", "others truthful", false)), "incomparable questions: kept");
  }
}

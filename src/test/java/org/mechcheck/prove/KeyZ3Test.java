package org.mechcheck.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The in-process Z3 that KeY's leftover goals go to: only {@code unsat} counts, and a timeout,
 * an error or a satisfiable script never does. (KeyProofsTest runs it on KeY's own goals.)
 */
class KeyZ3Test {
  @Test
  void anUnsatisfiableScriptIsUnsatAndNeedsNoExecutable() {
    // x > 2 and x < 1 have no common integer; the script is in the shape KeY sends (named assertions, check-sat last)
    String script = "(set-option :produce-unsat-cores true)\n(declare-const x Int)\n(assert (! (> x 2) :named L_1))\n(assert (! (< x 1) :named L_2))\n(check-sat)";
    assertEquals(KeyZ3.Answer.UNSAT, KeyZ3.decide(script, 10_000));
    assertTrue(KeyZ3.inProcess().description().matches("Z3 \\d+\\.\\d+\\.\\d+ in process \\(z3-turnkey\\)"), KeyZ3.inProcess().description());
  }

  @Test
  void aSatisfiableScriptIsSat() {
    assertEquals(KeyZ3.Answer.SAT, KeyZ3.decide("(declare-const x Int)\n(assert (> x 2))\n(assert (< x 4))\n(check-sat)", 10_000));
  }

  @Test
  void anErrorIsAnErrorNotAnAnswer() {
    // y is not declared: Z3 reports an error, and the check-sat after it decides nothing
    assertEquals(KeyZ3.Answer.ERROR, KeyZ3.decide("(declare-const x Int)\n(assert (> y 2))\n(check-sat)", 10_000));
    assertEquals(KeyZ3.Answer.ERROR, KeyZ3.answer("(error \"line 3 column 9: unknown constant bsum0\")\nunsat\n"));
    assertEquals(KeyZ3.Answer.ERROR, KeyZ3.answer(""));
    assertEquals(KeyZ3.Answer.UNSAT, KeyZ3.answer("success\nunsat\n"));
  }

  @Test
  void theTimeLimitGivesUnknownOnASatisfiableProblemZ3CannotSolveQuickly() {
    // 33 is a sum of three cubes (Booker 2019), with 16-digit integers: satisfiable, so "unsat" here
    // would be unsound, and no solver finds that witness in a fraction of a second
    BigInteger x = new BigInteger("8866128975287528"), y = new BigInteger("-8778405442862239"), z = new BigInteger("-2736111468807040");
    assertEquals(BigInteger.valueOf(33), x.pow(3).add(y.pow(3)).add(z.pow(3)));
    String script = "(declare-const x Int)\n(declare-const y Int)\n(declare-const z Int)\n"
        + "(assert (= (+ (* x x x) (* y y y) (* z z z)) 33))\n(assert (> (* x x) 100))\n(check-sat)";
    assertEquals(KeyZ3.Answer.UNKNOWN, KeyZ3.decide(script, 300));
  }
}

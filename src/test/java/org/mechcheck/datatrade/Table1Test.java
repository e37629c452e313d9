package org.mechcheck.datatrade;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** 004 Table 1's Model 1 RAW and AVE (mean ± std over 5 seeds, n = 5): the exact evaluation lies within one std. */
class Table1Test {

  private static void within(double value, double paper, double std, String what) {
    assertTrue(Math.abs(value - paper) <= std, what + ": " + value + " vs paper " + paper + " ± " + std);
  }

  @Test
  void model1RawAndAveMatchTable1() {
    Chain c = ValuationModels.model(1, 5);
    for (TieBreak tb : TieBreak.values()) {
      Evaluation<BigFraction> raw = Evaluation.of(FastAlgorithm.solve(c, Reallocation.raw(5), tb, Field.EXACT));
      within(raw.sw().doubleValue(), 4.400, 0.053, "RAW SW");
      within(raw.tv().doubleValue(), 0.664, 0.011, "RAW TV");
      Evaluation<BigFraction> ave = Evaluation.of(FastAlgorithm.solve(c, Reallocation.ave(5), tb, Field.EXACT));
      within(ave.sw().doubleValue(), 6.973, 0.073, "AVE SW");
      within(ave.tv().doubleValue(), 1.363, 0.013, "AVE TV");
    }
  }

  @Test
  void monteCarloAgreesWithExactEvaluation() {
    Chain c = ValuationModels.model(4, 5);
    Equilibrium<BigFraction> e = FastAlgorithm.solve(c, Reallocation.ave(5), TieBreak.LOW, Field.EXACT);
    Evaluation<BigFraction> ev = Evaluation.of(e);
    MonteCarlo.Estimate mc = MonteCarlo.run(e, 200_000, 7);
    // standard error of SW here is below 0.002 and of TV below 0.004
    assertTrue(Math.abs(mc.sw() - ev.sw().doubleValue()) < 0.01, mc.sw() + " vs " + ev.sw().doubleValue());
    assertTrue(Math.abs(mc.tv() - ev.tv().doubleValue()) < 0.02, mc.tv() + " vs " + ev.tv().doubleValue());
  }
}

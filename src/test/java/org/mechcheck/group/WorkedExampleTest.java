package org.mechcheck.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 003's numbers for two members with v1 ~ U[0,2], v2 ~ U[0,3] (../shared/reference/README.md).
 * Expected values come from the slides or from closed forms derived by hand in spec/group.md
 * ("The worked example"), never from this code's output.
 */
class WorkedExampleTest {
  static final List<Member> EXAMPLE = GroupSale.members(List.of("U(0,2)", "U(0,3)"));

  @Test
  void optimalWeightIsSqrtOfThreeSevenths() {
    // slides: w1 = sqrt(3/7), w2 = 1 - w1; by hand: minimise w/2 + 3(1-w)^2/(8w), so 7 w^2 = 3
    double[] w = OptimalWeights.of(EXAMPLE);
    assertEquals(Math.sqrt(3.0 / 7), w[0], 1e-8);
    assertEquals(1 - Math.sqrt(3.0 / 7), w[1], 1e-8);
  }

  @Test
  void revenuePerMemberIsTheMinimumOfTheObjective() {
    // by hand: g(w) at 7 w^2 = 3 is (sqrt(21) - 3)/4; every R_i equals it at w*
    EqualShareMechanism m = EqualShareMechanism.optimal(EXAMPLE);
    double closed = (Math.sqrt(21) - 3) / 4;
    assertEquals(closed, m.weightedSurplus(), 1e-8);
    assertEquals(closed, m.revenuePerMember(), 1e-7);
    for (double r : m.memberSurplus()) assertEquals(closed, r, 1e-7);
  }

  @Test
  void postedPriceNearPoint78WithRevenueNearPoint35PerMember() {
    // slides: max_p p P[v1 >= p] P[v2 >= p] ~ 0.35 at p ~ 0.78; by hand 3p^2 - 10p + 6 = 0, so p = (5 - sqrt 7)/3
    PostedPrice.Best b = PostedPrice.best(EXAMPLE);
    assertEquals(0.78, b.price(), 0.01);
    assertEquals(0.35, b.revenuePerMember(), 0.005);
    assertEquals((5 - Math.sqrt(7)) / 3, b.price(), 1e-7);
    assertEquals((10 + 7 * Math.sqrt(7)) / 81, b.revenuePerMember(), 1e-12);
  }

  @Test
  void theGroupBuysIffTheWeightedValuesReachDelta() {
    // slides: delta = 1 + w2/2 (2 w1 v1 - 2 w1 + 2 w2 v2 - 3 w2 >= 0 with w1 + w2 = 1)
    EqualShareMechanism m = EqualShareMechanism.optimal(EXAMPLE);
    double w1 = Math.sqrt(3.0 / 7), w2 = 1 - w1, delta = 1 + w2 / 2;
    SplittableRandom rnd = new SplittableRandom(3);
    int checked = 0;
    for (int k = 0; k < 5000; k++) {
      double v1 = 2 * rnd.nextDouble(), v2 = 3 * rnd.nextDouble(), s = w1 * v1 + w2 * v2 - delta;
      if (Math.abs(s) < 1e-6) continue;
      assertEquals(s > 0, m.sells(new double[] {v1, v2}), v1 + ", " + v2);
      checked++;
    }
    assertTrue(checked > 4900);
  }

  @Test
  void notIrLine() {
    // slides: "Not IR: v1 = 0 then utility of CEO = -3/2 * 1/2". Weights (0, 1) sell iff phi_2 >= 0, i.e. v2 >= 3/2
    // (probability 1/2); member 2 alone would pay 3/2 then: E[X_2 phi_2] = 3/2 * 1/2, E[X_1 phi_1] = 1/2 E[phi_1] = 0.
    EqualShareMechanism m = new EqualShareMechanism(EXAMPLE, new double[] {0, 1});
    double[] r = m.memberSurplus();
    assertEquals(0, r[0], 1e-9);
    assertEquals(1.5 * 0.5, r[1], 1e-9);
    // charging each member r[1] instead of min r: member 1 at value 0 has interim utility U_1(0) = R_1 - share
    assertEquals(-1.5 * 0.5, r[0] - r[1], 1e-9);
    assertEquals(0.5, m.interimAllocation(0, 0), 1e-9, "member 1 at value 0 gets the good with probability 1/2");
  }

  @Test
  void closedFormsPrintAsOnTheSlides() {
    UniformPair u = UniformPair.of("U(0,2)", "U(0,3)").orElseThrow();
    assertEquals("sqrt(3/7)", u.w1().toString());
    assertEquals(1 - Math.sqrt(3.0 / 7), u.w2().doubleValue(), 1e-15);
    assertEquals(1 + u.w2().doubleValue() / 2, u.delta().doubleValue(), 1e-15);
    assertEquals("(sqrt(21) - 3)/4", u.revenuePerMember().toString());
    assertEquals("(5 - sqrt(7))/3", u.postedPrice().toString());
    assertEquals((10 + 7 * Math.sqrt(7)) / 81, u.postedRevenuePerMember().doubleValue(), 1e-15);
  }

  @Test
  void bicAndInterimIrWithinTheGridsErrorBound() {
    EqualShareMechanism m = EqualShareMechanism.optimal(EXAMPLE);
    IncentiveCheck.Result r = IncentiveCheck.of(m, 200, 20000);
    double tol = 3.0 / 20000; // |X error| <= 1/(2M) at two reports, times the largest value 3
    assertTrue(r.maxGain() <= tol, "gain " + r.maxGain());
    assertTrue(r.minInterimUtility() >= -tol, "utility " + r.minInterimUtility());
    assertEquals((Math.sqrt(21) - 3) / 4, r.expectedShare(), 1e-5, "the ex-post share averages to the revenue per member");
    assertTrue(r.minExPostUtility() < -0.1, "equal shares are not ex-post IR: " + r.minExPostUtility());
  }

  @Test
  void theCheckCatchesASharesThatIgnoreReports() {
    // every member pays the expected share whatever she reports: reporting high buys more often for free
    EqualShareMechanism m = EqualShareMechanism.optimal(EXAMPLE);
    EqualShareRule flat = new EqualShareRule() {
      public List<Member> members() {
        return m.members();
      }

      public double score(int i, double v) {
        return m.score(i, v);
      }

      public double sharePart(int i, double v) {
        return 0;
      }

      public double shareConstant() {
        return m.revenuePerMember();
      }
    };
    IncentiveCheck.Result r = IncentiveCheck.of(flat, 200, 20000);
    assertTrue(r.maxGain() > 0.1, "gain " + r.maxGain());
    assertTrue(r.minInterimUtility() < -0.1, "a member of value 0 still pays: " + r.minInterimUtility());
  }

  @Test
  void optimalRevenueBeatsRandomWeightingsAndThePostedPrice() {
    EqualShareMechanism m = EqualShareMechanism.optimal(EXAMPLE);
    GroupSale.RandomWeightings rw = GroupSale.random(EXAMPLE, 300, 5);
    assertTrue(rw.bestRevenue() <= m.revenuePerMember() + 1e-9);
    assertTrue(rw.lowestObjective() >= m.weightedSurplus() - 1e-9);
    assertTrue(m.revenuePerMember() > PostedPrice.best(EXAMPLE).revenuePerMember());
  }
}

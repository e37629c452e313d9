package org.mechcheck.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.mechcheck.store.InputException;

/** Groups whose answers are known independently: one buyer (Myerson), symmetric groups, discrete and ironed members. */
class ClosedFormsTest {
  static List<Member> group(String... specs) {
    return GroupSale.members(List.of(specs));
  }

  @Test
  void oneBuyerIsMyerson() {
    // U[0,1]: monopoly price 1/2, revenue 1/4; Exp(1): phi = v - 1, price 1, revenue 1/e
    EqualShareMechanism u = EqualShareMechanism.optimal(group("U(0,1)"));
    assertEquals(0.25, u.revenuePerMember(), 1e-7);
    assertEquals(0.5, PostedPrice.best(group("U(0,1)")).price(), 1e-6);
    EqualShareMechanism e = EqualShareMechanism.optimal(group("Exp(1)"));
    assertEquals(Math.exp(-1), e.revenuePerMember(), 5e-6); // the quantile slices are linear pieces of -ln(1-u): O(1e-6)
    assertEquals(Math.exp(-1), PostedPrice.best(group("Exp(1)")).revenuePerMember(), 1e-9);
  }

  @Test
  void twoEqualUniformsSplitEvenly() {
    // phi_i ~ U[-1,1]; S = (Y1 + Y2)/2 is triangular on [-1,1] with E|S| = 1/3, so E[max(S,0)] = 1/6
    EqualShareMechanism m = EqualShareMechanism.optimal(group("U(0,1)", "U(0,1)"));
    assertEquals(0.5, m.weights()[0], 1e-8);
    assertEquals(1.0 / 6, m.revenuePerMember(), 1e-7);
  }

  @Test
  void threeEqualUniformsOnTheGrid() {
    // three or more members go through the grid convolution: the sum of three U[-1,1] has E|S| = 13/16
    // (density (3 - s^2)/8 on |s| <= 1, (3 - |s|)^2/16 on 1 <= |s| <= 3), so E[max(S/3, 0)] = 13/96
    List<Member> g = group("U(0,1)", "U(0,1)", "U(0,1)");
    double[] w = OptimalWeights.of(g);
    for (double x : w) assertEquals(1.0 / 3, x, 2e-3);
    EqualShareMechanism m = new EqualShareMechanism(g, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
    assertEquals(13.0 / 96, m.weightedSurplus(), 2e-5);
    for (double r : m.memberSurplus()) assertEquals(13.0 / 96, r, 2e-5);
  }

  @Test
  void uniformPairClosedFormAgreesWithTheNumbers() {
    for (double[] ab : new double[][] {{1, 2}, {0.5, 4}, {3, 1}, {2, 2}}) {
      List<Member> g = group("U(0," + ab[0] + ")", "U(0," + ab[1] + ")");
      UniformPair cf = UniformPair.of(org.mechcheck.num.Rationals.parse("" + ab[0]), org.mechcheck.num.Rationals.parse("" + ab[1]));
      EqualShareMechanism m = EqualShareMechanism.optimal(g);
      assertEquals(cf.w1().doubleValue(), m.weights()[0], 1e-7);
      assertEquals(cf.revenuePerMember().doubleValue(), m.revenuePerMember(), 1e-7);
      assertEquals(cf.postedRevenuePerMember().doubleValue(), PostedPrice.best(g).revenuePerMember(), 1e-9);
    }
  }

  /** For U[0,a] vs U[0,b] with a < b (a hazard-rate-weaker first member) the weight formula b / sqrt(3a^2 + b^2) exceeds 1/2. */
  @Property(tries = 30)
  void weakerUniformGetsTheHigherWeight(@ForAll @DoubleRange(min = 0.5, max = 4) double a, @ForAll @DoubleRange(min = 0.1, max = 3) double extra) {
    double b = a + extra;
    double[] w = OptimalWeights.of(group("U(0," + a + ")", "U(0," + b + ")"));
    assertEquals(b / Math.sqrt(3 * a * a + b * b), w[0], 1e-7);
    assertTrue(w[0] >= w[1]);
  }

  @Test
  void discreteVirtualValuesAreExact() {
    // D(1:1/2, 2:1/2): phi(1) = 1 - (2-1)(1/2)/(1/2) = 0, phi(2) = 2; one buyer's revenue is max(1*1, 2*1/2) = 1
    Member m = new Member(Distributions.parse("D(1:1/2,2:1/2)"));
    assertEquals(0, m.phiBar(1), 0);
    assertEquals(2, m.phiBar(2), 0);
    assertEquals(1, EqualShareMechanism.optimal(List.of(m)).revenuePerMember(), 1e-12);
    assertEquals(1, PostedPrice.best(List.of(m)).revenuePerMember(), 1e-12);
  }

  @Test
  void irregularDiscreteIsIronedExactly() {
    // D(1:1/2, 2:1/10, 3:2/5): phi = 0, -2, 3 falls; pooling the first two gives (0 * 1/2 - 2 * 1/10)/(6/10) = -1/3.
    // One buyer: the best price is 3 (revenue 6/5), which is E[max(ironed phi, 0)] = 3 * 2/5
    Member m = new Member(Distributions.parse("D(1:1/2,2:1/10,3:2/5)"));
    assertFalse(m.regular());
    assertTrue(m.irregularity().contains("falls"), m.irregularity());
    assertEquals(-1.0 / 3, m.phiBar(1), 1e-15);
    assertEquals(-1.0 / 3, m.phiBar(2), 1e-15);
    assertEquals(1.2, EqualShareMechanism.optimal(List.of(m)).revenuePerMember(), 1e-12);
    assertEquals(1.2, PostedPrice.best(List.of(m)).revenuePerMember(), 1e-12);
  }

  @Test
  void irregularContinuousIsIronedToANonDecreasingVirtualValue() {
    // Beta(1/2,1/2) (arcsine): near 0, 1 - F ~ 1 and f ~ 1/(pi sqrt v), so phi ~ v - pi sqrt(v) falls
    Member m = new Member(Distributions.parse("Beta(0.5,0.5)"));
    assertFalse(m.regular());
    double prev = Double.NEGATIVE_INFINITY;
    for (double v = 0.01; v < 1; v += 0.001) {
      double y = m.phiBar(v);
      assertTrue(y >= prev - 1e-9, "ironed phi falls at " + v);
      prev = y;
    }
  }

  @Test
  void regularFamiliesAreRegular() {
    for (String s : List.of("U(1,3)", "Exp(2)", "Exp(1,2)", "Beta(2,3)", "TN(1,0.5,0,3)", "TN(0,1,0,inf)", "D(0:1/4,1:1/2,2:1/4)")) {
      assertTrue(new Member(Distributions.parse(s)).regular(), s);
    }
  }

  @Test
  void virtualValuesAverageToTheLowerEnd() {
    // E[phi(v)] = E[v] - int (1 - F) = lo for a continuous member
    for (String s : List.of("U(1,3)", "Exp(2)", "TN(1,0.5,0,3)", "Beta(2,3)")) {
      Member m = new Member(Distributions.parse(s));
      assertEquals(m.distribution().lo(), m.virtualValues().expect(y -> y), 1e-4, s);
    }
  }

  @Test
  void badDistributionsAreRefusedWithTheReason() {
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("U(0,2")).getMessage().contains("not a distribution"));
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("U(-1,2)")).getMessage().contains("negative support"));
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("D(-1:1/2,2:1/2)")).getMessage().contains("negative support"));
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("D(1:1/2,2:1/3)")).getMessage().contains("add up to 5/6"));
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("Gamma(1,2)")).getMessage().contains("unknown family"));
    assertTrue(assertThrows(InputException.class, () -> Distributions.parse("U(0,x)")).getMessage().contains("not a number"));
  }
}

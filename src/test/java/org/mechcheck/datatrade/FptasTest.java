package org.mechcheck.datatrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Algorithm 4 against its own definitions: the grid of Appendix B and Definition 3.6's conditions on the continuous model. */
class FptasTest {
  static final ContinuousModel TILTED = new ContinuousModel(2, BigFraction.ZERO, BigFraction.ONE, BigFraction.ONE);

  /** eps0 = min(eps, 1) / (4 (1 + n K0) (1 + max(0, -L0))): with n = 2, K0 = 1, L0 = 0, eps = 1/2 that is 1/24, L = 24 + 1. */
  @Test
  void gridFollowsAlgorithm4() {
    assertEquals(BigFraction.ONE, TILTED.k0());
    assertEquals(BigFraction.of(1, 24), Fptas.eps0(BigFraction.of(1, 2), TILTED));
    assertEquals(25, Fptas.gridSize(BigFraction.of(1, 24), TILTED));
    ContinuousModel neg = new ContinuousModel(1, BigFraction.of(-2), BigFraction.of(-1), BigFraction.ZERO);
    assertEquals(BigFraction.of(1, 4), Fptas.eps0(BigFraction.of(1, 2), neg), "H0 <= 0: eps0 = eps / 2");
  }

  @Test
  void definition36HoldsOnATiltedChain() {
    for (Reallocation t : new Reallocation[] {Reallocation.raw(2), Reallocation.ave(2)}) {
      for (BigFraction eps : new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 4)}) {
        Fptas.Result r = Fptas.solve(TILTED, t, TieBreak.LOW, eps);
        ApproximationCheck.Report rep = ApproximationCheck.check(r, 2);
        assertTrue(rep.holds(), t.name + " eps " + eps + ": (a) " + rep.worstA() + " at " + rep.whereA() + ", (b) " + rep.worstB() + " at " + rep.whereB());
      }
    }
  }

  /** The check can fail: the grid Algorithm 4 builds for eps = 1/2 (eps0 = 1/24) does not give a 1/100-approximate equilibrium. */
  @Test
  void definition36CatchesTooCoarseAGrid() {
    Fptas.Result r = Fptas.solve(TILTED, Reallocation.raw(2), TieBreak.LOW, BigFraction.of(1, 2));
    Fptas.Result claimed = new Fptas.Result(r.model(), r.t(), r.tieBreak(), BigFraction.of(1, 100), r.eps0(), r.L(), r.discrete(), r.equilibrium(), 0);
    assertFalse(ApproximationCheck.check(claimed, 2).holds());
  }

  /** With kappa = 0 the valuations are independent uniforms: the discretization is exact, and s~ differs from s^dagger only by v - w_k(v) < eps0. */
  @Test
  void independentUniformsMissOnlyByTheCell() {
    ContinuousModel u = new ContinuousModel(2, BigFraction.ZERO, BigFraction.ONE, BigFraction.ZERO);
    Fptas.Result r = Fptas.solve(u, Reallocation.ave(2), TieBreak.LOW, BigFraction.of(1, 2));
    ApproximationCheck.Report rep = ApproximationCheck.check(r, 3);
    double eps0 = r.eps0().doubleValue(), eps = r.epsilon().doubleValue();
    assertTrue(rep.worstB() * eps <= eps0 + 1e-9, "(b) " + rep.worstB() * eps + " > eps0 " + eps0);
  }
}

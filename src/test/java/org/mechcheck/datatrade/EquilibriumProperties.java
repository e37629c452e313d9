package org.mechcheck.datatrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The equilibrium algorithms against each other and against the definitions: the fast algorithm
 * returns exactly the paper's strategies; the strategies satisfy Equation 9 when every player's
 * gain g_i(v_i, p) is computed by brute force over all future valuation paths (Definition 2.4
 * played out); the exact forward evaluation equals the brute-force expectation of Equation 2.
 */
class EquilibriumProperties {

  @Property(tries = 150)
  void fastAlgorithmEqualsAlgorithms1to3(@ForAll long seed) {
    Random rng = new Random(seed);
    Chain c = SmallModels.chain(rng, 4, 5);
    Reallocation t = SmallModels.mechanism(rng, c.n);
    for (TieBreak tb : TieBreak.values()) {
      Equilibrium<BigFraction> a = PaperAlgorithm.solve(c, t, tb, Field.EXACT), b = FastAlgorithm.solve(c, t, tb, Field.EXACT);
      assertTrue(a.sameAs(b), "fast and paper algorithms differ on seed " + seed + " tie-break " + tb);
    }
  }

  @Property(tries = 150)
  void strategiesSatisfyEquation9(@ForAll long seed) {
    Random rng = new Random(seed);
    Chain c = SmallModels.chain(rng, 3, 4);
    Reallocation t = SmallModels.mechanism(rng, c.n);
    TieBreak tb = rng.nextBoolean() ? TieBreak.LOW : TieBreak.HIGH;
    Equilibrium<BigFraction> e = FastAlgorithm.solve(c, t, tb, Field.EXACT);
    for (int i = 0; i < c.n; i++) {
      TreeSet<BigFraction> prices = new TreeSet<>(Field.EXACT::compare);
      prices.add(BigFraction.ZERO);
      for (int l = 0; l < c.size(); l++) if (e.u[i + 1][l].signum() >= 0) prices.add(e.u[i + 1][l]);
      List<BigFraction> probes = new ArrayList<>(prices);
      BigFraction prev = null;
      for (BigFraction p : prices) {
        if (prev != null) probes.add(prev.add(p).divide(2));
        prev = p;
      }
      probes.add(prices.last().add(1));
      for (int k = 0; k < c.size(); k++) {
        assertTrue(e.p[i][k].signum() >= 0, "negative price");
        BigFraction g = gain(e, i, k, e.p[i][k]);
        assertEquals(0, g.subtract(e.u[i][k]).signum(), "s_" + i + "(w_" + k + ") != g_i(w_k, p_i(w_k)) on seed " + seed);
        for (BigFraction p : probes) assertTrue(gain(e, i, k, p).subtract(g).signum() <= 0, "price " + p + " beats the equilibrium price for player " + i + " on seed " + seed);
      }
    }
  }

  @Property(tries = 100)
  void forwardEvaluationEqualsPathEnumeration(@ForAll long seed) {
    Random rng = new Random(seed);
    Chain c = SmallModels.chain(rng, 3, 4);
    Reallocation t = SmallModels.mechanism(rng, c.n);
    Equilibrium<BigFraction> e = FastAlgorithm.solve(c, t, TieBreak.LOW, Field.EXACT);
    BigFraction[] sums = {BigFraction.ZERO, BigFraction.ZERO};
    int[] path = new int[c.n + 1];
    path[0] = c.v0;
    enumerate(e, path, 1, BigFraction.ONE, sums);
    Evaluation<BigFraction> ev = Evaluation.of(e);
    assertEquals(0, sums[0].subtract(ev.sw()).signum(), "SW on seed " + seed);
    assertEquals(0, sums[1].subtract(ev.tv()).signum(), "TV on seed " + seed);
  }

  /** Sum over all valuation paths of probability x (SW, number of trades), playing Definition 2.4 and Equation 2. */
  private static void enumerate(Equilibrium<BigFraction> e, int[] path, int i, BigFraction prob, BigFraction[] sums) {
    Chain c = e.chain;
    if (i > c.n) {
      BigFraction[] util = new BigFraction[c.n + 1];
      java.util.Arrays.fill(util, BigFraction.ZERO);
      util[0] = c.w[path[0]];
      int trades = 0;
      for (int j = 1; j <= c.n; j++) {
        if (!e.buys(j, path[j - 1], path[j])) break;
        trades++;
        BigFraction price = e.p[j - 1][path[j - 1]];
        util[j] = util[j].add(c.w[path[j]]).subtract(price);
        for (int a = 0; a < j; a++) util[a] = util[a].add(e.t.get(j, a).multiply(price));
      }
      BigFraction sw = BigFraction.ZERO;
      for (BigFraction u : util) sw = sw.add(u);
      sums[0] = sums[0].add(prob.multiply(sw));
      sums[1] = sums[1].add(prob.multiply(trades));
      return;
    }
    for (int l = 0; l < c.size(); l++) {
      if (c.q[i][path[i - 1]][l].signum() == 0) continue;
      path[i] = l;
      enumerate(e, path, i + 1, prob.multiply(c.q[i][path[i - 1]][l]), sums);
    }
  }

  /** g_i(w_k, p) of Equation 8 by brute force: every path v_{i+1..n}, everyone after i playing the equilibrium. */
  static BigFraction gain(Equilibrium<BigFraction> e, int i, int k, BigFraction price) {
    return e.chain.w[k].add(future(e, i, i + 1, k, price, BigFraction.ONE));
  }

  private static BigFraction future(Equilibrium<BigFraction> e, int i, int j, int prevState, BigFraction price, BigFraction prob) {
    Chain c = e.chain;
    if (j > c.n) return BigFraction.ZERO;
    BigFraction total = BigFraction.ZERO;
    for (int l = 0; l < c.size(); l++) {
      BigFraction q = c.q[j][prevState][l];
      if (q.signum() == 0 || e.u[j][l].compareTo(price) < 0) continue; // player j does not buy: no later trade either
      BigFraction pr = prob.multiply(q);
      total = total.add(pr.multiply(e.t.get(j, i)).multiply(price));
      if (j < c.n) total = total.add(future(e, i, j + 1, l, e.p[j][l], pr));
    }
    return total;
  }
}

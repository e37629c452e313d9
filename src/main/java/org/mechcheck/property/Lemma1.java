package org.mechcheck.property;

import java.util.BitSet;
import org.mechcheck.mechanism.Csm;
import org.mechcheck.mechanism.Welfare;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * 000 Lemma 1, on one profile: with LCC_m = (l_1, ..., l_q = m), if l_i withholds her threshold
 * neighbourhood (by the construction procedure) and the winner becomes m' != m, then LCC_{m'}
 * contains none of l_{i+1}, ..., l_q. Generic in the numbers, so Z3 can explore it.
 */
public final class Lemma1 {
  private Lemma1() {}

  /** A failure: who withheld, the new winner, and the later chain member her new chain passes. */
  public record Failure(int withholder, int newWinner, int passed) {}

  /** The first failure of the lemma on this profile, or null when it holds. */
  public static <N> Failure firstFailure(Profile<N> p, Arith<N> a) {
    Welfare<N> w = new Welfare<>(p, a);
    int m = w.winner();
    if (m < 0) return null;
    int[] chain = w.lowestCostChain(m);
    Csm csm = new Csm(Csm.Reading.PROCEDURE);
    for (int k = 1; k < chain.length - 1; k++) {
      int li = chain[k];
      BitSet kept = p.informs(li);
      kept.andNot(csm.threshold(p, a, li, m, chain));
      Welfare<N> after = new Welfare<>(p.withInforms(li, kept), a);
      int m2 = after.winner();
      if (m2 < 0 || m2 == m) continue;
      int[] chain2 = after.lowestCostChain(m2);
      for (int j = k + 1; j < chain.length; j++) {
        for (int x : chain2) if (x == chain[j]) return new Failure(li, m2, chain[j]);
      }
    }
    return null;
  }
}

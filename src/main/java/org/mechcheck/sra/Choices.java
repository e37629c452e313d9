package org.mechcheck.sra;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;

/** Where the agents' random choices come from: seeded generators, or an enumeration of every outcome. */
public interface Choices {
  int choose(int agent, int k);

  /** Each agent draws from her own generator, seeded from {@code seed} and her node: reproducible whatever the message order. */
  static Choices seeded(long seed) {
    return new Choices() {
      private final java.util.Map<Integer, SplittableRandom> gens = new java.util.HashMap<>();

      public int choose(int agent, int k) {
        return gens.computeIfAbsent(agent, a -> new SplittableRandom(seed * 1_000_003L + a)).nextInt(k);
      }
    };
  }

  /**
   * Every combination of choices, depth first: run the protocol with {@link #next()} until it
   * returns false; {@link #probability()} is the chance of the current combination.
   */
  final class Enumeration implements Choices {
    private final List<int[]> script = new ArrayList<>(); // {choice, options}
    private int pos;
    private boolean started;

    public int choose(int agent, int k) {
      if (pos < script.size()) {
        int[] c = script.get(pos++);
        if (c[1] != k) throw new IllegalStateException("the protocol's choices are not deterministic");
        return c[0];
      }
      script.add(new int[] {0, k});
      pos++;
      return 0;
    }

    /** Moves to the next combination; false when all have been run. */
    public boolean next() {
      if (!started) {
        started = true;
        pos = 0;
        return true;
      }
      while (!script.isEmpty() && script.get(script.size() - 1)[0] == script.get(script.size() - 1)[1] - 1) script.remove(script.size() - 1);
      if (script.isEmpty()) return false;
      script.get(script.size() - 1)[0]++;
      pos = 0;
      return true;
    }

    public BigFraction probability() {
      BigFraction p = BigFraction.ONE;
      for (int[] c : script) p = p.divide(c[1]);
      return p;
    }
  }
}

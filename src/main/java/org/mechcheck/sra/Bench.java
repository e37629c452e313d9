package org.mechcheck.sra;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;

/**
 * Speed of the distributed protocol on a random tree (benchmarks, not a test):
 * {@code java -cp target/mechcheck-cli.jar org.mechcheck.sra.Bench [agents] [seed]}. Each agent
 * attaches to a uniformly random earlier node; values on the grid k/1000; exact arithmetic.
 */
public final class Bench {
  private Bench() {}

  public static Market randomTree(int agents, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Agent> as = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    for (int v = 1; v <= agents; v++) {
      as.add(Agent.bidder("n" + v, BigFraction.of(rnd.nextInt(1001), 1000), true));
      edges.add(new int[] {rnd.nextInt(v), v});
    }
    return new Market("random-tree-" + agents, "Bench, seed " + seed, "s", as, edges, 1);
  }

  public static void main(String[] args) {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Market m = randomTree(agents, seed);
    Exact a = Exact.INSTANCE;
    Profile<BigFraction> p = Profile.truthful(m, a);
    for (int warm = 0; warm < 3; warm++) Protocol.once(p, a, seed);
    int reps = 10;
    long start = System.nanoTime();
    Runtime.Result<BigFraction> r = null;
    for (int k = 0; k < reps; k++) r = Protocol.once(p, a, seed);
    double ms = (System.nanoTime() - start) / 1e6 / reps;
    System.out.printf("sra protocol on a random tree of %d agents: %.1f ms per run (mean of %d after warm-up), %d messages, %d local sales, winner %s%n",
        agents, ms, reps, r.messages(), r.ledger().size(), m.id(r.holder()));
  }
}

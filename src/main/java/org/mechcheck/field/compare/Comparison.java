package org.mechcheck.field.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.property.Checker;

/**
 * Several mechanisms on the same random social networks, the way the field's experiment sections
 * compare them: each network's revenue, welfare and optimal welfare W*, exactly, and the share of
 * W* each mechanism realises (the efficiency ratio).
 *
 * <p>The networks: for each size n and seed S, a stream of its own ({@link #stream}), from which
 * network after network is drawn. Agent k (k = 1..n, ids a1..an) links to one of the seller and
 * agents 1..k-1, uniformly, so the network is connected; then each further pair of nodes is linked
 * with probability p; every value is an integer drawn uniformly from [1, maxValue]. The same seed
 * gives the same networks whatever the mechanisms, the other sizes and (for the first N) the
 * number of networks.
 */
public final class Comparison {
  private static final Exact A = Exact.INSTANCE;

  private Comparison() {}

  /** How the networks are drawn. */
  public record Setup(List<Integer> sizes, int networks, long seed, double edgeProbability, int maxValue) {}

  /** One mechanism on one network: exact revenue, welfare and W*. */
  public record Run(int agents, int network, String mechanism, BigFraction revenue, BigFraction welfare, BigFraction optimal) {
    /** Welfare over W* (1 when W* is 0: nothing could be gained). */
    public BigFraction efficiency() {
      return optimal.signum() == 0 ? BigFraction.ONE : welfare.divide(optimal);
    }
  }

  /** Means over the networks of one size, per mechanism, exactly. */
  public record Mean(int agents, String mechanism, int networks, BigFraction revenue, BigFraction welfare, BigFraction efficiency) {}

  /** The random stream of the networks of one size (independent of the other sizes asked). */
  public static SplittableRandom stream(long seed, int size) {
    return new SplittableRandom(seed ^ (size * 0x9E3779B97F4A7C15L));
  }

  /** The next network of {@code agents} agents from {@code rnd}, named by its size and index. */
  public static Market network(int agents, int index, double edgeProbability, int maxValue, SplittableRandom rnd) {
    List<Agent> as = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    boolean[][] linked = new boolean[agents + 1][agents + 1];
    for (int k = 1; k <= agents; k++) {
      as.add(Agent.bidder("a" + k, BigFraction.of(1 + rnd.nextInt(maxValue)), true));
      int to = rnd.nextInt(k); // the seller (0) or an earlier agent
      edges.add(new int[] {to, k});
      linked[to][k] = linked[k][to] = true;
    }
    for (int u = 0; u <= agents; u++) {
      for (int v = u + 1; v <= agents; v++) {
        if (!linked[u][v] && rnd.nextDouble() < edgeProbability) edges.add(new int[] {u, v});
      }
    }
    return new Market("n" + agents + "-" + index, "experiment compare: " + agents + " agents, network " + index, "s", as, edges, 1);
  }

  /** A drawn network and its index among those of its size (1-based). */
  public record Network(int index, Market market) {}

  /** Every network of the setup, size by size. */
  public static List<Network> networks(Setup s) {
    List<Network> out = new ArrayList<>();
    for (int n : s.sizes()) {
      SplittableRandom rnd = stream(s.seed(), n);
      for (int i = 1; i <= s.networks(); i++) out.add(new Network(i, network(n, i, s.edgeProbability(), s.maxValue(), rnd)));
    }
    return out;
  }

  /** The first mechanism that refuses one of the networks, and why; empty when every one accepts every network. */
  public static Optional<String> refusal(List<Mechanism> mechanisms, List<Network> networks) {
    for (Network n : networks) {
      Market m = n.market();
      for (Mechanism mech : mechanisms) {
        Optional<String> r = mech.refusal(m);
        if (r.isPresent()) return Optional.of(mech.name() + " refuses network " + m.name() + ": " + r.get());
      }
    }
    return Optional.empty();
  }

  /** Each mechanism on each network, exactly, in the order of the networks then of the mechanisms. */
  public static List<Run> run(List<Mechanism> mechanisms, List<Network> networks) {
    List<Run> out = new ArrayList<>();
    for (Network n : networks) {
      Market m = n.market();
      Profile<BigFraction> truthful = Profile.truthful(m, A);
      BigFraction optimal = Checker.optimalWelfare(truthful, A);
      for (Mechanism mech : mechanisms) {
        Outcome<BigFraction> o = mech.run(truthful, A);
        out.add(new Run(m.agentCount(), n.index(), mech.name(), o.revenue(A), Checker.welfare(o), optimal));
      }
    }
    return out;
  }

  /** The exact means per size and mechanism, in the order the runs first name them. */
  public static List<Mean> means(List<Run> runs) {
    List<Mean> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Run r : runs) if (!keys.contains(r.agents() + "/" + r.mechanism())) keys.add(r.agents() + "/" + r.mechanism());
    for (String key : keys) {
      BigFraction rev = BigFraction.ZERO, wel = BigFraction.ZERO, eff = BigFraction.ZERO;
      int count = 0, agents = 0;
      String mech = null;
      for (Run r : runs) {
        if (!key.equals(r.agents() + "/" + r.mechanism())) continue;
        rev = rev.add(r.revenue());
        wel = wel.add(r.welfare());
        eff = eff.add(r.efficiency());
        count++;
        agents = r.agents();
        mech = r.mechanism();
      }
      out.add(new Mean(agents, mech, count, rev.divide(count), wel.divide(count), eff.divide(count)));
    }
    return out;
  }
}

package org.mechcheck.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;

/**
 * An independent oracle for the truthful report graph of a market, written from 000 §2 and
 * nothing else: the seller informs all her neighbours, an agent who invites informs all hers,
 * a buyer who does not invite informs nobody. Trading chains are the simple paths from the
 * seller (Definition 1); the optimal welfare W* is the best value-minus-costs over every chain
 * that ends at a bidder, and 0 when none is positive (selling nothing is feasible). Uses only
 * the market's data (agents and edge list), none of the main code's graph algorithms.
 */
public final class BruteForce {
  private BruteForce() {}

  private static boolean informsNeighbours(Market m, int v) {
    return v == 0 || m.agents().get(v - 1).invites();
  }

  /** out[u] = the nodes u informs when everyone is truthful. */
  public static List<List<Integer>> arcs(Market m) {
    int n = m.agents().size() + 1;
    List<List<Integer>> out = new ArrayList<>();
    for (int v = 0; v < n; v++) out.add(new ArrayList<>());
    for (int[] e : m.edges()) {
      int u = e[0], v = e[1];
      if (informsNeighbours(m, u) && v != 0) out.get(u).add(v);
      if (informsNeighbours(m, v) && u != 0) out.get(v).add(u);
    }
    return out;
  }

  /** The agents who hear of the sale (breadth-first from the seller; the seller excluded). */
  public static BitSet informed(Market m) {
    List<List<Integer>> out = arcs(m);
    BitSet seen = new BitSet();
    Deque<Integer> q = new ArrayDeque<>();
    seen.set(0);
    q.add(0);
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int v : out.get(u)) if (!seen.get(v)) {
        seen.set(v);
        q.add(v);
      }
    }
    seen.clear(0);
    return seen;
  }

  /** Every simple path s, a1, ..., ak (k >= 1) in the truthful report graph. */
  public static List<int[]> chains(Market m) {
    List<List<Integer>> out = arcs(m);
    List<int[]> result = new ArrayList<>();
    extend(out, new ArrayList<>(List.of(0)), result);
    return result;
  }

  private static void extend(List<List<Integer>> out, List<Integer> path, List<int[]> result) {
    int u = path.get(path.size() - 1);
    for (int v : out.get(u)) {
      if (path.contains(v)) continue;
      path.add(v);
      result.add(path.stream().mapToInt(Integer::intValue).toArray());
      extend(out, path, result);
      path.remove(path.size() - 1);
    }
  }

  /** The costs of the agents strictly between the seller and the last node of the chain. */
  public static BigFraction cost(Market m, int[] chain) {
    BigFraction c = BigFraction.ZERO;
    for (int k = 1; k < chain.length - 1; k++) c = c.add(m.agents().get(chain[k] - 1).cost());
    return c;
  }

  /** Welfare of selling to the last node of {@code chain} along it: her value minus the costs on the way. */
  public static BigFraction welfare(Market m, int[] chain) {
    return m.agents().get(chain[chain.length - 1] - 1).value().subtract(cost(m, chain));
  }

  /** W*: the maximum over all chains ending at a bidder of value minus costs, and 0 (no sale). */
  public static BigFraction optimalWelfare(Market m) {
    BigFraction best = BigFraction.ZERO;
    for (int[] c : chains(m)) {
      if (!m.agents().get(c[c.length - 1] - 1).isBidder()) continue;
      BigFraction w = welfare(m, c);
      if (w.compareTo(best) > 0) best = w;
    }
    return best;
  }

  /** The lowest cost of a chain from the seller to {@code target}, or null if none reaches her. */
  public static BigFraction lowestCost(Market m, int target) {
    BigFraction best = null;
    for (int[] c : chains(m)) {
      if (c[c.length - 1] != target) continue;
      BigFraction x = cost(m, c);
      if (best == null || x.compareTo(best) < 0) best = x;
    }
    return best;
  }
}

package org.mechcheck.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;

/**
 * An independent oracle, written from 000 §2 and nothing else, over report graphs given as
 * out-lists ({@code out.get(u)}: the nodes u informs; node 0 is the seller, node k the k-th
 * agent). Truthfully the seller informs all her neighbours, an agent who invites informs all
 * hers, a buyer who does not invite informs nobody. Trading chains are the simple paths from
 * the seller (Definition 1); the optimal welfare W* is the best value-minus-costs over the
 * chains that end at a bidder, and 0 when none is positive (selling nothing is feasible). Uses
 * only the market's data (agents and edge list), none of the main code's graph algorithms,
 * and enumerates every simple path, so it is meant for small networks.
 */
public final class BruteForce {
  private BruteForce() {}

  private static Agent agent(Market m, int v) {
    return m.agents().get(v - 1);
  }

  private static int nodes(Market m) {
    return m.agents().size() + 1;
  }

  /** The truthful report graph. */
  public static List<List<Integer>> arcs(Market m) {
    int n = nodes(m);
    List<List<Integer>> out = new ArrayList<>();
    for (int v = 0; v < n; v++) out.add(new ArrayList<>());
    for (int[] e : m.edges()) {
      int u = e[0], v = e[1];
      if ((u == 0 || agent(m, u).invites()) && v != 0) out.get(u).add(v);
      if ((v == 0 || agent(m, v).invites()) && u != 0) out.get(v).add(u);
    }
    return out;
  }

  /** The truthful report graph, except that v does not inform the nodes of {@code withheld}. */
  public static List<List<Integer>> arcsWithholding(Market m, int v, BitSet withheld) {
    List<List<Integer>> out = arcs(m);
    out.get(v).removeIf(withheld::get);
    return out;
  }

  /** The truthful report graph without the nodes of {@code removed} (they take no part: no arc in or out). */
  public static List<List<Integer>> arcsWithout(Market m, BitSet removed) {
    List<List<Integer>> out = arcs(m);
    for (int u = 0; u < out.size(); u++) {
      if (removed.get(u)) out.get(u).clear();
      else out.get(u).removeIf(removed::get);
    }
    return out;
  }

  public static List<List<Integer>> arcsWithout(Market m, int v) {
    BitSet r = new BitSet();
    r.set(v);
    return arcsWithout(m, r);
  }

  /** The agents who hear of the sale (breadth-first from the seller; the seller excluded). */
  public static BitSet informed(List<List<Integer>> out) {
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

  public static BitSet informed(Market m) {
    return informed(arcs(m));
  }

  /** d_v: the informed agents who no longer hear of the sale without v, v included (empty if v is not informed). */
  public static BitSet dominated(Market m, int v) {
    BitSet before = informed(m);
    if (!before.get(v)) return new BitSet();
    BitSet d = (BitSet) before.clone();
    d.andNot(informed(arcsWithout(m, v)));
    d.set(v);
    return d;
  }

  /** The diffusion critical sequence of an informed agent t: every agent on all chains to t, from the seller outwards, t last. */
  public static List<Integer> criticalSequence(Market m, int t) {
    List<Integer> seq = new ArrayList<>();
    for (int v = 1; v < nodes(m); v++) if (dominated(m, v).get(t)) seq.add(v);
    seq.sort((x, y) -> Integer.compare(dominated(m, y).cardinality(), dominated(m, x).cardinality()));
    return seq;
  }

  /** Every simple path s, a1, ..., ak (k >= 1) of the report graph, depth first with neighbours in list order. */
  public static List<int[]> chains(List<List<Integer>> out) {
    List<int[]> result = new ArrayList<>();
    extend(out, new ArrayList<>(List.of(0)), result);
    return result;
  }

  public static List<int[]> chains(Market m) {
    return chains(arcs(m));
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
    for (int k = 1; k < chain.length - 1; k++) c = c.add(agent(m, chain[k]).cost());
    return c;
  }

  /** Welfare of selling to the last node of {@code chain} along it: her value minus the costs on the way. */
  public static BigFraction welfare(Market m, int[] chain) {
    return agent(m, chain[chain.length - 1]).value().subtract(cost(m, chain));
  }

  /** W*: the maximum over all chains ending at a bidder of value minus costs, and 0 (no sale). */
  public static BigFraction optimalWelfare(Market m, List<List<Integer>> out) {
    BigFraction best = BigFraction.ZERO;
    for (int[] c : chains(out)) {
      if (!agent(m, c[c.length - 1]).isBidder()) continue;
      BigFraction w = welfare(m, c);
      if (w.compareTo(best) > 0) best = w;
    }
    return best;
  }

  public static BigFraction optimalWelfare(Market m) {
    return optimalWelfare(m, arcs(m));
  }

  /** The lowest cost of a chain from the seller to {@code target}, or null if none reaches her. */
  public static BigFraction lowestCost(Market m, List<List<Integer>> out, int target) {
    BigFraction best = null;
    for (int[] c : chains(out)) {
      if (c[c.length - 1] != target) continue;
      BigFraction x = cost(m, c);
      if (best == null || x.compareTo(best) < 0) best = x;
    }
    return best;
  }

  public static BigFraction lowestCost(Market m, int target) {
    return lowestCost(m, arcs(m), target);
  }

  /** SW_b = b - the lowest cost of a chain to b, or null if b does not hear of the sale. */
  public static BigFraction socialWelfare(Market m, List<List<Integer>> out, int b) {
    BigFraction c = lowestCost(m, out, b);
    return c == null ? null : agent(m, b).value().subtract(c);
  }

  /**
   * The efficient winner under the tie-break of spec/README.md: among the informed bidders with the
   * highest SW, the earliest in the file; -1 if no bidder is informed or the best SW is below 0
   * (no sale; with SW = 0 selling and not selling are equally good, and the item is sold).
   */
  public static int efficientWinner(Market m, List<List<Integer>> out) {
    int best = -1;
    BigFraction top = null;
    for (int b = 1; b < nodes(m); b++) {
      if (!agent(m, b).isBidder()) continue;
      BigFraction sw = socialWelfare(m, out, b);
      if (sw == null) continue;
      if (top == null || sw.compareTo(top) > 0) {
        top = sw;
        best = b;
      }
    }
    return top == null || top.signum() < 0 ? -1 : best;
  }

  public static int efficientWinner(Market m) {
    return efficientWinner(m, arcs(m));
  }

  /** The lexicographically first (by node order) among the lowest-cost chains to {@code target}. */
  public static int[] firstLowestCostChain(Market m, List<List<Integer>> out, int target) {
    BigFraction best = lowestCost(m, out, target);
    int[] first = null;
    for (int[] c : chains(out)) {
      if (c[c.length - 1] != target || cost(m, c).compareTo(best) != 0) continue;
      if (first == null || java.util.Arrays.compare(c, first) < 0) first = c;
    }
    return first;
  }
}

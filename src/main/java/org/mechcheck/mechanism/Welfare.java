package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.mechcheck.network.Profile;
import org.mechcheck.network.ReportGraph;
import org.mechcheck.num.Arith;

/**
 * The efficient allocation of 000 §2 on one report profile: lowest-cost trading chains (Def. 3),
 * SW_i = b_i minus the cost of LCC_i, the winner argmax_i SW_i, and the optimal welfare W*
 * with any set of agents left out of the market (W*_{-X}). Selling nothing has welfare 0, so
 * the item is sold iff some SW_i >= 0 (a tie with no sale sells) and W* is never below 0.
 */
public final class Welfare<N> {
  private final Profile<N> profile;
  private final Arith<N> a;
  private final ReportGraph graph;

  public /*@ pure @*/ Welfare(Profile<N> profile, Arith<N> a) {
    this.profile = profile;
    this.a = a;
    this.graph = profile.graph();
  }

  /** Above this many trading chains in all, chain costs come from Bellman-Ford instead of the chains themselves. */
  static final int FEW_CHAINS = 64;

  /**
   * Lowest cost of a chain from the seller to each node, counting the costs of the agents
   * strictly between them; null where the node cannot be reached without {@code removed}.
   * Both ways below compute min over the trading chains with {@link Arith#min}, so the symbolic
   * engine builds terms and does not fork; on small networks the minimum over the few simple
   * chains gives far smaller terms than Bellman-Ford's rounds of minima (the same number).
   */
  public N[] chainCost(BitSet removed) {
    N[] fromChains = minOverChains(removed);
    return fromChains != null ? fromChains : bellmanFord(removed);
  }

  @SuppressWarnings("unchecked")
  private N[] minOverChains(BitSet removed) {
    int n = graph.size();
    BitSet live = graph.reach(removed);
    List<List<int[]>> chains = new ArrayList<>();
    int total = 0;
    for (int v = 0; v < n; v++) {
      List<int[]> cs = v == 0 || !live.get(v) ? List.of() : graph.chains(v, removed, FEW_CHAINS - total + 1);
      total += cs.size();
      if (total > FEW_CHAINS) return null;
      chains.add(cs);
    }
    N[] dist = (N[]) new Object[n];
    dist[0] = a.zero();
    for (int v = 1; v < n; v++) {
      for (int[] c : chains.get(v)) dist[v] = dist[v] == null ? chainCost(c) : a.min(dist[v], chainCost(c));
    }
    return dist;
  }

  @SuppressWarnings("unchecked")
  private N[] bellmanFord(BitSet removed) {
    int n = graph.size();
    BitSet live = graph.reach(removed);
    N[] dist = (N[]) new Object[n];
    dist[0] = a.zero();
    for (int round = 1; round < live.cardinality(); round++) {
      boolean changed = false;
      for (int u = live.nextSetBit(0); u >= 0; u = live.nextSetBit(u + 1)) {
        if (dist[u] == null) continue;
        N via = u == 0 ? dist[u] : a.add(dist[u], profile.cost(u));
        for (int v : graph.out(u)) {
          if (!live.get(v) || v == 0) continue;
          N old = dist[v];
          dist[v] = old == null ? via : a.min(old, via);
          changed |= dist[v] != old;
        }
      }
      if (!changed) break;
    }
    return dist;
  }

  /** SW_v = b_v - cost(LCC_v) for the listed bidders. */
  public List<N> socialWelfare(List<Integer> bidders, N[] dist) {
    List<N> sw = new ArrayList<>();
    for (int v : bidders) sw.add(a.sub(profile.bid(v), dist[v]));
    return sw;
  }

  private List<Integer> reachableBidders(BitSet removed) {
    BitSet live = graph.reach(removed);
    List<Integer> out = new ArrayList<>();
    for (int v = live.nextSetBit(1); v >= 0; v = live.nextSetBit(v + 1)) {
      if (profile.market().isBidder(v)) out.add(v);
    }
    return out;
  }

  /** W*_{-removed}: the optimal welfare when the agents of {@code removed} do not take part. */
  public /*@ pure @*/ N best(BitSet removed) {
    List<Integer> bidders = reachableBidders(removed);
    return a.maxOr(a.zero(), socialWelfare(bidders, chainCost(removed)));
  }

  /** W*: the optimal welfare of the profile. */
  public /*@ pure @*/ N best() {
    return best(new BitSet());
  }

  /** W*_{-v}. */
  public N bestWithout(int v) {
    BitSet r = new BitSet();
    r.set(v);
    return best(r);
  }

  /** The efficient winner m = argmax SW_i (lowest node on ties), or -1 when no SW_i is at least 0. */
  public int winner() {
    List<Integer> bidders = reachableBidders(new BitSet());
    if (bidders.isEmpty()) return -1;
    List<N> sw = socialWelfare(bidders, chainCost(new BitSet()));
    int best = a.argmax(sw);
    return a.ge(sw.get(best), a.zero()) ? bidders.get(best) : -1;
  }

  /** LCC_m: the cheapest trading chain to m, lexicographically first among equally cheap ones. */
  public int[] lowestCostChain(int m) {
    List<int[]> chains = graph.chains(m, new BitSet());
    List<N> costs = new ArrayList<>();
    for (int[] c : chains) costs.add(chainCost(c));
    return chains.get(a.argmin(costs));
  }

  /** The costs of the agents strictly between the seller and the end of the chain. */
  public N chainCost(int[] chain) {
    N c = a.zero();
    for (int k = 1; k < chain.length - 1; k++) c = a.add(c, profile.cost(chain[k]));
    return c;
  }

  /** v_i(t_i, pi) under a single-unit sale along {@code chain}: b_m for the winner, -c_i on the chain. */
  public N valueOnChain(int v, int[] chain) {
    if (chain[chain.length - 1] == v) return profile.bid(v);
    for (int k = 1; k < chain.length - 1; k++) if (chain[k] == v) return a.neg(profile.cost(v));
    return a.zero();
  }
}

package org.mechcheck.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The report graph of a profile: an arc u -> v when u is a node that informs her neighbour v.
 * Who takes part is decided by reachability from the seller (node 0). Everything here is
 * concrete structure; no number is touched.
 */
public final class ReportGraph {
  private final int n;
  private final int[][] out;
  private final BitSet reached;
  /** The dominator tree of the informed agents, built on first use (see {@link Dominators}). */
  private Dominators dominators;

  ReportGraph(Profile<?> p) {
    Market m = p.market();
    this.n = m.size();
    this.out = new int[n][];
    for (int u = 0; u < n; u++) out[u] = p.informsView(u);
    this.reached = reach(new BitSet());
  }

  /** Nodes, the seller included. */
  public /*@ pure @*/ int size() {
    return n;
  }

  /** Out-neighbours of u in increasing node order. */
  public int[] out(int u) {
    return out[u];
  }

  /** Nodes reachable from the seller when the nodes of {@code removed} do not take part (the seller is included). */
  public BitSet reach(BitSet removed) {
    BitSet seen = new BitSet(n);
    Deque<Integer> queue = new ArrayDeque<>();
    seen.set(0);
    queue.add(0);
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int v : out[u]) {
        if (!seen.get(v) && !removed.get(v)) {
          seen.set(v);
          queue.add(v);
        }
      }
    }
    return seen;
  }

  /** Whether agent v hears of the sale. */
  public /*@ pure @*/ boolean informed(int v) {
    return v != 0 && reached.get(v);
  }

  /** Informed agents (the seller excluded). */
  public /*@ pure @*/ BitSet informed() {
    BitSet s = (BitSet) reached.clone();
    s.clear(0);
    return s;
  }

  /**
   * d_v: the agents who cannot hear of the sale without v (v's diffusion critical children,
   * v included), i.e. the informed agents that v dominates in the report graph rooted at the
   * seller. Empty when v is not informed.
   */
  public /*@ pure @*/ BitSet dominated(int v) {
    return dominators().subtree(v);
  }

  /**
   * The diffusion critical sequence of an informed agent m: every agent that lies on all paths
   * from the seller to m, ordered from the seller outwards (d_{s1} ⊃ d_{s2} ⊃ ... ⊃ d_m), ending with m.
   */
  public /*@ pure @*/ List<Integer> criticalSequence(int m) {
    if (!informed(m)) throw new IllegalArgumentException("node " + m + " is not informed");
    return dominators().pathFromSeller(m);
  }

  private Dominators dominators() {
    if (dominators == null) dominators = new Dominators(n, out, reached);
    return dominators;
  }

  /**
   * Every trading chain from the seller to {@code target}: simple paths s, a1, ..., target in
   * the report graph avoiding {@code removed}, in lexicographic order of their node sequences
   * (depth first with neighbours in node order; no chain to a target is a prefix of another).
   */
  public List<int[]> chains(int target, BitSet removed) {
    return chains(target, removed, Integer.MAX_VALUE);
  }

  /** The first {@code limit} chains to {@code target} in that order (the enumeration stops there). */
  public List<int[]> chains(int target, BitSet removed, int limit) {
    // depth first with an explicit stack (a chain may be as long as the network): next[k] is the
    // next out-neighbour of path[k] to try
    List<int[]> result = new ArrayList<>();
    int[] path = new int[n], next = new int[n];
    BitSet onPath = new BitSet(n);
    path[0] = 0;
    onPath.set(0);
    int len = 1;
    while (len > 0 && result.size() < limit) {
      int u = path[len - 1];
      if (next[len - 1] == out[u].length) {
        onPath.clear(u);
        len--;
        continue;
      }
      int v = out[u][next[len - 1]++];
      if (onPath.get(v) || removed.get(v)) continue;
      if (v == target) {
        int[] chain = java.util.Arrays.copyOf(path, len + 1);
        chain[len] = v;
        result.add(chain);
        continue;
      }
      path[len] = v;
      next[len] = 0;
      onPath.set(v);
      len++;
    }
    return result;
  }
}

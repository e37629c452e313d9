package org.mechcheck.mechanism;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.network.SpanningTrees;
import org.mechcheck.num.Arith;

/**
 * The centralized reduction of the sequential resale auction (001 §4.2), read literally:
 * <ol>
 *   <li>G(θ') is the undirected graph on the seller and the valid (informed) buyers with an edge
 *       {i, j} whenever one of them invited the other (Definition 3.1); z is the highest bidder,
 *       "with random tie-breaking": each of the tied highest bidders with equal probability
 *       (the outcome is the exact expectation over that choice too);
 *   <li>for every spanning tree T of G(θ'), the simple path S .. z of T is turned into a
 *       diffusion path (Definition 4.5) by removing back-edges: from the current node, jump to
 *       the last node of the path adjacent to it in G(θ') (spec/sra.md: why greedily);
 *   <li>on that path h_0 = S, h_1, ..., h_m = z, with T−h the buyers left connected to S when h
 *       leaves T (everyone outside h's subtree), h_j keeps the item iff she is the first whose
 *       bid is the highest of T−h_{j+1} (z always can): Eq. 3; the winner pays v1st(T−w), each
 *       earlier h_j pays v1st(T−h_j) − v1st(T−h_{j+1}) (a reward): Eq. 4;
 *   <li>allocation and payments are the exact averages over all spanning trees: Eq. 5.
 * </ol>
 * The transformation never changes the subtree of a node that stays on the path (the skipped
 * nodes stay below the node the path jumps from), so T−h_j is read in T itself. Trees with the
 * same diffusion path and the same subtrees along it give the same outcome for every bid; they
 * are grouped once per graph and winner, so each run costs one evaluation per group.
 */
public final class SraCentral implements Mechanism {

  /** The most spanning trees enumerated; networks with more are refused with their count. */
  public static final long TREE_LIMIT = 200_000;

  @Override
  public String name() {
    return "sra-central";
  }

  @Override
  public String description() {
    return "centralized reduction of the sequential resale auction: IDM along the diffusion path of every spanning tree, averaged exactly";
  }

  @Override
  public String source() {
    return "001 §4.2 (Eq. 3-5), Theorem 4.6";
  }

  @Override
  public String domain() {
    return "single unit; every agent a bidder; at most " + TREE_LIMIT + " spanning trees";
  }

  @Override
  public Optional<String> refusal(Market market) {
    Optional<String> outside = SingleUnitSocial.refusal(name(), market);
    if (outside.isPresent()) return outside;
    // every report profile's participant graph is a connected subgraph of the seller's component,
    // which has at least as many spanning trees (each extends to a distinct one of the whole)
    BigInteger trees = treeCount(market);
    if (trees.compareTo(BigInteger.valueOf(TREE_LIMIT)) > 0) {
      return Optional.of("sra-central enumerates spanning trees; " + market.name() + " has " + trees + " of them (limit " + TREE_LIMIT + ")");
    }
    return Optional.empty();
  }

  /** Spanning trees of the seller's connected component of the market graph. */
  public static BigInteger treeCount(Market market) {
    int n = market.size();
    BitSet[] adj = new BitSet[n];
    for (int v = 0; v < n; v++) {
      adj[v] = new BitSet(n);
      for (int w : market.neighbours(v)) adj[v].set(w);
    }
    BitSet comp = new BitSet(n);
    java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(0));
    comp.set(0);
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int w = adj[u].nextSetBit(0); w >= 0; w = adj[u].nextSetBit(w + 1)) if (!comp.get(w)) { comp.set(w); q.add(w); }
    }
    return SpanningTrees.count(comp, adj);
  }

  // the item goes to one informed agent with probability 1 (none when nobody is informed), along no trading chain
  /*@ also
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()) && \result.allocation(v).signum() == 0);
    @ ensures \result.unitsAllocated().compareTo(profile.graph().informed().isEmpty() ? BigFraction.ZERO : BigFraction.ONE) == 0;
    @ ensures \result.chains().isEmpty();
    @*/
  @Override
  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Market market = profile.market();
    BitSet informed = profile.graph().informed();
    if (informed.isEmpty()) return Outcome.noSale(market, arith);
    int n = market.size();
    Structure s = Structure.of(profile);

    List<Integer> bidders = informed.stream().boxed().toList();
    List<N> bids = bidders.stream().map(profile::bid).toList();
    N top = arith.maxOr(bids.get(0), bids.subList(1, bids.size())); // no floor: the tie set is never empty
    List<Integer> tops = new ArrayList<>();
    for (int v : bidders) if (arith.ge(profile.bid(v), top)) tops.add(v);
    BigInteger total = s.total.multiply(BigInteger.valueOf(tops.size()));

    N[] pay = (N[]) new Object[n];
    Arrays.fill(pay, arith.zero());
    long[] wins = new long[n];
    Map<BitSet, N> best = new HashMap<>(); // v1st of a buyer set, once per run
    Map<String, Boolean> keeps = new HashMap<>(); // one comparison per (buyer, set), once per run
    for (int z : tops) for (Group g : s.groups(z)) {
      int m = g.path.length;
      List<N> price = new ArrayList<>(m);
      for (BitSet out : g.outside) price.add(best.computeIfAbsent(out, o -> arith.maxOr(arith.zero(), o.stream().mapToObj(profile::bid).toList())));
      int l = 0;
      while (l < m - 1) {
        int h = g.path[l];
        N next = price.get(l + 1);
        boolean keep = keeps.computeIfAbsent(h + "|" + g.outside[l + 1], k -> arith.ge(profile.bid(h), next));
        if (keep) break;
        l++;
      }
      BigFraction share = BigFraction.of(BigInteger.valueOf(g.count), total);
      wins[g.path[l]] += g.count;
      pay[g.path[l]] = arith.add(pay[g.path[l]], arith.mul(price.get(l), share));
      for (int j = 0; j < l; j++) pay[g.path[j]] = arith.add(pay[g.path[j]], arith.mul(arith.sub(price.get(j), price.get(j + 1)), share));
    }
    BigFraction[] alloc = Outcome.zeros(n);
    for (int v = 1; v < n; v++) if (wins[v] != 0) alloc[v] = BigFraction.of(BigInteger.valueOf(wins[v]), total);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("spanningTrees", s.total.toString());
    return new Outcome<>(market, alloc, Outcome.zeros(n), List.of(), pay, details);
  }

  /**
   * Spanning trees that give the same outcome for every bid: the same diffusion path (seller
   * excluded, winner last) and, for each node on it, the same buyers outside its subtree.
   */
  record Group(int[] path, BitSet[] outside, long count) {}

  /** The participant graph of a profile, its spanning trees, and their groups per highest bidder. */
  static final class Structure {
    private static final Map<String, Structure> CACHE = new ConcurrentHashMap<>();
    final int n;
    final BitSet buyers;
    final BitSet[] adj;
    final List<int[]> trees;
    final BigInteger total;
    private final Map<Integer, List<Group>> groups = new ConcurrentHashMap<>();

    private Structure(int n, BitSet buyers, BitSet[] adj) {
      this.n = n;
      this.buyers = buyers;
      this.adj = adj;
      BitSet nodes = (BitSet) buyers.clone();
      nodes.set(0);
      try {
        this.trees = SpanningTrees.enumerate(nodes, adj, 0, TREE_LIMIT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sra-central: the participants' graph has " + e.getMessage());
      }
      this.total = BigInteger.valueOf(trees.size());
    }

    static Structure of(Profile<?> p) {
      Market market = p.market();
      int n = market.size();
      BitSet buyers = p.graph().informed();
      BitSet[] adj = new BitSet[n];
      for (int v = 0; v < n; v++) adj[v] = new BitSet(n);
      BitSet nodes = (BitSet) buyers.clone();
      nodes.set(0);
      for (int u = nodes.nextSetBit(0); u >= 0; u = nodes.nextSetBit(u + 1)) {
        for (int w : p.graph().out(u)) {
          if (!nodes.get(w)) continue;
          adj[u].set(w);
          adj[w].set(u);
        }
      }
      StringBuilder key = new StringBuilder().append(n);
      for (BitSet a : adj) key.append(a);
      if (CACHE.size() > 20_000) CACHE.clear();
      return CACHE.computeIfAbsent(key.toString(), k -> new Structure(n, buyers, adj));
    }

    List<Group> groups(int z) {
      return groups.computeIfAbsent(z, this::group);
    }

    private List<Group> group(int z) {
      Map<String, Object[]> byKey = new LinkedHashMap<>();
      for (int[] parent : trees) {
        int[] treePath = pathTo(parent, z);
        int[] dpath = diffusionPath(treePath);
        BitSet[] outside = new BitSet[dpath.length];
        for (int j = 0; j < dpath.length; j++) {
          BitSet o = (BitSet) buyers.clone();
          o.andNot(subtree(parent, dpath[j]));
          outside[j] = o;
        }
        String key = Arrays.toString(dpath) + Arrays.toString(outside);
        Object[] slot = byKey.computeIfAbsent(key, k -> new Object[] {dpath, outside, new long[1]});
        ((long[]) slot[2])[0]++;
      }
      List<Group> out = new ArrayList<>();
      for (Object[] slot : byKey.values()) out.add(new Group((int[]) slot[0], (BitSet[]) slot[1], ((long[]) slot[2])[0]));
      return List.copyOf(out);
    }

    /** The tree path from the seller to z, seller first. */
    private int[] pathTo(int[] parent, int z) {
      List<Integer> up = new ArrayList<>();
      for (int v = z; v != -1; v = parent[v]) up.add(v);
      int[] path = new int[up.size()];
      for (int k = 0; k < path.length; k++) path[k] = up.get(path.length - 1 - k);
      return path;
    }

    /**
     * Definition 4.5 by removing back-edges, greedily from the seller: from the current node jump
     * to the last node of the tree path adjacent to it in G(θ'). Returns the path without the seller.
     */
    int[] diffusionPath(int[] treePath) {
      List<Integer> out = new ArrayList<>();
      int cur = 0;
      while (cur < treePath.length - 1) {
        int next = cur + 1;
        for (int k = treePath.length - 1; k > cur + 1; k--) {
          if (adj[treePath[cur]].get(treePath[k])) { next = k; break; }
        }
        out.add(treePath[next]);
        cur = next;
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private BitSet subtree(int[] parent, int h) {
      BitSet sub = new BitSet(n);
      for (int v = 1; v < n; v++) {
        if (!buyers.get(v)) continue;
        for (int u = v; u != -1; u = parent[u]) if (u == h) { sub.set(v); break; }
      }
      return sub;
    }
  }

  @Override
  public List<Contract> contracts() {
    return List.of(Contract.UNINFORMED_PAY_AND_WIN_NOTHING, Contract.SOLD_WHEN_ANYONE_IS_INFORMED, Contract.NO_CHAIN);
  }
}

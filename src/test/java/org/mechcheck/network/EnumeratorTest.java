package org.mechcheck.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * Counts are checked against numbers known independently of the production code: OEIS terms, a
 * generating function, a brute force over all labelled graphs and all permutations, and small
 * cases counted by hand.
 */
class EnumeratorTest {

  private static final NetworkClass SOCIAL = NetworkClass.SOCIAL;
  private static final NetworkClass SOCIAL_TREE = NetworkClass.SOCIAL_TREE;
  private static final NetworkClass CS_TREE = NetworkClass.CS_TREE;
  private static final NetworkClass CS_GENERAL = NetworkClass.CS_GENERAL;

  // ------------------------------------------------------------------ known sequences

  /** Rooted trees with 1..9 nodes, OEIS A000081; a social tree with n agents is a rooted tree with n + 1 nodes. */
  private static final long[] A000081 = {1, 1, 2, 4, 9, 20, 48, 115, 286};

  /** Connected unlabelled graphs with 1..8 nodes, OEIS A001349. */
  private static final long[] A001349 = {1, 1, 2, 6, 21, 112, 853, 11117};

  /**
   * Rooted ("pointed") connected unlabelled graphs with 1..8 nodes, OEIS A126100 (0, 1, 1, 3, 11,
   * 58, 407, 4306, 72489 from n = 0; its comments derive a(3) = 3 and a(5) = 58 by hand).
   */
  private static final long[] A126100 = {1, 1, 3, 11, 58, 407, 4306, 72489};

  @Test
  void socialTreesAreRootedTrees() {
    for (int n = 1; n <= 8; n++) assertEquals(A000081[n], Enumerator.count(SOCIAL_TREE, n), "social-tree n=" + n);
  }

  @Test
  void unrootedConnectedGraphsMatchA001349() {
    for (int nodes = 1; nodes <= 8; nodes++) assertEquals(A001349[nodes - 1], Enumerator.unrootedConnectedCount(nodes), "nodes=" + nodes);
  }

  @Test
  void socialNetworksAreRootedConnectedGraphs() {
    for (int n = 1; n <= 7; n++) assertEquals(A126100[n], Enumerator.count(SOCIAL, n), "social n=" + n);
  }

  /**
   * A customer-sharing tree is a tree rooted at the seller in which buyers are leaves (a buyer
   * has exactly one neighbour, in the core) and any other agent is an intermediary; conversely
   * every such tree is one (removing leaves keeps the core connected). So the branches hanging
   * from the seller are counted by R(x) = x (a buyer leaf) + x * Exp(R)(x) (an intermediary with
   * a multiset of branches, possibly none), and cs-tree(n) = [x^n] Exp(R)(x), where Exp is the
   * Euler transform (multisets). This computes it with plain integer arithmetic.
   */
  @Test
  void customerSharingTreesMatchTheirGeneratingFunction() {
    int max = 8;
    long[] r = new long[max + 1];
    for (int m = 1; m <= max; m++) r[m] = (m == 1 ? 1 : 0) + multisets(r, max)[m - 1];
    long[] e = multisets(r, max);
    for (int n = 1; n <= max; n++) assertEquals(e[n], Enumerator.count(CS_TREE, n), "cs-tree n=" + n);
  }

  /** Coefficients of prod_i (1 - x^i)^(-r[i]) up to x^max, computed from the r[i] known so far (the rest zero). */
  private static long[] multisets(long[] r, int max) {
    long[] e = new long[max + 1];
    e[0] = 1;
    for (int i = 1; i <= max; i++)
      for (long copies = 0; copies < r[i]; copies++) for (int j = i; j <= max; j++) e[j] += e[j - i];
    return e;
  }

  /**
   * Small cases by hand.
   *
   * <p>n = 1: the one agent must neighbour the seller. Social: 1. Customer sharing: she is a
   * buyer or an intermediary, so 2 (tree and general alike).
   *
   * <p>n = 2, social: edges among sA, sB, AB, connected: the path s-A-B (same as s-B-A), the
   * cherry A-s-B, the triangle: 3. Trees: path and cherry, 2.
   *
   * <p>n = 2, customer sharing. No intermediary: two buyers on the seller, 1. One intermediary I
   * (on the seller) and one buyer whose neighbours are {s}, {I} or {s, I}: 3 (trees: {s} or {I},
   * 2). Two intermediaries: the core is a rooted connected graph on 3 nodes, 3 (trees 2). So
   * cs-general(2) = 1 + 3 + 3 = 7 and cs-tree(2) = 1 + 2 + 2 = 5.
   *
   * <p>n = 3, customer sharing with exactly one intermediary I and two buyers: a multiset of two
   * of the neighbour sets {s}, {I}, {s,I}: 6 for general; {s},{I}: 3 for trees. No intermediary:
   * 1. (Checked through the per-k split of the produced networks.)
   */
  @Test
  void smallCasesByHand() {
    assertEquals(1, Enumerator.count(SOCIAL, 1));
    assertEquals(1, Enumerator.count(SOCIAL_TREE, 1));
    assertEquals(2, Enumerator.count(CS_GENERAL, 1));
    assertEquals(2, Enumerator.count(CS_TREE, 1));
    assertEquals(3, Enumerator.count(SOCIAL, 2));
    assertEquals(2, Enumerator.count(SOCIAL_TREE, 2));
    assertEquals(7, Enumerator.count(CS_GENERAL, 2));
    assertEquals(5, Enumerator.count(CS_TREE, 2));
    assertEquals(1, byIntermediaries(CS_GENERAL, 3).get(0));
    assertEquals(6, byIntermediaries(CS_GENERAL, 3).get(1));
    assertEquals(1, byIntermediaries(CS_TREE, 3).get(0));
    assertEquals(3, byIntermediaries(CS_TREE, 3).get(1));
  }

  private static Map<Integer, Long> byIntermediaries(NetworkClass c, int n) {
    return Enumerator.networks(c, n).stream()
        .collect(Collectors.groupingBy(m -> (int) m.agents().stream().filter(a -> !a.isBidder()).count(), Collectors.counting()));
  }

  // ------------------------------------------------------------------ brute force

  @Test
  void countsMatchBruteForce() {
    for (NetworkClass c : NetworkClass.values())
      for (int n = 1; n <= 5; n++) assertEquals(bruteForce(c, n), Enumerator.count(c, n), c.id() + " n=" + n);
  }

  /**
   * Isomorphism classes by brute force: every labelled graph on the seller (node 0) and n agents,
   * for every number k of intermediaries (nodes 1..k; the buyers k+1..n), filtered by the class
   * rules as the brief states them, and reduced to the least adjacency code over every
   * permutation that fixes the seller and keeps kinds.
   */
  static long bruteForce(NetworkClass c, int n) {
    int nodes = n + 1;
    int[][] pairs = new int[nodes * (nodes - 1) / 2][];
    int p = 0;
    for (int u = 0; u < nodes; u++) for (int v = u + 1; v < nodes; v++) pairs[p++] = new int[] {u, v};
    long total = 0;
    boolean cs = c.isCustomerSharing();
    for (int k = cs ? 0 : n; k <= n; k++) {
      int core = k + 1; // nodes below core are the seller and the intermediaries (all agents for social)
      List<int[]> perms = blockPermutations(nodes, core);
      Set<Long> classes = new HashSet<>();
      for (long edges = 0; edges < 1L << pairs.length; edges++) {
        int[] adj = new int[nodes];
        int count = 0;
        for (int i = 0; i < pairs.length; i++)
          if ((edges >>> i & 1) != 0) {
            adj[pairs[i][0]] |= 1 << pairs[i][1];
            adj[pairs[i][1]] |= 1 << pairs[i][0];
            count++;
          }
        if (reach(adj, (1 << nodes) - 1) != (1 << nodes) - 1) continue; // connected
        if (c.isTreeClass() && count != nodes - 1) continue; // a connected graph with nodes-1 edges is a tree
        if (cs) {
          int coreMask = (1 << core) - 1;
          boolean ok = reach(adj, coreMask) == coreMask; // seller + intermediaries connected
          for (int b = core; b < nodes; b++) ok &= (adj[b] & ~coreMask) == 0 && (adj[b] & coreMask) != 0;
          if (!ok) continue;
        }
        long least = Long.MAX_VALUE;
        for (int[] perm : perms) {
          long code = 0;
          for (int i = 0; i < pairs.length; i++)
            if ((edges >>> i & 1) != 0) {
              int a = perm[pairs[i][0]], b = perm[pairs[i][1]];
              code |= 1L << (Math.min(a, b) * nodes + Math.max(a, b));
            }
          least = Math.min(least, code);
        }
        classes.add(least);
      }
      total += classes.size();
    }
    return total;
  }

  /** Nodes reachable from node 0 inside the mask. */
  private static int reach(int[] adj, int mask) {
    int seen = 1, frontier = 1;
    while (frontier != 0) {
      int v = Integer.numberOfTrailingZeros(frontier);
      frontier &= frontier - 1;
      int fresh = adj[v] & mask & ~seen;
      seen |= fresh;
      frontier |= fresh;
    }
    return seen;
  }

  /** Permutations of 0..nodes-1 fixing 0 and mapping [1, core) and [core, nodes) onto themselves. */
  private static List<int[]> blockPermutations(int nodes, int core) {
    List<int[]> out = new ArrayList<>();
    for (int[] a : permutations(range(1, core)))
      for (int[] b : permutations(range(core, nodes))) {
        int[] perm = new int[nodes];
        int[] src = concat(range(1, core), range(core, nodes));
        int[] dst = concat(a, b);
        for (int i = 0; i < src.length; i++) perm[src[i]] = dst[i];
        out.add(perm);
      }
    return out;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[Math.max(0, to - from)];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static List<int[]> permutations(int[] items) {
    List<int[]> out = new ArrayList<>();
    permute(items.clone(), 0, out);
    return out;
  }

  private static void permute(int[] a, int i, List<int[]> out) {
    if (i >= a.length - 1) {
      out.add(a.clone());
      return;
    }
    for (int j = i; j < a.length; j++) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
      permute(a, i + 1, out);
      a[j] = a[i];
      a[i] = t;
    }
  }

  // ------------------------------------------------------------------ the networks themselves

  @Test
  void everyNetworkIsAWellFormedMemberOfItsClass() {
    for (NetworkClass c : NetworkClass.values())
      for (int n = 1; n <= 6; n++) {
        final int size = n;
        long[] index = {0};
        Enumerator.stream(c, n).forEach(m -> {
          String where = m.name();
          assertEquals(c.id() + "-n" + size + "-" + index[0]++, m.name());
          assertEquals(size, m.agentCount(), where);
          assertEquals(1, m.units(), where);
          assertEquals("s", m.sellerId(), where);
          assertTrue(c.contains(m), where);
          assertTrue(new ConnectivityInspector<>(m.graph()).isConnected(), where);
          for (int v = 1; v <= size; v++) assertEquals(String.valueOf((char) ('A' + v - 1)), m.id(v), where);
          assertTrue(m.adjacent(0, 1), "A neighbours the seller: " + where);
          if (c.isCustomerSharing()) {
            int core = 1;
            while (core <= size && m.isIntermediary(core)) core++;
            for (int v = core; v <= size; v++) {
              assertTrue(m.isBidder(v) && !m.invites(v), "intermediaries first, then buyers: " + where);
              boolean onCore = false;
              for (int w : m.neighbours(v)) {
                assertTrue(w < core, "a buyer neighbours no buyer: " + where);
                onCore = true;
              }
              assertTrue(onCore, where);
            }
            int coreMask = (1 << core) - 1;
            int[] adj = adjacency(m);
            assertEquals(coreMask, reach(adj, coreMask), "seller and intermediaries connected: " + where);
          } else {
            for (int v = 1; v <= size; v++) assertTrue(m.isBidder(v) && m.invites(v), where);
          }
          for (Agent a : m.agents()) assertTrue(a.value().signum() == 0 && a.cost().signum() == 0, where);
        });
        assertEquals(Enumerator.count(c, n), index[0], c.id() + " n=" + n);
      }
  }

  @Test
  void fewerEdgesFirstAndDeterministic() {
    for (NetworkClass c : NetworkClass.values())
      for (int n = 1; n <= 5; n++) {
        List<Market> first = Enumerator.networks(c, n);
        List<Market> again = Enumerator.networks(c, n);
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
          assertEquals(describe(first.get(i)), describe(again.get(i)));
          if (i > 0) assertTrue(first.get(i - 1).edges().size() <= first.get(i).edges().size(), first.get(i).name());
        }
        assertEquals(n, first.get(0).edges().size(), "a tree comes first");
      }
  }

  @Test
  void networksArePairwiseNonIsomorphic() {
    for (NetworkClass c : NetworkClass.values())
      for (int n = 1; n <= 5; n++) {
        // bucket by a cheap invariant, then VF2 within each bucket
        Map<String, List<Graph<String, DefaultEdge>>> buckets = new HashMap<>();
        for (Market m : Enumerator.networks(c, n)) {
          Graph<String, DefaultEdge> g = kindGraph(m);
          buckets.computeIfAbsent(invariant(g), x -> new ArrayList<>()).add(g);
        }
        for (List<Graph<String, DefaultEdge>> bucket : buckets.values())
          for (int i = 0; i < bucket.size(); i++)
            for (int j = i + 1; j < bucket.size(); j++)
              assertFalse(isomorphic(bucket.get(i), bucket.get(j)), c.id() + " n=" + n + ": " + bucket.get(i) + " ~ " + bucket.get(j));
      }
  }

  @Test
  void vf2SeesIsomorphismsAcrossRelabelling() {
    // guard for the test above: VF2 with our comparator does find an isomorphism when one exists
    Market m = Enumerator.networks(CS_GENERAL, 4).get(100);
    List<Agent> agents = new ArrayList<>(m.agents());
    int n = agents.size();
    int[] perm = {0, 2, 1, 4, 3}; // swap nodes 1<->2 and 3<->4 (kinds may differ: compare kinds only via the graph)
    List<int[]> edges = new ArrayList<>();
    for (int[] e : m.edges()) edges.add(new int[] {perm[e[0]], perm[e[1]]});
    List<Agent> permuted = new ArrayList<>(agents);
    for (int v = 1; v <= n; v++) permuted.set(perm[v] - 1, agents.get(v - 1));
    Market copy = new Market("copy", "", "s", permuted, edges, 1);
    assertTrue(isomorphic(kindGraph(m), kindGraph(copy)));
  }

  /** The market as a graph whose vertex names start with the kind: S seller, I intermediary, B buyer, X inviting bidder. */
  private static Graph<String, DefaultEdge> kindGraph(Market m) {
    SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    String[] name = new String[m.size()];
    for (int v = 0; v < m.size(); v++) {
      String kind = v == 0 ? "S" : m.isIntermediary(v) ? "I" : m.invites(v) ? "X" : "B";
      name[v] = kind + v;
      g.addVertex(name[v]);
    }
    for (int[] e : m.edges()) g.addEdge(name[e[0]], name[e[1]]);
    return g;
  }

  private static String invariant(Graph<String, DefaultEdge> g) {
    return g.edgeSet().size() + ":" + g.vertexSet().stream().map(v -> v.charAt(0) + "" + g.degreeOf(v)).sorted().collect(Collectors.joining(","));
  }

  private static boolean isomorphic(Graph<String, DefaultEdge> a, Graph<String, DefaultEdge> b) {
    Comparator<String> sameKind = Comparator.comparing(v -> v.charAt(0));
    return new VF2GraphIsomorphismInspector<>(a, b, sameKind, null).isomorphismExists();
  }

  private static int[] adjacency(Market m) {
    int[] adj = new int[m.size()];
    for (int[] e : m.edges()) {
      adj[e[0]] |= 1 << e[1];
      adj[e[1]] |= 1 << e[0];
    }
    return adj;
  }

  private static String describe(Market m) {
    return m.name() + m.agents() + m.edges().stream().map(Arrays::toString).collect(Collectors.joining());
  }

  @Test
  void rejectsSizesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> Enumerator.count(SOCIAL, 0));
    assertThrows(IllegalArgumentException.class, () -> Enumerator.networks(CS_TREE, Enumerator.MAX_AGENTS + 1));
  }

  // ------------------------------------------------------------------ canonical labelling

  @Test
  void canonicalCodeIsInvariantAndAutomorphismsAreComplete() {
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + random.nextInt(6);
      int[] adj = new int[n];
      double density = random.nextDouble();
      for (int u = 0; u < n; u++) for (int v = u + 1; v < n; v++) if (random.nextDouble() < density) {
        adj[u] |= 1 << v;
        adj[v] |= 1 << u;
      }
      int[] colour = new int[n];
      for (int v = 0; v < n; v++) colour[v] = random.nextInt(2);
      CanonicalLabelling canon = CanonicalLabelling.of(n, adj, colour, true);
      // relabel randomly: same code
      List<Integer> order = new ArrayList<>();
      for (int v = 0; v < n; v++) order.add(v);
      java.util.Collections.shuffle(order, random);
      int[] p = order.stream().mapToInt(Integer::intValue).toArray();
      int[] adj2 = new int[n];
      int[] colour2 = new int[n];
      for (int v = 0; v < n; v++) {
        colour2[p[v]] = colour[v];
        for (int w = 0; w < n; w++) if ((adj[v] >>> w & 1) != 0) adj2[p[v]] |= 1 << p[w];
      }
      assertEquals(canon.code(), CanonicalLabelling.of(n, adj2, colour2, false).code());
      // automorphisms: exactly the colour-preserving permutations that keep the edges
      Set<String> expected = new HashSet<>();
      for (int[] sigma : permutations(range(0, n))) if (isAutomorphism(sigma, adj, colour)) expected.add(Arrays.toString(sigma));
      Set<String> found = canon.automorphisms().stream().map(Arrays::toString).collect(Collectors.toSet());
      assertEquals(expected, found);
      assertEquals(expected.size(), canon.automorphisms().size());
    }
  }

  private static boolean isAutomorphism(int[] sigma, int[] adj, int[] colour) {
    for (int v = 0; v < adj.length; v++) {
      if (colour[sigma[v]] != colour[v]) return false;
      for (int w = 0; w < adj.length; w++) if ((adj[v] >>> w & 1) != (adj[sigma[v]] >>> sigma[w] & 1)) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ timing (prints only)

  @Test
  void printCountsAndTimes() {
    StringBuilder out = new StringBuilder("Enumerator counts and times (count only; graph levels are memoised, so the times depend on which tests ran first):\n");
    for (NetworkClass c : new NetworkClass[] {SOCIAL_TREE, CS_TREE, CS_GENERAL, SOCIAL})
      for (int n = 1; n <= 7; n++) {
        long t = System.nanoTime();
        long k = Enumerator.count(c, n);
        out.append(String.format("  %-11s n=%d %9d  %7.3f s%n", c.id(), n, k, (System.nanoTime() - t) / 1e9));
      }
    long t = System.nanoTime();
    long[] markets = {0};
    for (NetworkClass c : NetworkClass.values()) for (int n = 1; n <= 6; n++) Enumerator.stream(c, n).forEach(m -> markets[0] += m.agentCount() > 0 ? 1 : 0);
    out.append(String.format("  all classes n=1..6 as markets: %d in %.3f s%n", markets[0], (System.nanoTime() - t) / 1e9));
    System.out.print(out);
  }
}

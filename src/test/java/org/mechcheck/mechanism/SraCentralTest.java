package org.mechcheck.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.network.SpanningTrees;
import org.mechcheck.num.Exact;

/**
 * sra-central (001 §4.2) against a hand computation from the source, against IDM on trees, and
 * against an independent transcription of Eq. 3-5 that finds spanning trees as (k-1)-edge
 * subsets and T−h by searching the tree without h.
 */
class SraCentralTest {
  private static final Exact A = Exact.INSTANCE;
  private static final SraCentral SRA = new SraCentral();
  private static final BigFraction[] SMALL = {BigFraction.ZERO, BigFraction.ONE, BigFraction.of(2), BigFraction.of(3), BigFraction.of(5, 2)};

  static Market market(String name, BigFraction[] values, int[][] edges) {
    List<Agent> agents = new ArrayList<>();
    for (int v = 1; v < values.length; v++) agents.add(Agent.bidder("a" + v, values[v], true));
    List<int[]> es = new ArrayList<>();
    for (int[] e : edges) es.add(e);
    return new Market(name, "test", "s", agents, es, 1);
  }

  /**
   * The triangle s-a, s-b, a-b with v_a = 1 < v_b = 2, by hand from §4.2: z = b; the three
   * spanning trees are {sa, sb} (path s-b, b's subtree {b}: pays 1), {sa, ab} (path s-a-b has
   * the back-edge s-b, so the diffusion path is s-b; b's subtree {b}: pays 1) and {sb, ba}
   * (path s-b, b's subtree {a, b}: T−b is empty, pays 0). b wins every time and pays 2/3 on
   * average: less than the Vickrey price 1 among the seller's neighbours (Proposition 5.4).
   */
  @Test
  void triangleByHand() {
    Market m = market("triangle", new BigFraction[] {null, BigFraction.ONE, BigFraction.of(2)}, new int[][] {{0, 1}, {0, 2}, {1, 2}});
    Outcome<BigFraction> o = Contract.run(SRA, Profile.truthful(m, A));
    assertEquals(BigFraction.ONE, o.allocation(2));
    assertEquals(BigFraction.ZERO, o.allocation(1));
    assertEquals(BigFraction.of(2, 3), o.payment(2));
    assertEquals(BigFraction.ZERO, o.payment(1));
    assertEquals("3", o.details().get("spanningTrees"));
  }

  /**
   * "The centralized SRA is IC" (§5.1) fails, by hand: the triangle with v_A = 3, v_B = 5/2.
   * Truthfully A is z in every tree and B gets nothing. Bidding 4, B is z: she pays 3 in {sA, sB},
   * 3 in {sA, AB} (the back-edge s-B leaves her subtree {B}) and 0 in {sB, BA} (A hangs below
   * her): 2 on average, utility 5/2 - 2 = 1/2 > 0.
   */
  @Test
  void overbiddingPaysOnTheTriangle() {
    Market m = market("triangle", new BigFraction[] {null, BigFraction.of(3), BigFraction.of(5, 2)}, new int[][] {{0, 1}, {0, 2}, {1, 2}});
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Outcome<BigFraction> t = Contract.run(SRA, truthful), d = Contract.run(SRA, truthful.deviate(2, BigFraction.of(4), null));
    assertEquals(BigFraction.ZERO, t.utility(2, BigFraction.of(5, 2), BigFraction.ZERO, A));
    assertEquals(BigFraction.of(1, 2), d.utility(2, BigFraction.of(5, 2), BigFraction.ZERO, A));
  }

  /** Cayley: K_n has n^(n-2) spanning trees; the enumeration finds as many as Kirchhoff counts. */
  @Test
  void spanningTreeCountsAgreeWithCayley() {
    for (int k = 1; k <= 7; k++) {
      BitSet nodes = new BitSet();
      nodes.set(0, k);
      BitSet[] adj = new BitSet[k];
      for (int u = 0; u < k; u++) {
        adj[u] = (BitSet) nodes.clone();
        adj[u].clear(u);
      }
      BigInteger cayley = k == 1 ? BigInteger.ONE : BigInteger.valueOf(k).pow(k - 2);
      assertEquals(cayley, SpanningTrees.count(nodes, adj), "K_" + k);
      assertEquals(cayley.longValue(), SpanningTrees.enumerate(nodes, adj, 0, 1_000_000).size(), "K_" + k);
    }
  }

  /** On a tree the only spanning tree is the network and every path node is critical: IDM (distinct values: IDM breaks ties by node, sra-central at random). */
  @Test
  void equalsIdmOnEverySocialTree() {
    SplittableRandom rnd = new SplittableRandom(7);
    Idm idm = new Idm();
    int checked = 0;
    for (int n = 1; n <= 7; n++) {
      for (Market shape : Enumerator.networks(NetworkClass.SOCIAL_TREE, n)) {
        for (int trial = 0; trial < 4; trial++) {
          Market m = org.mechcheck.sra.ProtocolTest.withDistinctValues(shape, rnd);
          Outcome<BigFraction> a = Contract.run(SRA, Profile.truthful(m, A)), b = Contract.run(idm, Profile.truthful(m, A));
          for (int v = 1; v < m.size(); v++) {
            assertEquals(b.allocation(v), a.allocation(v), m.name() + " allocation of " + m.id(v));
            assertEquals(b.payment(v), a.payment(v), m.name() + " payment of " + m.id(v));
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 400, "checked " + checked);
  }

  /** Eq. 3-5 transcribed independently, on every social network up to 5 agents with random small values. */
  @Test
  void equalsIndependentTranscriptionOnSmallSocialNetworks() {
    SplittableRandom rnd = new SplittableRandom(11);
    int checked = 0;
    for (int n = 1; n <= 5; n++) {
      for (Market shape : Enumerator.networks(NetworkClass.SOCIAL, n)) {
        Market m = withRandomValues(shape, rnd);
        Outcome<BigFraction> o = Contract.run(SRA, Profile.truthful(m, A));
        BigFraction[][] expected = oracle(m);
        for (int v = 1; v < m.size(); v++) {
          assertEquals(expected[0][v], o.allocation(v), m.name() + " allocation of " + m.id(v));
          assertEquals(expected[1][v], o.payment(v), m.name() + " payment of " + m.id(v));
        }
        checked++;
      }
    }
    assertTrue(checked > 50, "checked " + checked);
  }

  @Test
  void refusesAGraphWithTooManySpanningTreesNamingTheCount() {
    int k = 10;
    List<int[]> edges = new ArrayList<>();
    for (int u = 0; u <= k; u++) for (int v = u + 1; v <= k; v++) edges.add(new int[] {u, v});
    BigFraction[] values = new BigFraction[k + 1];
    for (int v = 1; v <= k; v++) values[v] = BigFraction.of(v);
    Market m = market("k11", values, edges.toArray(new int[0][]));
    String why = SRA.refusal(m).orElseThrow();
    // Cayley: 11^9 spanning trees of K_11
    assertTrue(why.contains(BigInteger.valueOf(11).pow(9).toString()), why);
  }

  static Market withRandomValues(Market shape, SplittableRandom rnd) {
    BigFraction[] values = new BigFraction[shape.size()];
    for (int v = 1; v < shape.size(); v++) values[v] = SMALL[rnd.nextInt(SMALL.length)];
    return shape.withTypes(shape.name(), values, new BigFraction[shape.size()]);
  }

  /** {allocation, payments} per node, straight from Eq. 3-5 on every (k-1)-edge subset that is a spanning tree; ties for z at random. */
  static BigFraction[][] oracle(Market m) {
    int n = m.size();
    BigFraction[] alloc = new BigFraction[n], pay = new BigFraction[n];
    java.util.Arrays.fill(alloc, BigFraction.ZERO);
    java.util.Arrays.fill(pay, BigFraction.ZERO);
    BigFraction top = BigFraction.ZERO;
    for (int v = 1; v < n; v++) if (m.agent(v).value().compareTo(top) > 0) top = m.agent(v).value();
    List<Integer> tops = new ArrayList<>();
    for (int v = 1; v < n; v++) if (m.agent(v).value().compareTo(top) == 0) tops.add(v);
    for (int z : tops) {
      BigFraction[][] one = oracle(m, z);
      for (int v = 1; v < n; v++) {
        alloc[v] = alloc[v].add(one[0][v].divide(tops.size()));
        pay[v] = pay[v].add(one[1][v].divide(tops.size()));
      }
    }
    return new BigFraction[][] {alloc, pay};
  }

  static BigFraction[][] oracle(Market m, int z) {
    int n = m.size();
    List<int[]> edges = m.edges(); // the truthful participants' graph: every agent informs every neighbour
    BigFraction[] alloc = new BigFraction[n], pay = new BigFraction[n];
    java.util.Arrays.fill(alloc, BigFraction.ZERO);
    java.util.Arrays.fill(pay, BigFraction.ZERO);
    int trees = 0;
    int e = edges.size();
    for (long mask = 0; mask < (1L << e); mask++) {
      if (Long.bitCount(mask) != n - 1) continue;
      boolean[][] t = new boolean[n][n];
      for (int j = 0; j < e; j++) if ((mask >> j & 1) != 0) t[edges.get(j)[0]][edges.get(j)[1]] = t[edges.get(j)[1]][edges.get(j)[0]] = true;
      if (reach(t, n, -1).cardinality() != n) continue; // n-1 edges reaching everything: a spanning tree
      trees++;
      List<Integer> path = treePath(t, n, z);
      // remove back-edges: the first back-edge from the earliest node, to the furthest node
      boolean changed = true;
      while (changed) {
        changed = false;
        outer:
        for (int i = 0; i < path.size(); i++) {
          for (int j = path.size() - 1; j > i + 1; j--) {
            if (m.adjacent(path.get(i), path.get(j))) {
              path.subList(i + 1, j).clear();
              changed = true;
              break outer;
            }
          }
        }
      }
      // path = S, h_1, ..., h_m = z; v1st(T - h): best value reached from S in T without h
      int l = path.size() - 1;
      for (int j = 1; j < path.size() - 1; j++) {
        if (m.agent(path.get(j)).value().compareTo(best(m, reach(t, n, path.get(j + 1)))) >= 0) { l = j; break; }
      }
      int w = path.get(l);
      alloc[w] = alloc[w].add(1);
      pay[w] = pay[w].add(best(m, reach(t, n, w)));
      for (int j = 1; j < l; j++) {
        int h = path.get(j);
        pay[h] = pay[h].add(best(m, reach(t, n, h)).subtract(best(m, reach(t, n, path.get(j + 1)))));
      }
    }
    for (int v = 1; v < n; v++) {
      alloc[v] = alloc[v].divide(trees);
      pay[v] = pay[v].divide(trees);
    }
    return new BigFraction[][] {alloc, pay};
  }

  private static BitSet reach(boolean[][] t, int n, int without) {
    BitSet seen = new BitSet();
    ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
    seen.set(0);
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int v = 0; v < n; v++) if (t[u][v] && v != without && !seen.get(v)) { seen.set(v); q.add(v); }
    }
    return seen;
  }

  private static BigFraction best(Market m, BitSet nodes) {
    BigFraction b = BigFraction.ZERO;
    for (int v = nodes.nextSetBit(1); v >= 0; v = nodes.nextSetBit(v + 1)) if (m.agent(v).value().compareTo(b) > 0) b = m.agent(v).value();
    return b;
  }

  private static List<Integer> treePath(boolean[][] t, int n, int z) {
    int[] parent = new int[n];
    java.util.Arrays.fill(parent, -2);
    parent[0] = -1;
    ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int v = 0; v < n; v++) if (t[u][v] && parent[v] == -2) { parent[v] = u; q.add(v); }
    }
    List<Integer> path = new ArrayList<>();
    for (int v = z; v != -1; v = parent[v]) path.add(0, v);
    return path;
  }
}

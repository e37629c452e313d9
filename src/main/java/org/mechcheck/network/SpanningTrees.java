package org.mechcheck.network;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Spanning trees of a small undirected graph given as adjacency sets over node numbers: their
 * number by Kirchhoff's matrix-tree theorem (exact, fraction-free Bareiss elimination), and
 * every one of them, each as a parent array rooted at a chosen node. Concrete structure only; no
 * number of a mechanism is touched.
 */
public final class SpanningTrees {
  private SpanningTrees() {}

  /** The number of spanning trees of the graph induced by {@code adj} on {@code nodes}; 0 if it is not connected. */
  public static BigInteger count(BitSet nodes, BitSet[] adj) {
    int[] vs = nodes.stream().toArray();
    int k = vs.length;
    if (k <= 1) return BigInteger.ONE;
    int[] pos = new int[adj.length];
    Arrays.fill(pos, -1);
    for (int i = 0; i < k; i++) pos[vs[i]] = i;
    // Laplacian without the row and column of vs[0]
    int d = k - 1;
    BigInteger[][] m = new BigInteger[d][d];
    for (BigInteger[] row : m) Arrays.fill(row, BigInteger.ZERO);
    for (int i = 0; i < k; i++) {
      int u = vs[i];
      int deg = 0;
      for (int w = adj[u].nextSetBit(0); w >= 0; w = adj[u].nextSetBit(w + 1)) {
        if (!nodes.get(w) || w == u) continue;
        deg++;
        int j = pos[w];
        if (i > 0 && j > 0) m[i - 1][j - 1] = m[i - 1][j - 1].subtract(BigInteger.ONE);
      }
      if (i > 0) m[i - 1][i - 1] = m[i - 1][i - 1].add(BigInteger.valueOf(deg));
    }
    return determinant(m);
  }

  /** Bareiss: an exact integer determinant without fractions. */
  static BigInteger determinant(BigInteger[][] a) {
    int n = a.length;
    BigInteger[][] m = new BigInteger[n][];
    for (int i = 0; i < n; i++) m[i] = a[i].clone();
    BigInteger prev = BigInteger.ONE;
    int sign = 1;
    for (int k = 0; k < n - 1; k++) {
      if (m[k][k].signum() == 0) {
        int swap = -1;
        for (int r = k + 1; r < n; r++) if (m[r][k].signum() != 0) { swap = r; break; }
        if (swap < 0) return BigInteger.ZERO;
        BigInteger[] t = m[k]; m[k] = m[swap]; m[swap] = t;
        sign = -sign;
      }
      for (int i = k + 1; i < n; i++) {
        for (int j = k + 1; j < n; j++) {
          m[i][j] = m[i][j].multiply(m[k][k]).subtract(m[i][k].multiply(m[k][j])).divide(prev);
        }
      }
      prev = m[k][k];
    }
    BigInteger det = m[n - 1][n - 1];
    return sign < 0 ? det.negate() : det;
  }

  /**
   * Every spanning tree of the graph induced on {@code nodes}, each as a parent array over all
   * node numbers (the root's parent and every node outside {@code nodes} is -1). Edges are taken
   * in order (u &lt; v, lexicographic), each either kept or left out, so the order of the trees is
   * deterministic. Refuses (IllegalArgumentException) more than {@code limit} trees, counting
   * them first.
   */
  public static List<int[]> enumerate(BitSet nodes, BitSet[] adj, int root, long limit) {
    BigInteger total = count(nodes, adj);
    if (total.compareTo(BigInteger.valueOf(limit)) > 0) {
      throw new IllegalArgumentException(total + " spanning trees, more than the limit of " + limit);
    }
    List<int[]> edges = new ArrayList<>();
    for (int u = nodes.nextSetBit(0); u >= 0; u = nodes.nextSetBit(u + 1)) {
      for (int v = adj[u].nextSetBit(u + 1); v >= 0; v = adj[u].nextSetBit(v + 1)) if (nodes.get(v)) edges.add(new int[] {u, v});
    }
    int n = adj.length;
    int k = nodes.cardinality();
    List<int[]> out = new ArrayList<>();
    if (k == 1) {
      int[] parent = new int[n];
      Arrays.fill(parent, -1);
      out.add(parent);
      return out;
    }
    int[] uf = new int[n];
    for (int i = 0; i < n; i++) uf[i] = i;
    boolean[] chosen = new boolean[edges.size()];
    new Object() {
      void go(int idx, int picked) {
        if (picked == k - 1) {
          out.add(toParents(edges, chosen, n, root));
          return;
        }
        if (idx == edges.size() || edges.size() - idx < k - 1 - picked) return;
        int[] e = edges.get(idx);
        int ru = find(uf, e[0]), rv = find(uf, e[1]);
        if (ru != rv) {
          int[] saved = uf.clone();
          uf[ru] = rv;
          chosen[idx] = true;
          go(idx + 1, picked + 1);
          chosen[idx] = false;
          System.arraycopy(saved, 0, uf, 0, n);
        }
        // leave the edge out only if the rest can still connect everything
        if (connectable(idx + 1)) go(idx + 1, picked);
      }

      boolean connectable(int from) {
        int[] t = uf.clone();
        for (int j = from; j < edges.size(); j++) {
          int a = find(t, edges.get(j)[0]), b = find(t, edges.get(j)[1]);
          if (a != b) t[a] = b;
        }
        int r = -1;
        for (int v = nodes.nextSetBit(0); v >= 0; v = nodes.nextSetBit(v + 1)) {
          int f = find(t, v);
          if (r < 0) r = f;
          else if (f != r) return false;
        }
        return true;
      }
    }.go(0, 0);
    return out;
  }

  private static int find(int[] uf, int x) {
    while (uf[x] != x) x = uf[x];
    return x;
  }

  private static int[] toParents(List<int[]> edges, boolean[] chosen, int n, int root) {
    List<List<Integer>> nb = new ArrayList<>();
    for (int i = 0; i < n; i++) nb.add(new ArrayList<>());
    for (int j = 0; j < edges.size(); j++) {
      if (!chosen[j]) continue;
      nb.get(edges.get(j)[0]).add(edges.get(j)[1]);
      nb.get(edges.get(j)[1]).add(edges.get(j)[0]);
    }
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    boolean[] seen = new boolean[n];
    Deque<Integer> q = new ArrayDeque<>();
    q.add(root);
    seen[root] = true;
    while (!q.isEmpty()) {
      int u = q.poll();
      for (int v : nb.get(u)) {
        if (!seen[v]) {
          seen[v] = true;
          parent[v] = u;
          q.add(v);
        }
      }
    }
    return parent;
  }
}

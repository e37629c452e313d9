package org.mechcheck.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical labelling of a small vertex-coloured simple graph (at most {@value #MAX_NODES}
 * nodes), by equitable partition refinement and individualisation, in the manner of nauty but
 * without automorphism pruning (the graphs here are tiny).
 *
 * <p>A graph is given by adjacency bit masks: bit {@code w} of {@code adj[v]} is set when v and w
 * are neighbours. The initial ordered partition groups the vertices by colour (ascending).
 * Refinement splits a cell by the number of neighbours its vertices have in another cell, the
 * parts ordered by that number; every step depends only on cell positions and counts, so the
 * result is invariant under relabelling. When the refined partition is not discrete, each vertex
 * of the first non-singleton cell is individualised in turn and the search recurses. Each leaf
 * (a discrete partition) labels vertex v by the position of its cell; the canonical code is the
 * least adjacency code over all leaves. Two graphs with the same colour counts are isomorphic
 * (by a colour-preserving bijection) if and only if their codes are equal.
 *
 * <p>The leaves that reach the least code are exactly the images of one of them under the
 * automorphism group, so collecting them yields the whole group, each element once.
 */
final class CanonicalLabelling {
  /** 11 nodes have 55 pairs: the code fits in a non-negative long. */
  static final int MAX_NODES = 11;

  private final long code;
  private final int[] label;
  private final List<int[]> automorphisms;

  private CanonicalLabelling(long code, int[] label, List<int[]> automorphisms) {
    this.code = code;
    this.label = label;
    this.automorphisms = automorphisms;
  }

  /** The adjacency code of the graph under its canonical labelling (see {@link #pair}). */
  long code() {
    return code;
  }

  /** Vertex v gets canonical label {@code label()[v]}. */
  int[] label() {
    return label.clone();
  }

  /**
   * Every colour-preserving automorphism as a vertex permutation ({@code p[v]} is the image of v),
   * the identity included; empty unless asked for.
   */
  List<int[]> automorphisms() {
    return automorphisms;
  }

  /** Bit index of the pair {i, j}, i != j, in an adjacency code. */
  static int pair(int i, int j) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return j * (j - 1) / 2 + i;
  }

  /** The adjacency code of a graph as labelled. */
  static long encode(int n, int[] adj) {
    long c = 0;
    for (int j = 1; j < n; j++) for (int i = 0; i < j; i++) if ((adj[j] >>> i & 1) != 0) c |= 1L << pair(i, j);
    return c;
  }

  /** Adjacency masks of a code on n nodes. */
  static int[] decode(int n, long code) {
    int[] adj = new int[n];
    for (int j = 1; j < n; j++)
      for (int i = 0; i < j; i++)
        if ((code >>> pair(i, j) & 1) != 0) {
          adj[i] |= 1 << j;
          adj[j] |= 1 << i;
        }
    return adj;
  }

  static CanonicalLabelling of(int n, int[] adj, int[] colour, boolean withAutomorphisms) {
    if (n < 1 || n > MAX_NODES) throw new IllegalArgumentException("graphs of 1.." + MAX_NODES + " nodes, not " + n);
    int maxColour = 0;
    for (int v = 0; v < n; v++) maxColour = Math.max(maxColour, colour[v]);
    int[] cells = new int[n];
    int nc = 0;
    for (int col = 0; col <= maxColour; col++) {
      int cell = 0;
      for (int v = 0; v < n; v++) if (colour[v] == col) cell |= 1 << v;
      if (cell != 0) cells[nc++] = cell;
    }
    Search s = new Search(n, adj, withAutomorphisms);
    s.run(cells, nc);
    List<int[]> auts = new ArrayList<>();
    if (withAutomorphisms) {
      // sigma = leaf^-1 o best: maps v to the vertex that the other leaf labels like best labels v
      for (int[] leaf : s.bestLeaves) {
        int[] inverse = new int[n];
        for (int v = 0; v < n; v++) inverse[leaf[v]] = v;
        int[] sigma = new int[n];
        for (int v = 0; v < n; v++) sigma[v] = inverse[s.bestLabel[v]];
        auts.add(sigma);
      }
    }
    return new CanonicalLabelling(s.best, s.bestLabel, List.copyOf(auts));
  }

  private static final class Search {
    final int n;
    final int[] adj;
    final boolean collect;
    long best = Long.MAX_VALUE;
    int[] bestLabel;
    final List<int[]> bestLeaves = new ArrayList<>();

    Search(int n, int[] adj, boolean collect) {
      this.n = n;
      this.adj = adj;
      this.collect = collect;
    }

    void run(int[] cells, int nc) {
      nc = refine(cells, nc);
      if (nc == n) {
        leaf(cells);
        return;
      }
      int t = 0;
      while (Integer.bitCount(cells[t]) == 1) t++;
      int cell = cells[t];
      for (int rest = cell; rest != 0; rest &= rest - 1) {
        int vbit = rest & -rest;
        int[] next = new int[n];
        System.arraycopy(cells, 0, next, 0, t);
        next[t] = vbit;
        next[t + 1] = cell & ~vbit;
        System.arraycopy(cells, t + 1, next, t + 2, nc - t - 1);
        run(next, nc + 1);
      }
    }

    private void leaf(int[] cells) {
      int[] label = new int[n];
      for (int i = 0; i < n; i++) label[Integer.numberOfTrailingZeros(cells[i])] = i;
      long c = 0;
      for (int v = 0; v < n; v++)
        for (int rest = adj[v]; rest != 0; rest &= rest - 1) {
          int w = Integer.numberOfTrailingZeros(rest);
          if (v < w) c |= 1L << pair(label[v], label[w]);
        }
      if (c < best) {
        best = c;
        bestLabel = label;
        bestLeaves.clear();
      }
      if (c == best && collect) bestLeaves.add(label);
    }

    /** Refines the ordered partition in place to the coarsest equitable refinement; returns the number of cells. */
    private int refine(int[] cells, int nc) {
      int[] count = new int[n];
      boolean changed = true;
      while (changed && nc < n) {
        changed = false;
        splitting:
        for (int w = 0; w < nc; w++) {
          int splitter = cells[w];
          for (int c = 0; c < nc; c++) {
            int cell = cells[c];
            if ((cell & (cell - 1)) == 0) continue;
            int lo = Integer.MAX_VALUE, hi = -1;
            for (int rest = cell; rest != 0; rest &= rest - 1) {
              int v = Integer.numberOfTrailingZeros(rest);
              int k = Integer.bitCount(adj[v] & splitter);
              count[v] = k;
              lo = Math.min(lo, k);
              hi = Math.max(hi, k);
            }
            if (lo == hi) continue;
            // split by count, ascending
            int[] parts = new int[n];
            int np = 0;
            for (int k = lo; k <= hi; k++) {
              int part = 0;
              for (int rest = cell; rest != 0; rest &= rest - 1) {
                int v = Integer.numberOfTrailingZeros(rest);
                if (count[v] == k) part |= 1 << v;
              }
              if (part != 0) parts[np++] = part;
            }
            System.arraycopy(cells, c + 1, cells, c + np, nc - c - 1);
            System.arraycopy(parts, 0, cells, c, np);
            nc += np - 1;
            changed = true;
            break splitting;
          }
        }
      }
      return nc;
    }
  }
}

package org.mechcheck.network;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * The dominator tree of a report graph rooted at the seller (node 0): d dominates v when every
 * path from the seller to v passes through d. {@link ReportGraph#dominated} (IDM's d_v) is a
 * subtree of it and {@link ReportGraph#criticalSequence} a path from its root. Built by
 * Lengauer and Tarjan's algorithm ("A fast algorithm for finding dominators in a flowgraph",
 * TOPLAS 1(1), 1979, the simple version with path compression), every recursion written as a
 * loop, so that a report graph of n nodes and m arcs takes O(m log n) time and O(n + m) memory
 * (removing each node in turn and searching again took n searches and n sets of n bits).
 */
final class Dominators {
  private final int n;
  /** Immediate dominator of each reached node (the seller's is -1; -1 for nodes not reached). */
  private final int[] idom;
  /** Preorder of the dominator tree: node v's subtree is order[first[v]] ... order[first[v] + size[v] - 1]. */
  private final int[] order, first, size;

  Dominators(int n, int[][] out, BitSet reached) {
    this.n = n;
    this.idom = immediateDominators(n, out, reached);
    this.order = new int[reached.cardinality()];
    this.first = new int[n];
    this.size = new int[n];
    preorder(reached);
  }

  /** The nodes v dominates, v included (empty when v is not reached). */
  BitSet subtree(int v) {
    BitSet s = new BitSet();
    if (v != 0 && idom[v] < 0) return s;
    for (int k = first[v]; k < first[v] + size[v]; k++) s.set(order[k]);
    return s;
  }

  /** The dominators of v other than the seller, from the seller outwards, ending with v. */
  List<Integer> pathFromSeller(int v) {
    List<Integer> path = new ArrayList<>();
    for (int d = v; d > 0; d = idom[d]) path.add(d);
    Collections.reverse(path);
    return path;
  }

  private static int[] immediateDominators(int n, int[][] out, BitSet reached) {
    // depth-first numbering from the seller, arcs in node order
    int[] dfnum = new int[n], vertex = new int[n], parent = new int[n];
    java.util.Arrays.fill(dfnum, -1);
    int count = 0;
    int[] stack = new int[n], next = new int[n];
    int top = 0;
    stack[top++] = 0;
    dfnum[0] = count;
    vertex[count++] = 0;
    parent[0] = -1;
    while (top > 0) {
      int u = stack[top - 1];
      if (next[u] < out[u].length) {
        int w = out[u][next[u]++];
        if (dfnum[w] < 0) {
          dfnum[w] = count;
          vertex[count++] = w;
          parent[w] = u;
          stack[top++] = w;
        }
      } else {
        top--;
      }
    }
    // predecessors among the reached nodes (as arrays: counts, then offsets)
    int[] predCount = new int[n];
    for (int u = 0; u < n; u++) if (dfnum[u] >= 0) for (int w : out[u]) predCount[w]++;
    int[] predStart = new int[n + 1];
    for (int v = 0; v < n; v++) predStart[v + 1] = predStart[v] + predCount[v];
    int[] preds = new int[predStart[n]], fill = new int[n];
    for (int u = 0; u < n; u++) if (dfnum[u] >= 0) for (int w : out[u]) preds[predStart[w] + fill[w]++] = u;

    int[] semi = new int[n], ancestor = new int[n], label = new int[n], idom = new int[n];
    int[] bucketHead = new int[n], bucketNext = new int[n];
    java.util.Arrays.fill(ancestor, -1);
    java.util.Arrays.fill(bucketHead, -1);
    java.util.Arrays.fill(idom, -1);
    for (int v = 0; v < n; v++) {
      semi[v] = dfnum[v];
      label[v] = v;
    }
    int[] path = new int[n];
    for (int i = count - 1; i >= 1; i--) {
      int w = vertex[i];
      for (int k = predStart[w]; k < predStart[w + 1]; k++) {
        int u = eval(preds[k], ancestor, label, semi, path);
        if (semi[u] < semi[w]) semi[w] = semi[u];
      }
      int s = vertex[semi[w]];
      bucketNext[w] = bucketHead[s];
      bucketHead[s] = w;
      int p = parent[w];
      ancestor[w] = p;
      for (int v = bucketHead[p]; v >= 0; v = bucketNext[v]) {
        int u = eval(v, ancestor, label, semi, path);
        idom[v] = semi[u] < semi[v] ? u : p;
      }
      bucketHead[p] = -1;
    }
    for (int i = 1; i < count; i++) {
      int w = vertex[i];
      if (idom[w] != vertex[semi[w]]) idom[w] = idom[idom[w]];
    }
    idom[0] = -1;
    return idom;
  }

  /** The node of least semidominator on the compressed path from v up to its forest root's child. */
  private static int eval(int v, int[] ancestor, int[] label, int[] semi, int[] path) {
    if (ancestor[v] < 0) return v;
    // compress: walk up to the node whose ancestor is a root, then fold labels back down
    int len = 0;
    for (int x = v; ancestor[ancestor[x]] >= 0; x = ancestor[x]) path[len++] = x;
    for (int k = len - 1; k >= 0; k--) {
      int x = path[k], a = ancestor[x];
      if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
      ancestor[x] = ancestor[a];
    }
    return label[v];
  }

  /** Numbers the dominator tree in preorder (children in node order), with subtree sizes. */
  private void preorder(BitSet reached) {
    int[] childCount = new int[n];
    for (int v = 1; v < n; v++) if (idom[v] >= 0) childCount[idom[v]]++;
    int[] childStart = new int[n + 1];
    for (int v = 0; v < n; v++) childStart[v + 1] = childStart[v] + childCount[v];
    int[] children = new int[childStart[n]], fill = new int[n];
    for (int v = 1; v < n; v++) if (idom[v] >= 0) children[childStart[idom[v]] + fill[idom[v]]++] = v;
    int[] stack = new int[n], next = new int[n];
    int top = 0, k = 0;
    stack[top++] = 0;
    first[0] = k;
    order[k++] = 0;
    while (top > 0) {
      int u = stack[top - 1];
      if (next[u] < childCount[u]) {
        int c = children[childStart[u] + next[u]++];
        first[c] = k;
        order[k++] = c;
        stack[top++] = c;
      } else {
        size[u] = k - first[u];
        top--;
      }
    }
  }
}

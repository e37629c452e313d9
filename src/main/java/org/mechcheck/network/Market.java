package org.mechcheck.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * A market: a seller, agents and the undirected neighbour relation (who can inform whom), with
 * the number of units for sale. Node 0 is the seller; node k (1-based) is the k-th agent of the
 * file, so node order is the tie-break order of spec/README.md (docs/formats/network.md). Immutable.
 */
public final class Market {
  private final String name;
  private final String source;
  private final String sellerId;
  private final List<Agent> agents;
  private final int units;
  /**
   * The most units a market may have for sale. Buyers want one each, so units beyond the number
   * of agents sell nothing more; the bound only keeps k + 1 (the benchmark's (k+1)-th bid) and
   * the like from overflowing. Readers of files and options refuse more.
   */
  public static final int MAX_UNITS = 1_000_000;

  /** Why {@code k} cannot be a number of units for sale, or null. */
  public static String unitsProblem(long k) {
    return k < 1 ? "must be a whole number of at least 1, got " + k
        : k > MAX_UNITS ? "must be a whole number of at least 1 and at most " + MAX_UNITS + " (buyers want one unit each), got " + k : null;
  }

  /** Each node's neighbours in node order: what everything here is computed from. */
  private final int[][] neighbours;
  private final int edgeCount;
  private final Map<String, Integer> index;
  /** The same relation as a JGraphT graph, built when first asked for. */
  private volatile Graph<Integer, DefaultEdge> graph;

  /** A market: the seller (node 0) and the agents (nodes 1..n in the given order, the tie-break order), the undirected edges as node pairs, and the units for sale. */
  public Market(String name, String source, String sellerId, List<Agent> agents, List<int[]> edges, int units) {
    this.name = name;
    this.source = source;
    this.sellerId = sellerId;
    this.agents = List.copyOf(agents);
    this.units = units;
    int n = agents.size() + 1;
    int[] degree = new int[n];
    for (int[] e : edges) {
      if (e[0] == e[1]) throw new IllegalArgumentException("self loop at " + id(e[0]));
      degree[e[0]]++;
      degree[e[1]]++;
    }
    this.neighbours = new int[n][];
    for (int v = 0; v < n; v++) neighbours[v] = new int[degree[v]];
    int[] fill = new int[n];
    for (int[] e : edges) {
      neighbours[e[0]][fill[e[0]]++] = e[1];
      neighbours[e[1]][fill[e[1]]++] = e[0];
    }
    for (int v = 0; v < n; v++) {
      Arrays.sort(neighbours[v]);
      for (int k = 1; k < neighbours[v].length; k++) {
        if (neighbours[v][k] == neighbours[v][k - 1]) throw new IllegalArgumentException("duplicate edge " + id(v) + "-" + id(neighbours[v][k]));
      }
    }
    this.edgeCount = edges.size();
    this.index = new HashMap<>();
    index.put(sellerId, 0);
    for (int k = 0; k < agents.size(); k++) index.put(agents.get(k).id(), k + 1);
  }

  /** The network's name (the file's {@code name}). */
  public /*@ pure @*/ String name() {
    return name;
  }

  /** Where the network comes from (the file's {@code source}). */
  public String source() {
    return source;
  }

  /** The seller's id. */
  public String sellerId() {
    return sellerId;
  }

  /** Units for sale (1 unless the file says otherwise). */
  public /*@ pure @*/ int units() {
    return units;
  }

  /** Number of nodes: the seller plus the agents. */
  public /*@ pure @*/ int size() {
    return agents.size() + 1;
  }

  /** Agents, the seller not counted. */
  public int agentCount() {
    return agents.size();
  }

  /** The agents in node order (node 1 first). */
  public List<Agent> agents() {
    return agents;
  }

  /** The agent at node {@code v >= 1}. */
  public /*@ pure @*/ Agent agent(int v) {
    return agents.get(v - 1);
  }

  /** Node v's id (node 0 is the seller). */
  public String id(int v) {
    return v == 0 ? sellerId : agents.get(v - 1).id();
  }

  /** Node of an id, or -1. */
  public int node(String id) {
    return index.getOrDefault(id, -1);
  }

  /** Node v's neighbours, in node order. */
  public /*@ pure @*/ int[] neighbours(int v) {
    return neighbours[v];
  }

  /** Whether u and v are neighbours. */
  public /*@ pure @*/ boolean adjacent(int u, int v) {
    return Arrays.binarySearch(neighbours[u], v) >= 0;
  }

  /** The neighbour relation as an unmodifiable JGraphT graph (built on the first call). */
  public Graph<Integer, DefaultEdge> graph() {
    Graph<Integer, DefaultEdge> g = graph;
    if (g == null) {
      SimpleGraph<Integer, DefaultEdge> built = new SimpleGraph<>(DefaultEdge.class);
      for (int v = 0; v < size(); v++) built.addVertex(v);
      for (int[] e : edges()) built.addEdge(e[0], e[1]);
      graph = g = new org.jgrapht.graph.AsUnmodifiableGraph<>(built);
    }
    return g;
  }

  /** The edges as node pairs, in file order. */
  public List<int[]> edges() {
    List<int[]> out = new ArrayList<>();
    for (int u = 0; u < size(); u++) for (int v : neighbours[u]) if (u < v) out.add(new int[] {u, v});
    return out;
  }

  /** Whether node v is a buyer with a value (not an intermediary with a cost). */
  public /*@ pure @*/ boolean isBidder(int v) {
    return v > 0 && agent(v).isBidder();
  }

  /** Whether node v is an intermediary: she has a public cost and passes the sale on. */
  public /*@ pure @*/ boolean isIntermediary(int v) {
    return v > 0 && !agent(v).isBidder();
  }

  /** Whether the node may pass the sale on; the seller always informs all her neighbours. */
  public boolean invites(int v) {
    return v == 0 || agent(v).invites();
  }

  /**
   * The neighbours the node informs when she reports truthfully: every agent neighbour if she
   * invites (r_i is a set of agents; telling the seller about her own sale changes nothing).
   */
  public BitSet truthfulInforms(int v) {
    BitSet s = new BitSet();
    for (int w : truthfulTargets(v)) s.set(w);
    return s;
  }

  /** The same set in node order (a fresh array): what a truthful profile keeps, as it grows with the edges. */
  public int[] truthfulTargets(int v) {
    if (!invites(v)) return new int[0];
    int[] ns = neighbours[v];
    return ns.length > 0 && ns[0] == 0 ? Arrays.copyOfRange(ns, 1, ns.length) : ns.clone();
  }

  /** Whether the neighbour relation is a tree (connected, no cycle). */
  public boolean isTree() {
    return edgeCount == size() - 1 && connected();
  }

  /** Whether every node can be reached from the seller along edges. */
  public boolean connected() {
    BitSet seen = new BitSet(size());
    int[] stack = new int[size()];
    int top = 0;
    stack[top++] = 0;
    seen.set(0);
    while (top > 0) {
      for (int w : neighbours[stack[--top]]) {
        if (!seen.get(w)) {
          seen.set(w);
          stack[top++] = w;
        }
      }
    }
    return seen.cardinality() == size();
  }

  /** The same structure with other true types: {@code values[v]} for bidders, {@code costs[v]} for intermediaries. */
  public Market withTypes(String newName, org.apache.commons.numbers.fraction.BigFraction[] values, org.apache.commons.numbers.fraction.BigFraction[] costs) {
    List<Agent> as = new ArrayList<>();
    for (int v = 1; v < size(); v++) {
      Agent a = agent(v);
      as.add(a.isBidder() ? Agent.bidder(a.id(), values[v], a.invites()) : Agent.intermediary(a.id(), costs[v]));
    }
    return new Market(newName, source, sellerId, as, edges(), units);
  }

  /** The same market under another name. */
  public Market withName(String newName) {
    return new Market(newName, source, sellerId, agents, edges(), units);
  }

  /** The same market with {@code k} units for sale (at least 1). */
  public Market withUnits(int k) {
    if (k < 1) throw new IllegalArgumentException("units must be at least 1, got " + k);
    return k == units ? this : new Market(name, source, sellerId, agents, edges(), k);
  }
}

package org.mechcheck.network;

import java.util.ArrayList;
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
  private final Graph<Integer, DefaultEdge> graph;
  private final int[][] neighbours;
  private final Map<String, Integer> index;

  /** A market: the seller (node 0) and the agents (nodes 1..n in the given order, the tie-break order), the undirected edges as node pairs, and the units for sale. */
  public Market(String name, String source, String sellerId, List<Agent> agents, List<int[]> edges, int units) {
    this.name = name;
    this.source = source;
    this.sellerId = sellerId;
    this.agents = List.copyOf(agents);
    this.units = units;
    int n = agents.size() + 1;
    SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int v = 0; v < n; v++) g.addVertex(v);
    for (int[] e : edges) {
      if (e[0] == e[1]) throw new IllegalArgumentException("self loop at " + id(e[0]));
      if (g.addEdge(e[0], e[1]) == null) throw new IllegalArgumentException("duplicate edge " + id(e[0]) + "-" + id(e[1]));
    }
    this.graph = new org.jgrapht.graph.AsUnmodifiableGraph<>(g);
    this.neighbours = new int[n][];
    for (int v = 0; v < n; v++) {
      neighbours[v] = org.jgrapht.Graphs.neighborListOf(g, v).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    this.index = new HashMap<>();
    index.put(sellerId, 0);
    for (int k = 0; k < agents.size(); k++) index.put(agents.get(k).id(), k + 1);
  }

  /** The network's name (the file's {@code name}). */
  public String name() {
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
  public int units() {
    return units;
  }

  /** Number of nodes: the seller plus the agents. */
  public int size() {
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
  public Agent agent(int v) {
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
  public int[] neighbours(int v) {
    return neighbours[v];
  }

  /** Whether u and v are neighbours. */
  public boolean adjacent(int u, int v) {
    return graph.containsEdge(u, v);
  }

  /** The network as an undirected JGraphT graph on the nodes 0..n. */
  public Graph<Integer, DefaultEdge> graph() {
    return graph;
  }

  /** The edges as node pairs, in file order. */
  public List<int[]> edges() {
    List<int[]> out = new ArrayList<>();
    for (int u = 0; u < size(); u++) for (int v : neighbours[u]) if (u < v) out.add(new int[] {u, v});
    return out;
  }

  /** Whether node v is a buyer with a value (not an intermediary with a cost). */
  public boolean isBidder(int v) {
    return v > 0 && agent(v).isBidder();
  }

  /** Whether node v is an intermediary: she has a public cost and passes the sale on. */
  public boolean isIntermediary(int v) {
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
    BitSet s = new BitSet(size());
    if (invites(v)) for (int w : neighbours[v]) if (w != 0) s.set(w);
    return s;
  }

  /** Whether the neighbour relation is a tree (connected, no cycle). */
  public boolean isTree() {
    return graph.edgeSet().size() == size() - 1
        && new org.jgrapht.alg.connectivity.ConnectivityInspector<>(graph).isConnected();
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

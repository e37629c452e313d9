package org.mechcheck.search;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;

/** Structural edits of a market, for shrinking. */
final class Structure {
  private Structure() {}

  static boolean connected(Market m) {
    return new ConnectivityInspector<>(m.graph()).isConnected();
  }

  static Market withoutAgent(Market m, int removed) {
    List<Agent> agents = new ArrayList<>();
    int[] renumber = new int[m.size()];
    renumber[0] = 0;
    for (int v = 1, k = 1; v < m.size(); v++) {
      if (v == removed) {
        renumber[v] = -1;
        continue;
      }
      agents.add(m.agent(v));
      renumber[v] = k++;
    }
    List<int[]> edges = new ArrayList<>();
    for (int[] e : m.edges()) {
      if (e[0] != removed && e[1] != removed) edges.add(new int[] {renumber[e[0]], renumber[e[1]]});
    }
    return new Market(m.name(), m.source(), m.sellerId(), agents, edges, m.units());
  }

  static Market withoutEdge(Market m, int[] edge) {
    List<int[]> edges = new ArrayList<>();
    for (int[] e : m.edges()) if (!(e[0] == edge[0] && e[1] == edge[1])) edges.add(e);
    return new Market(m.name(), m.source(), m.sellerId(), m.agents(), edges, m.units());
  }
}

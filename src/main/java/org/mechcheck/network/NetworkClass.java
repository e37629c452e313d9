package org.mechcheck.network;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;
import java.util.Optional;

/** The network classes claims are about and searches enumerate. */
public enum NetworkClass {
  CS_TREE("cs-tree", "customer-sharing trees of 000: intermediaries with costs, buyers who do not invite, no cycle"),
  CS_GENERAL("cs-general", "customer-sharing networks of 000: intermediaries with costs, buyers who do not invite; a buyer may neighbour several intermediaries"),
  SOCIAL_TREE("social-tree", "social trees: every agent a bidder who invites, no cycle"),
  SOCIAL("social", "social networks: every agent a bidder who invites");

  private final String id;
  private final String meaning;

  NetworkClass(String id, String meaning) {
    this.id = id;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  public String meaning() {
    return meaning;
  }

  public static Optional<NetworkClass> parse(String s) {
    return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(s)).findFirst();
  }

  public boolean isCustomerSharing() {
    return this == CS_TREE || this == CS_GENERAL;
  }

  public boolean isTreeClass() {
    return this == CS_TREE || this == SOCIAL_TREE;
  }

  /**
   * Whether a market belongs to the class: connected; for the customer-sharing classes buyers
   * do not invite, never neighbour each other, and the seller with the intermediaries is
   * connected on its own (buyers relay nothing); for the social classes every agent is a
   * bidder who invites; trees for the tree classes.
   */
  public boolean contains(Market m) {
    if (!m.connected()) return false;
    if (isTreeClass() && !m.isTree()) return false;
    for (int v = 1; v < m.size(); v++) {
      Agent a = m.agent(v);
      if (isCustomerSharing()) {
        if (a.isBidder() && a.invites()) return false;
        if (a.isBidder()) for (int w : m.neighbours(v)) if (m.isBidder(w)) return false;
      } else if (!a.isBidder() || !a.invites()) {
        return false;
      }
    }
    if (isCustomerSharing()) {
      Set<Integer> core = new HashSet<>();
      core.add(0);
      for (int v = 1; v < m.size(); v++) if (m.isIntermediary(v)) core.add(v);
      return new ConnectivityInspector<>(new AsSubgraph<>(m.graph(), core)).isConnected();
    }
    return true;
  }
}

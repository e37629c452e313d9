package org.mechcheck.network;

import java.util.Arrays;
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

  /** Whether a market belongs to the class (single unit; connectedness is not required). */
  public boolean contains(Market m) {
    boolean cs = true, social = true;
    for (int v = 1; v < m.size(); v++) {
      Agent a = m.agent(v);
      if (a.isBidder() && a.invites()) cs = false;
      if (a.isBidder() && !a.invites()) social = false;
      if (!a.isBidder()) social = false;
    }
    if (isCustomerSharing() ? !cs : !social) return false;
    return !isTreeClass() || m.isTree();
  }
}

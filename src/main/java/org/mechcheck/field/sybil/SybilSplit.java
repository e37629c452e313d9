package org.mechcheck.field.sybil;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.num.Rationals;

/**
 * One way for agent {@code agent} to join under several identities (spec/sybil-proofness.md): she
 * becomes {@code k} identities, identity i linked to the neighbours of {@code shares.get(i)} (nodes
 * of the original market, the seller included when she is a neighbour) and to the identities
 * {@link #links} pairs it with. The seller sees the transformed network only: k agents where there
 * was one.
 *
 * <p>The identities take her place in the node order, one after the other, so that a tie she would
 * win (or lose) against another agent each identity wins (or loses) alike; they invite exactly when
 * she does.
 */
public record SybilSplit(int agent, List<BitSet> shares, List<int[]> links) {
  /** How her neighbours are shared among the identities (spec/sybil-proofness.md, reading 1). */
  public enum Shares {
    /** Each neighbour is linked to exactly one identity. */
    PARTITION,
    /** Each neighbour is linked to one identity or more. */
    COVER
  }

  public SybilSplit {
    List<BitSet> copies = new ArrayList<>();
    for (BitSet s : shares) copies.add((BitSet) s.clone());
    shares = List.copyOf(copies);
    List<int[]> ls = new ArrayList<>();
    for (int[] l : links) ls.add(new int[] {Math.min(l[0], l[1]), Math.max(l[0], l[1])});
    links = List.copyOf(ls);
  }

  public int identities() {
    return shares.size();
  }

  /** The transformed market and where everyone went: {@code node[v]} is v's node there, {@code identity[i]} identity i's. */
  public record Transformed(Market market, int[] node, int[] identity) {
    /** The original node behind a node of the transformed market, or -1 for an identity. */
    public int original(int w) {
      for (int v = 0; v < node.length; v++) if (node[v] == w && !isIdentity(w)) return v;
      return -1;
    }

    public boolean isIdentity(int w) {
      for (int x : identity) if (x == w) return true;
      return false;
    }

    /** The index i of the identity at node w, or -1. */
    public int identityIndex(int w) {
      for (int i = 0; i < identity.length; i++) if (identity[i] == w) return i;
      return -1;
    }
  }

  /** Every split of {@code agent} into 2..maxIdentities identities, in a fixed order (fewer identities first). */
  public static List<SybilSplit> all(Market m, int agent, int maxIdentities, Shares sharing, boolean identityLinks) {
    int[] nb = m.neighbours(agent);
    List<SybilSplit> out = new ArrayList<>();
    for (int k = 2; k <= maxIdentities; k++) {
      List<int[]> pairs = new ArrayList<>();
      for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) pairs.add(new int[] {i, j});
      int linkSets = identityLinks ? 1 << pairs.size() : 1;
      // each neighbour gets a non-empty set of identities: one of them (partition) or any (cover)
      List<Integer> choices = new ArrayList<>();
      for (int mask = 1; mask < 1 << k; mask++) if (sharing == Shares.COVER || Integer.bitCount(mask) == 1) choices.add(mask);
      long assignments = 1;
      for (int x = 0; x < nb.length; x++) assignments *= choices.size();
      for (int l = 0; l < linkSets; l++) {
        List<int[]> links = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) if ((l >> p & 1) == 1) links.add(pairs.get(p));
        for (long code = 0; code < assignments; code++) {
          List<BitSet> shares = new ArrayList<>();
          for (int i = 0; i < k; i++) shares.add(new BitSet());
          long c = code;
          for (int w : nb) {
            int mask = choices.get((int) (c % choices.size()));
            c /= choices.size();
            for (int i = 0; i < k; i++) if ((mask >> i & 1) == 1) shares.get(i).set(w);
          }
          SybilSplit s = new SybilSplit(agent, shares, links);
          if (s.everyIdentityReachable()) out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Whether each identity is linked, directly or through other identities, to one of her
   * neighbours. An identity that is not could never be informed: the split is then one with
   * fewer identities, enumerated already.
   */
  boolean everyIdentityReachable() {
    int k = identities();
    boolean[] reached = new boolean[k];
    for (int i = 0; i < k; i++) reached[i] = !shares.get(i).isEmpty();
    for (boolean grew = true; grew; ) {
      grew = false;
      for (int[] l : links) {
        if (reached[l[0]] != reached[l[1]]) {
          reached[l[0]] = reached[l[1]] = true;
          grew = true;
        }
      }
    }
    for (boolean r : reached) if (!r) return false;
    return true;
  }

  /** The identities' ids: her id with #1, #2, ... (more #s while that clashes with an id of the market). */
  public List<String> ids(Market m) {
    String base = m.id(agent);
    String tag = "#";
    while (clashes(m, base + tag)) tag += "#";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < identities(); i++) ids.add(base + tag + (i + 1));
    return ids;
  }

  private static boolean clashes(Market m, String prefix) {
    for (int v = 0; v < m.size(); v++) if (m.id(v).startsWith(prefix)) return true;
    return false;
  }

  /** The market the seller sees: her node replaced by the identities, each linked to its share and to the identities it is paired with. */
  public Transformed transform(Market m) {
    int k = identities();
    int n = m.size();
    int[] node = new int[n];
    int[] identity = new int[k];
    List<Agent> agents = new ArrayList<>();
    Agent self = m.agent(agent);
    List<String> ids = ids(m);
    for (int v = 1; v < n; v++) {
      if (v == agent) {
        for (int i = 0; i < k; i++) {
          agents.add(self.isBidder() ? Agent.bidder(ids.get(i), self.value(), self.invites()) : Agent.intermediary(ids.get(i), self.cost()));
          identity[i] = agents.size();
        }
        node[v] = identity[0];
      } else {
        agents.add(m.agent(v));
        node[v] = agents.size();
      }
    }
    List<int[]> edges = new ArrayList<>();
    for (int[] e : m.edges()) if (e[0] != agent && e[1] != agent) edges.add(new int[] {node[e[0]], node[e[1]]});
    for (int i = 0; i < k; i++) for (int w = shares.get(i).nextSetBit(0); w >= 0; w = shares.get(i).nextSetBit(w + 1)) edges.add(new int[] {identity[i], node[w]});
    for (int[] l : links) edges.add(new int[] {identity[l[0]], identity[l[1]]});
    Market t = new Market(m.name() + "-sybil-" + m.id(agent), m.source(), m.sellerId(), agents, edges, m.units());
    return new Transformed(t, node, identity);
  }

  /** Who identity i is linked to, by id: her share (node order), then the identities. */
  List<String> linkedTo(Market m, int i) {
    List<String> ids = ids(m);
    List<String> out = new ArrayList<>();
    BitSet s = shares.get(i);
    for (int w = s.nextSetBit(0); w >= 0; w = s.nextSetBit(w + 1)) out.add(m.id(w));
    for (int[] l : links) {
      if (l[0] == i) out.add(ids.get(l[1]));
      else if (l[1] == i) out.add(ids.get(l[0]));
    }
    return out;
  }

  /**
   * The split with the identities' bids in the notation counterexample files record
   * (docs/formats/counterexample.md): {@code A splits into A#1 (bid 3; linked to s, B) and A#2
   * (bid 0; linked to A#1, C)}. {@link #parse} reads it back.
   */
  public String describe(Market m, BigFraction[] bids) {
    List<String> ids = ids(m);
    StringBuilder sb = new StringBuilder(m.id(agent)).append(" splits into ");
    for (int i = 0; i < identities(); i++) {
      if (i > 0) sb.append(i == identities() - 1 ? " and " : ", ");
      sb.append(ids.get(i)).append(" (bid ").append(Rationals.format(bids[i])).append("; linked to ")
          .append(String.join(", ", linkedTo(m, i))).append(')');
    }
    return sb.toString();
  }

  /** A split with its bids, as {@link #describe} writes it. */
  public record WithBids(SybilSplit split, BigFraction[] bids) {}

  private static final Pattern HEAD = Pattern.compile("^(.+?) splits into (.*)$");
  private static final Pattern IDENTITY = Pattern.compile("(\\S+) \\(bid ([^;]+); linked to ([^)]*)\\)");

  /**
   * Reads a split back from {@link #describe}'s notation (the start of an SP counterexample's
   * {@code detail}); {@link IllegalArgumentException} naming what is wrong otherwise.
   */
  public static WithBids parse(String text, Market m) {
    Matcher h = HEAD.matcher(text);
    if (!h.find()) throw new IllegalArgumentException("not a split: expected '<agent> splits into ...', got '" + text + "'");
    int agent = m.node(h.group(1));
    if (agent <= 0) throw new IllegalArgumentException("'" + h.group(1) + "' is not an agent of " + m.name());
    Matcher id = IDENTITY.matcher(h.group(2));
    List<String> names = new ArrayList<>();
    List<BigFraction> bids = new ArrayList<>();
    List<List<String>> linked = new ArrayList<>();
    while (id.find()) {
      names.add(id.group(1));
      try {
        bids.add(Rationals.parse(id.group(2)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bid of " + id.group(1) + ": " + e.getMessage());
      }
      List<String> to = new ArrayList<>();
      for (String x : id.group(3).split(",")) if (!x.isBlank()) to.add(x.strip());
      linked.add(to);
    }
    if (names.size() < 2) throw new IllegalArgumentException("a split has at least two identities, got " + names.size());
    List<BitSet> shares = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    List<int[]> links = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      BitSet s = new BitSet();
      for (String x : linked.get(i)) {
        int j = names.indexOf(x);
        if (j >= 0) {
          if (pairs.add(Math.min(i, j) + "-" + Math.max(i, j))) links.add(new int[] {i, j});
          continue;
        }
        int w = m.node(x);
        if (w < 0 || !m.adjacent(agent, w)) throw new IllegalArgumentException(x + " is not a neighbour of " + m.id(agent));
        s.set(w);
      }
      shares.add(s);
    }
    SybilSplit split = new SybilSplit(agent, shares, links);
    if (!split.ids(m).equals(names)) throw new IllegalArgumentException("identities are named " + split.ids(m) + ", got " + names);
    return new WithBids(split, bids.toArray(new BigFraction[0]));
  }
}

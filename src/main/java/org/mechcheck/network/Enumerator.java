package org.mechcheck.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Every network of a {@link NetworkClass} with a given number of agents, one per isomorphism
 * class. Two networks are the same when a bijection maps the seller to the seller, keeps the kind
 * of every agent (intermediary, buyer who does not invite, bidder who invites) and keeps the
 * edges. Values and costs are placeholders (0); searches assign them.
 *
 * <p>How. The social classes are rooted connected graphs (rooted trees): the graphs with n agents
 * are grown from those with n - 1 by adding an agent with a non-empty set of neighbours (one
 * neighbour for trees), one set per orbit of the parent's automorphism group, and deduplicated by
 * {@link CanonicalLabelling canonical code}. This is complete because every connected graph with
 * at least one agent has an agent whose removal leaves it connected (a leaf of a spanning tree).
 *
 * <p>A customer-sharing network is its <em>core</em> (the seller and the intermediaries, a rooted
 * connected graph, a rooted tree for {@code CS_TREE}) plus a multiset of buyers, each given by
 * its non-empty set of core neighbours (a single one for trees, where buyers are leaves). Two such
 * networks are isomorphic exactly when their cores are and an automorphism of the core carries
 * one multiset of neighbour sets onto the other (buyers never neighbour buyers, so an isomorphism
 * is a core automorphism plus a matching of buyers). So for each core and each multiset size the
 * enumerator keeps the multisets that are least among their images under the core's
 * automorphisms.
 *
 * <p>Output. Node 0 is the seller; agents are named A, B, C, ... in node order: for the
 * customer-sharing classes intermediaries first (in breadth-first order from the seller), then
 * buyers (by their first neighbour); for the social classes breadth-first from the seller. The
 * order of the networks is deterministic: fewer edges first, then fewer intermediaries, then by
 * adjacency code. Markets are named like {@code cs-general-n4-17} (class, agents, 0-based index
 * in that order) and have one unit.
 *
 * <p>Sizes (see EnumeratorTest): n = 7 gives 115 social trees, 1,042 customer-sharing trees,
 * 72,489 social networks and 1,210,360 customer-sharing networks. A market takes about 5 KB, so
 * for the general classes at n >= 7 use {@link #stream} (it keeps a compact code per network and
 * builds each market only when reached) or {@link #count}, not {@link #networks}.
 */
public final class Enumerator {
  /** Largest number of agents: the seller plus 10 agents fill a 55-bit adjacency code. */
  public static final int MAX_AGENTS = CanonicalLabelling.MAX_NODES - 1;

  private static final Map<String, long[]> LEVELS = new HashMap<>();

  private Enumerator() {}

  /**
   * Every network of the class with exactly n agents, one per isomorphism class, in the order
   * above. Holds them all in memory: for cs-general with n >= 7 use {@link #stream}.
   */
  public static List<Market> networks(NetworkClass c, int n) {
    return stream(c, n).collect(Collectors.toList());
  }

  /**
   * The same networks as {@link #networks}, in the same order, each market built only when the
   * stream reaches it (the enumeration itself runs up front and keeps a few words per network).
   */
  public static Stream<Market> stream(NetworkClass c, int n) {
    Compact[] all = compact(c, n);
    return IntStream.range(0, all.length).mapToObj(i -> all[i].market(c, n, i));
  }

  /**
   * The networks of {@link #stream} at the given positions of the enumeration order (ascending),
   * each keeping its name ({@code cs-general-n5-17} is the 18th network of that size whichever
   * slice it is in).
   */
  public static Stream<Market> stream(NetworkClass c, int n, int[] positions) {
    Compact[] all = compact(c, n);
    return Arrays.stream(positions).mapToObj(i -> all[i].market(c, n, i));
  }

  /**
   * The expected cost of searching each network of the class with n agents, in enumeration order:
   * {@link #cost(int, int[], int)} of each.
   */
  public static double[] costs(NetworkClass c, int n) {
    Compact[] all = compact(c, n);
    double[] w = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      w[i] = cost(n + 1, CanonicalLabelling.decode(n + 1, all[i].code()), c.isCustomerSharing() ? all[i].coreSize() - 1 : 0);
    }
    return w;
  }

  /**
   * A cost model of the symbolic search on one network structure, from its shape alone, fitted to
   * what the searches do (README, benchmarks): S^2 / ((k + 1)^2 (d + 1)), where S is the sum over
   * agents of 2^degree (each agent's informing sets, the IC deviations, each explored afresh), k the
   * number of intermediaries and d the seller's degree (the more agents the seller reaches directly,
   * and the more of the paths run through intermediaries, the fewer the comparisons the mechanisms
   * branch on). On CSM's IC search over cs-general (n = 4 and 5) and IDM's over social (n = 5) it
   * explains 55-70% of the variance of the logarithm of the work per network (feasibility checks
   * and queries); the number of edges alone explains half as much. It grows within a size as the
   * enumeration does (fewer edges first), which a count of networks misses; it balances shards and
   * weights the networks still to come in the progress bar's estimate, whose exponent is fitted as
   * the size runs. {@code adj}: adjacency masks, node 0 the seller.
   */
  public static double cost(int nodes, int[] adj, int intermediaries) {
    double subsets = 0;
    for (int v = 1; v < nodes; v++) subsets += Math.pow(2, Integer.bitCount(adj[v]));
    return subsets * subsets / ((intermediaries + 1.0) * (intermediaries + 1.0) * (Integer.bitCount(adj[0]) + 1.0));
  }

  /** The cost model of one market's structure ({@link #cost(int, int[], int)}). */
  public static double cost(Market m) {
    int[] adj = new int[m.size()];
    for (int[] e : m.edges()) {
      adj[e[0]] |= 1 << e[1];
      adj[e[1]] |= 1 << e[0];
    }
    int k = 0;
    for (int v = 1; v < m.size(); v++) if (m.isIntermediary(v)) k++;
    return cost(m.size(), adj, k);
  }

  /**
   * The positions (in enumeration order, ascending) of the networks that shard {@code shard} of
   * {@code shards} searches (0-based): the networks of the size are dealt out in enumeration order,
   * each to the shard whose expected cost ({@link #costs}) is then least (ties to the lowest shard),
   * so that every shard gets a like share of every part of the enumeration, cheap and dear, and the
   * shards' expected costs differ by at most one network's. Deterministic: it depends on the class,
   * the size and the number of shards only; the slices are disjoint and together are every network.
   */
  public static int[] slice(NetworkClass c, int n, int shard, int shards) {
    if (shards < 1 || shard < 0 || shard >= shards) throw new IllegalArgumentException("shard " + shard + " of " + shards);
    double[] w = costs(c, n);
    if (shards == 1) return IntStream.range(0, w.length).toArray();
    double[] load = new double[shards];
    int[] owner = new int[w.length];
    int mine = 0;
    for (int i = 0; i < w.length; i++) {
      int least = 0;
      for (int k = 1; k < shards; k++) if (load[k] < load[least]) least = k;
      owner[i] = least;
      load[least] += w[i];
      if (least == shard) mine++;
    }
    int[] out = new int[mine];
    for (int i = 0, j = 0; i < w.length; i++) if (owner[i] == shard) out[j++] = i;
    return out;
  }

  /** Number of networks of the class with exactly n agents, without building them. */
  public static long count(NetworkClass c, int n) {
    long[] k = {0};
    generate(c, n, (adj, core) -> k[0]++);
    return k[0];
  }

  // ---------------------------------------------------------------- generation

  /** Receives one representative: adjacency masks over n + 1 nodes, nodes below {@code coreSize} the seller and intermediaries. */
  private interface Sink {
    void accept(int[] adj, int coreSize);
  }

  private static void check(int n) {
    if (n < 1 || n > MAX_AGENTS) throw new IllegalArgumentException("number of agents must be 1.." + MAX_AGENTS + ", not " + n);
  }

  private static void generate(NetworkClass c, int n, Sink sink) {
    check(n);
    switch (c) {
      case SOCIAL, SOCIAL_TREE -> {
        for (long code : rooted(n + 1, c == NetworkClass.SOCIAL_TREE, true)) sink.accept(CanonicalLabelling.decode(n + 1, code), n + 1);
      }
      case CS_TREE, CS_GENERAL -> {
        for (int k = 0; k <= n; k++) customerSharing(k, n - k, c == NetworkClass.CS_TREE, sink);
      }
    }
  }

  /** Customer-sharing networks with k intermediaries and b buyers. */
  private static void customerSharing(int k, int b, boolean tree, Sink sink) {
    int core = k + 1;
    int nodes = core + b;
    // the neighbour sets a buyer may have, ascending
    int[] allowed = tree ? IntStream.range(0, core).map(v -> 1 << v).toArray() : IntStream.range(1, 1 << core).toArray();
    int[] position = new int[1 << core];
    for (int i = 0; i < allowed.length; i++) position[allowed[i]] = i;
    for (long coreCode : rooted(core, tree, true)) {
      int[] coreAdj = CanonicalLabelling.decode(core, coreCode);
      List<int[]> auts = CanonicalLabelling.of(core, coreAdj, rootColours(core), true).automorphisms();
      // image of each allowed set (by index) under each non-identity automorphism
      List<int[]> images = new ArrayList<>();
      for (int[] sigma : auts) {
        boolean identity = true;
        for (int v = 0; v < core; v++) identity &= sigma[v] == v;
        if (identity) continue;
        int[] img = new int[allowed.length];
        for (int i = 0; i < allowed.length; i++) img[i] = position[applyToMask(sigma, allowed[i])];
        images.add(img);
      }
      int[] seq = new int[b];
      int[] scratch = new int[b];
      multisets(seq, 0, 0, allowed.length, () -> {
        if (!leastInOrbit(seq, images, scratch)) return;
        int[] adj = Arrays.copyOf(coreAdj, nodes);
        for (int i = 0; i < b; i++) {
          int mask = allowed[seq[i]];
          int u = core + i;
          adj[u] = mask;
          for (int rest = mask; rest != 0; rest &= rest - 1) adj[Integer.numberOfTrailingZeros(rest)] |= 1 << u;
        }
        sink.accept(adj, core);
      });
    }
  }

  /** Calls back for every non-decreasing sequence seq[from..] of indices in [min, size). */
  private static void multisets(int[] seq, int from, int min, int size, Runnable each) {
    if (from == seq.length) {
      each.run();
      return;
    }
    for (int i = min; i < size; i++) {
      seq[from] = i;
      multisets(seq, from + 1, i, size, each);
    }
  }

  /** Whether the sorted sequence is lexicographically least among its images (each sorted). */
  private static boolean leastInOrbit(int[] seq, List<int[]> images, int[] scratch) {
    for (int[] img : images) {
      for (int i = 0; i < seq.length; i++) scratch[i] = img[seq[i]];
      Arrays.sort(scratch);
      for (int i = 0; i < seq.length; i++) {
        if (scratch[i] != seq[i]) {
          if (scratch[i] < seq[i]) return false;
          break;
        }
      }
    }
    return true;
  }

  private static int applyToMask(int[] sigma, int mask) {
    int out = 0;
    for (int rest = mask; rest != 0; rest &= rest - 1) out |= 1 << sigma[Integer.numberOfTrailingZeros(rest)];
    return out;
  }

  private static int[] rootColours(int nodes) {
    int[] colour = new int[nodes];
    Arrays.fill(colour, 1, nodes, 1);
    return colour;
  }

  /**
   * Canonical codes of the connected graphs (trees) on the given number of nodes, one per
   * isomorphism class, ascending; rooted: node 0 is distinguished (and is node 0 of each decoded
   * code). Memoised.
   */
  static long[] rooted(int nodes, boolean tree, boolean rootedAtZero) {
    String key = nodes + (tree ? "t" : "g") + (rootedAtZero ? "r" : "u");
    synchronized (LEVELS) {
      long[] known = LEVELS.get(key);
      if (known != null) return known;
    }
    long[] result;
    if (nodes == 1) {
      result = new long[] {0L};
    } else {
      long[] parents = rooted(nodes - 1, tree, rootedAtZero);
      int m = nodes - 1;
      int[] colour = rootedAtZero ? rootColours(nodes) : new int[nodes];
      int[] parentColour = Arrays.copyOf(colour, m);
      Set<Long> seen = new HashSet<>();
      for (long p : parents) {
        int[] adj = CanonicalLabelling.decode(m, p);
        List<int[]> auts = CanonicalLabelling.of(m, adj, parentColour, true).automorphisms();
        int[] child = Arrays.copyOf(adj, nodes);
        for (int x = 1; x < 1 << m; x++) {
          if (tree && Integer.bitCount(x) != 1) continue;
          boolean least = true;
          for (int[] sigma : auts) if (applyToMask(sigma, x) < x) { least = false; break; }
          if (!least) continue;
          for (int v = 0; v < m; v++) child[v] = (x >>> v & 1) != 0 ? adj[v] | 1 << m : adj[v];
          child[m] = x;
          seen.add(CanonicalLabelling.of(nodes, child, colour, false).code());
        }
      }
      result = seen.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    synchronized (LEVELS) {
      LEVELS.putIfAbsent(key, result);
      return LEVELS.get(key);
    }
  }

  /** Connected unlabelled graphs on the given number of nodes (no root): OEIS A001349, for tests. */
  static long unrootedConnectedCount(int nodes) {
    return rooted(nodes, false, false).length;
  }

  // ---------------------------------------------------------------- output

  /** One network in readable labelling: its adjacency code and the number of core nodes. */
  private record Compact(long code, int coreSize, int edges) {
    Market market(NetworkClass c, int n, int index) {
      int nodes = n + 1;
      List<Agent> agents = new ArrayList<>(n);
      for (int v = 1; v < nodes; v++) {
        String id = name(v - 1);
        if (!c.isCustomerSharing()) agents.add(Agent.bidder(id, BigFraction.ZERO, true));
        else if (v < coreSize) agents.add(Agent.intermediary(id, BigFraction.ZERO));
        else agents.add(Agent.bidder(id, BigFraction.ZERO, false));
      }
      int[] adj = CanonicalLabelling.decode(nodes, code);
      List<int[]> edges = new ArrayList<>();
      for (int u = 0; u < nodes; u++) for (int v = u + 1; v < nodes; v++) if ((adj[u] >>> v & 1) != 0) edges.add(new int[] {u, v});
      String name = c.id() + "-n" + n + "-" + index;
      return new Market(name, "Enumerator: " + c.id() + ", " + n + " agents, #" + index, "s", agents, edges, 1);
    }
  }

  /** A, B, ..., Z, then A1, B1, ... (never needed below 27 agents). */
  private static String name(int i) {
    return i < 26 ? String.valueOf((char) ('A' + i)) : (char) ('A' + i % 26) + Integer.toString(i / 26);
  }

  private static final Map<String, Compact[]> LAST = new HashMap<>();

  /** The level's networks, sorted; the last few levels asked for are kept (a search asks for one level several times). */
  private static Compact[] compact(NetworkClass c, int n) {
    String key = c.id() + n;
    synchronized (LAST) {
      Compact[] known = LAST.get(key);
      if (known != null) return known;
    }
    Compact[] all = enumerate(c, n);
    synchronized (LAST) {
      if (LAST.size() >= 4) LAST.clear();
      LAST.put(key, all);
    }
    return all;
  }

  private static Compact[] enumerate(NetworkClass c, int n) {
    List<Compact> out = new ArrayList<>();
    generate(c, n, (adj, coreSize) -> out.add(readable(adj, coreSize)));
    Compact[] all = out.toArray(new Compact[0]);
    Arrays.sort(all, Comparator.comparingInt(Compact::edges).thenComparingInt(Compact::coreSize).thenComparingLong(Compact::code));
    return all;
  }

  /**
   * Relabels a representative for reading: core nodes breadth-first from the seller (the core
   * is connected), neighbours in label order; then the other nodes (buyers) ordered by their
   * neighbour sets, least first neighbour first.
   */
  private static Compact readable(int[] adj, int coreSize) {
    int nodes = adj.length;
    int coreMask = (1 << coreSize) - 1;
    int[] newLabel = new int[nodes];
    Arrays.fill(newLabel, -1);
    int[] queue = new int[coreSize]; // queue[i] is the node labelled i
    int next = 1;
    newLabel[0] = 0;
    for (int head = 0; head < next; head++) {
      for (int rest = adj[queue[head]] & coreMask; rest != 0; rest &= rest - 1) {
        int w = Integer.numberOfTrailingZeros(rest);
        if (newLabel[w] < 0) {
          newLabel[w] = next;
          queue[next++] = w;
        }
      }
    }
    if (next != coreSize) throw new IllegalStateException("core not connected");
    // buyers by (least neighbour, neighbour set) in the new labels; the low bits keep the node
    long[] buyers = new long[nodes - coreSize];
    for (int i = 0; i < buyers.length; i++) {
      int set = applyToMask(newLabel, adj[coreSize + i]);
      buyers[i] = (long) Integer.numberOfTrailingZeros(set) << 40 | (long) set << 8 | coreSize + i;
    }
    Arrays.sort(buyers);
    for (long key : buyers) newLabel[(int) (key & 0xff)] = next++;
    int[] relabelled = new int[nodes];
    int edges = 0;
    for (int u = 0; u < nodes; u++) {
      relabelled[newLabel[u]] = applyToMask(newLabel, adj[u]);
      edges += Integer.bitCount(adj[u]);
    }
    return new Compact(CanonicalLabelling.encode(nodes, relabelled), coreSize, edges / 2);
  }
}

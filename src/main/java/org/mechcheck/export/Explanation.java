package org.mechcheck.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Rationals;

/**
 * What a counterexample's picture explains: the outcomes side by side (truthful and deviating, or
 * the mechanism and its reference), each recomputed exactly from the market, and the line that
 * says what the replay found. Every number is exact; {@link NetworkFigure} draws it and the report
 * tabulates it.
 *
 * @param title first line of the picture (mechanism, property, claim, network)
 * @param finding what the replay found, recomputed (not copied from the file)
 * @param reproduces whether the replay still shows the violation
 */
public record Explanation(String title, Market market, List<Side> sides, String finding, boolean reproduces, String command) {
  public Explanation {
    sides = List.copyOf(sides);
  }

  /**
   * One outcome: its heading, the profile it was run on (the report graph its paths follow), the
   * agent who deviates in it (-1: none), the neighbours whose links she withholds ({@code cut})
   * and those she reports to ({@code reported}, for protocol deviations), and a note under her
   * (a misreported bid, a protocol action). {@code tracePaths}: whether a chainless whole-unit
   * allocation is drawn with the report path to each winner (for mechanisms that hand the good
   * down the winner's critical agents; not for resale protocols, whose route the outcome does not record).
   */
  public record Side(String heading, Outcome<BigFraction> outcome, Profile<BigFraction> profile, int deviator, BitSet cut, BitSet reported, String deviatorNote,
      boolean tracePaths) {
    public Side {
      cut = (BitSet) cut.clone();
      reported = (BitSet) reported.clone();
    }

    public Market market() {
      return outcome.market();
    }

    public BigFraction utility(int v) {
      Market m = market();
      return outcome.utility(v, m.agent(v).value(), m.agent(v).cost(), org.mechcheck.num.Exact.INSTANCE);
    }

    public BigFraction revenue() {
      return outcome.revenue(org.mechcheck.num.Exact.INSTANCE);
    }

    /**
     * The links the good travels along: the outcome's trading chains, or, where a mechanism
     * allocates whole units without chains (IDM, GIDM, VCG for k units), the first shortest path
     * of the report graph from the seller to each winner (it passes every agent the winner depends
     * on). Fractional allocations (expectations over random choices) have no path.
     */
    public List<int[]> paths() {
      if (!outcome.chains().isEmpty()) return outcome.chains();
      List<int[]> out = new ArrayList<>();
      if (!tracePaths) return out;
      for (int w : outcome.winners()) {
        if (outcome.allocation(w).compareTo(BigFraction.ONE) != 0) continue;
        int[] p = shortestPath(profile, w);
        if (p != null) out.add(p);
      }
      return out;
    }

    /** Whether the paths are the outcome's own chains (true) or report-graph paths to the winners. */
    public boolean chains() {
      return !outcome.chains().isEmpty();
    }

    /** One line: who wins (with probabilities when fractional), along what, and the revenue. */
    public String summary() {
      Market m = market();
      List<String> won = new ArrayList<>();
      for (int w : outcome.winners()) {
        BigFraction a = outcome.allocation(w);
        won.add(m.id(w) + (a.compareTo(BigFraction.ONE) == 0 ? "" : " (" + Rationals.format(a) + ")"));
      }
      String who = won.isEmpty() ? "no sale" : (won.size() == 1 ? "winner " : "winners ") + String.join(", ", won);
      List<String> ps = new ArrayList<>();
      for (int[] p : paths()) ps.add(pathText(m, p));
      String along = ps.isEmpty() ? "" : (chains() ? "; chain " : "; path ") + String.join(" and ", ps);
      return who + along + "; revenue " + Rationals.format(revenue());
    }
  }

  public static String pathText(Market m, int[] p) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < p.length; k++) sb.append(k == 0 ? "" : " -> ").append(m.id(p[k]));
    return sb.toString();
  }

  /** Breadth first over the report graph, neighbours in node order: the first shortest path from the seller to {@code target}. */
  static int[] shortestPath(Profile<BigFraction> p, int target) {
    var g = p.graph();
    int n = g.size();
    int[] parent = new int[n];
    java.util.Arrays.fill(parent, -2);
    parent[0] = -1;
    Deque<Integer> q = new ArrayDeque<>();
    q.add(0);
    while (!q.isEmpty()) {
      int u = q.poll();
      if (u == target) break;
      int[] out = g.out(u).clone();
      java.util.Arrays.sort(out);
      for (int w : out) {
        if (parent[w] == -2) {
          parent[w] = u;
          q.add(w);
        }
      }
    }
    if (parent[target] == -2) return null;
    List<Integer> path = new ArrayList<>();
    for (int v = target; v != -1; v = parent[v]) path.add(0, v);
    return path.stream().mapToInt(Integer::intValue).toArray();
  }
}

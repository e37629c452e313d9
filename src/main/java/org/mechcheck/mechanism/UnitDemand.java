package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * What the multi-unit mechanisms share (those of 002 and of plugins): k identical units, one per buyer, no costs. The
 * efficient allocation gives the units to the k highest bids, so the optimal welfare without a
 * set X of agents, W*_{-X}, is the sum of the k highest bids among the agents still informed when
 * those of X take no part (whoever hears of the sale only through them does not hear of it).
 *
 * <p>Ranking (the tie-break of spec/README.md): higher bid first, the earlier node among equal bids.
 * {@link #ranked} selects with {@link Arith#argmax} (control flow, so it forks symbolically);
 * {@link #topSum} and {@link #kth} are values built from {@link Arith#max} and {@link Arith#min}
 * (a compare-exchange insertion network), so they do not fork.
 */
public final class UnitDemand {
  private UnitDemand() {}

  /** Why a market is outside the multi-unit social model (every agent a bidder), or empty. */
  public static Optional<String> refusal(String mechanism, Market market) {
    for (int v = 1; v < market.size(); v++) {
      if (!market.isBidder(v)) {
        return Optional.of(mechanism + " needs every agent to be a bidder (social networks have no costs); " + market.id(v) + " is an intermediary with a cost");
      }
    }
    return Optional.empty();
  }

  /** The informed agents, in node order. */
  public static List<Integer> informed(Profile<?> p) {
    return p.graph().informed().stream().boxed().toList();
  }

  /** The agents still informed when those of {@code removed} take no part, in node order. */
  public static List<Integer> informedWithout(Profile<?> p, BitSet removed) {
    BitSet live = p.graph().reach(removed);
    live.clear(0);
    live.andNot(removed);
    return live.stream().boxed().toList();
  }

  /** The first {@code m} of {@code candidates} (node order) in rank order; all of them when there are fewer. */
  public static <N> List<Integer> ranked(List<Integer> candidates, int m, Profile<N> p, Arith<N> a) {
    List<Integer> rest = new ArrayList<>(candidates);
    List<Integer> out = new ArrayList<>();
    while (out.size() < m && !rest.isEmpty()) {
      List<N> bids = rest.stream().map(p::bid).toList();
      out.add(rest.remove(a.argmax(bids)));
    }
    return out;
  }

  /** The sum of the {@code m} largest numbers (all of them when there are fewer; 0 when m &lt;= 0). */
  public static <N> N topSum(List<N> xs, int m, Arith<N> a) {
    return a.sum(largest(xs, m, a));
  }

  /** The m-th largest number (m >= 1), or 0 when there are fewer than m. */
  public static <N> N kth(List<N> xs, int m, Arith<N> a) {
    List<N> top = largest(xs, m, a);
    return top.size() < m ? a.zero() : top.get(m - 1);
  }

  /** The m largest numbers, largest first, by compare-exchange insertion: values only, no branching. */
  private static <N> List<N> largest(List<N> xs, int m, Arith<N> a) {
    List<N> top = new ArrayList<>();
    if (m <= 0) return top;
    for (N x : xs) {
      N carry = x;
      for (int j = 0; j < top.size(); j++) {
        N t = top.get(j);
        top.set(j, a.max(t, carry));
        carry = a.min(t, carry);
      }
      if (top.size() < m) top.add(carry);
    }
    return top;
  }

  /** W*_{-removed} with the market's units: the k highest bids among the agents still informed without {@code removed}. */
  public static <N> N welfare(Profile<N> p, Arith<N> a, BitSet removed) {
    List<N> bids = informedWithout(p, removed).stream().map(p::bid).toList();
    return topSum(bids, p.market().units(), a);
  }

  /** W*: the k highest informed bids. */
  public static <N> N welfare(Profile<N> p, Arith<N> a) {
    return welfare(p, a, new BitSet());
  }
}

package org.mechcheck.network;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Function;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Arith;

/**
 * What a mechanism runs on: the market's structure, its public costs, and a report profile
 * (each agent's reported bid and the set of neighbours she informs), all in the number type
 * {@code N}. Reports of agents who are never informed are ignored by everything downstream,
 * since only the report graph reachable from the seller counts.
 */
public final class Profile<N> {
  private final Market market;
  private final N[] costs;
  private final N[] bids;
  /** Whom each node informs, in node order: arrays, not bit sets, so that a profile grows with the edges and not with the nodes squared. */
  private final int[][] informs;
  private ReportGraph graph;

  private Profile(Market market, N[] costs, N[] bids, int[][] informs) {
    this.market = market;
    this.costs = costs;
    this.bids = bids;
    this.informs = informs;
  }

  /** Everyone reports her true type: bids are values, everyone who invites informs all neighbours. */
  public static <N> Profile<N> truthful(Market market, Arith<N> a) {
    return of(market, v -> a.of(market.agent(v).cost()), v -> a.of(market.agent(v).value()), a);
  }

  /**
   * A truthful profile whose numbers are given per node (the symbolic engine passes variables
   * here); {@code cost} and {@code value} are asked only for intermediaries and bidders.
   */
  @SuppressWarnings("unchecked")
  public static <N> Profile<N> of(Market market, Function<Integer, N> cost, Function<Integer, N> value, Arith<N> a) {
    int n = market.size();
    N[] costs = (N[]) new Object[n];
    N[] bids = (N[]) new Object[n];
    int[][] informs = new int[n][];
    costs[0] = a.zero();
    informs[0] = market.truthfulTargets(0);
    for (int v = 1; v < n; v++) {
      costs[v] = market.isIntermediary(v) ? cost.apply(v) : a.zero();
      bids[v] = market.isBidder(v) ? value.apply(v) : null;
      informs[v] = market.truthfulTargets(v);
    }
    return new Profile<>(market, costs, bids, informs);
  }

  /** The same profile with agent {@code v} reporting {@code bid} (null: unchanged) and informing {@code to} (null: unchanged). */
  public Profile<N> deviate(int v, N bid, BitSet to) {
    if (v <= 0) throw new IllegalArgumentException("the seller does not report");
    N[] b = bids;
    if (bid != null) {
      if (!market.isBidder(v)) throw new IllegalArgumentException(market.id(v) + " is not a bidder");
      b = Arrays.copyOf(bids, bids.length);
      b[v] = bid;
    }
    int[][] inf = informs;
    if (to != null) {
      inf = Arrays.copyOf(informs, informs.length);
      BitSet extra = (BitSet) to.clone();
      extra.andNot(market.truthfulInforms(v));
      if (!extra.isEmpty()) throw new IllegalArgumentException(market.id(v) + " cannot inform " + extra + ": not a neighbour she may inform");
      inf[v] = to.stream().toArray();
    }
    return new Profile<>(market, costs, b, inf);
  }

  /** The same reports with every number converted (e.g. exact numbers into the one-parameter domain). */
  @SuppressWarnings("unchecked")
  public <M> Profile<M> map(Function<N, M> f) {
    int n = market.size();
    M[] c = (M[]) new Object[n];
    M[] b = (M[]) new Object[n];
    for (int v = 0; v < n; v++) {
      c[v] = f.apply(costs[v]);
      b[v] = bids[v] == null ? null : f.apply(bids[v]);
    }
    return new Profile<>(market, c, b, informs);
  }

  /** Agent {@code v} informs {@code to} instead of her current set. */
  public Profile<N> withInforms(int v, BitSet to) {
    return deviate(v, null, to);
  }

  /** The market the reports are about. */
  public /*@ pure @*/ Market market() {
    return market;
  }

  /** Node v's public cost (0 for a bidder). */
  public /*@ pure @*/ N cost(int v) {
    return costs[v];
  }

  /** The reported bid of a bidder (null for the seller and intermediaries). */
  public /*@ pure @*/ N bid(int v) {
    return bids[v];
  }

  /** The neighbours {@code v} reports she informs (a copy). */
  public /*@ pure @*/ BitSet informs(int v) {
    BitSet s = new BitSet();
    for (int w : informs[v]) s.set(w);
    return s;
  }

  /** The same, in node order; not to be changed. */
  int[] informsView(int v) {
    return informs[v];
  }

  /** The directed graph of who informs whom, with everything the mechanisms ask of it. */
  public /*@ pure @*/ ReportGraph graph() {
    if (graph == null) graph = new ReportGraph(this);
    return graph;
  }

  /** {@code n} zeros. */
  public static BigFraction[] zeros(int n) {
    BigFraction[] z = new BigFraction[n];
    Arrays.fill(z, BigFraction.ZERO);
    return z;
  }
}

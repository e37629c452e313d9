package org.mechcheck.mechanism;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.num.Arith;

/**
 * What a mechanism decides: units (or, for randomised mechanisms, the probability) each node
 * wins, how many trades pass through each node as an intermediary, the trading chains, and
 * payments to the seller (negative: the agent receives money). Utilities follow from the true
 * types: u_i = value_i * allocation_i - cost_i * through_i - payment_i.
 */
public final class Outcome<N> {
  private final Market market;
  private final BigFraction[] allocation;
  private final BigFraction[] through;
  private final List<int[]> chains;
  private final N[] payments;
  private final Map<String, Object> details;

  /** An outcome: per node the units won (a probability for randomised mechanisms) and the trades passed on as an intermediary, the trading chains, the payments, and mechanism-specific details. */
  public Outcome(Market market, BigFraction[] allocation, BigFraction[] through, List<int[]> chains, N[] payments, Map<String, Object> details) {
    this.market = market;
    this.allocation = allocation;
    this.through = through;
    this.chains = List.copyOf(chains);
    this.payments = payments;
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** No sale: nobody wins and nobody pays. */
  @SuppressWarnings("unchecked")
  public static <N> Outcome<N> noSale(Market market, Arith<N> a) {
    int n = market.size();
    N[] pay = (N[]) new Object[n];
    Arrays.fill(pay, a.zero());
    return new Outcome<>(market, zeros(n), zeros(n), List.of(), pay, Map.of());
  }

  /** A single unit sold along {@code chain} (seller first, winner last). */
  public static <N> Outcome<N> sale(Market market, int[] chain, N[] payments, Map<String, Object> details) {
    int n = market.size();
    BigFraction[] alloc = zeros(n);
    BigFraction[] thr = zeros(n);
    alloc[chain[chain.length - 1]] = BigFraction.ONE;
    for (int k = 1; k < chain.length - 1; k++) thr[chain[k]] = BigFraction.ONE;
    return new Outcome<>(market, alloc, thr, List.of(chain), payments, details);
  }

  /** A single unit to {@code winner} in a model without trading chains (no intermediary costs). */
  public static <N> Outcome<N> award(Market market, int winner, N[] payments, Map<String, Object> details) {
    int n = market.size();
    BigFraction[] alloc = zeros(n);
    alloc[winner] = BigFraction.ONE;
    return new Outcome<>(market, alloc, zeros(n), List.of(), payments, details);
  }

  /**
   * One unit to each of {@code winners} (at most one per agent) in a model without trading chains:
   * the multi-unit social-network mechanisms, where nobody has a cost and units move along
   * critical agents rather than along chains.
   */
  public static <N> Outcome<N> awardAll(Market market, java.util.Collection<Integer> winners, N[] payments, Map<String, Object> details) {
    int n = market.size();
    BigFraction[] alloc = zeros(n);
    for (int w : winners) {
      if (w <= 0 || w >= n) throw new IllegalArgumentException("winner " + w + " is not an agent");
      if (alloc[w].signum() != 0) throw new IllegalArgumentException(market.id(w) + " would win two units; buyers want one each");
      alloc[w] = BigFraction.ONE;
    }
    return new Outcome<>(market, alloc, zeros(n), List.of(), payments, details);
  }

  /** Units allocated: the sum of the allocation over the agents. */
  public /*@ pure @*/ BigFraction unitsAllocated() {
    BigFraction s = BigFraction.ZERO;
    for (int v = 1; v < market.size(); v++) s = s.add(allocation[v]);
    return s;
  }

  /** {@code n} zeros, for building allocations. */
  public static BigFraction[] zeros(int n) {
    BigFraction[] z = new BigFraction[n];
    Arrays.fill(z, BigFraction.ZERO);
    return z;
  }

  /** The market it is an outcome of. */
  public /*@ pure @*/ Market market() {
    return market;
  }

  /** Units (or the probability of the unit) node v wins. */
  public /*@ pure @*/ BigFraction allocation(int v) {
    return allocation[v];
  }

  /** Trades that pass through node v as an intermediary. */
  public /*@ pure @*/ BigFraction through(int v) {
    return through[v];
  }

  /** The trading chains, seller first and winner last (empty where the model has none). */
  public /*@ pure @*/ List<int[]> chains() {
    return chains;
  }

  /** What node v pays the seller (negative: she is paid). */
  public /*@ pure @*/ N payment(int v) {
    return payments[v];
  }

  /** Extra, mechanism-specific facts (e.g. CSM's threshold neighbourhoods), keyed by name. */
  public /*@ pure @*/ Map<String, Object> details() {
    return details;
  }

  /** Nodes that win something. */
  public /*@ pure @*/ int[] winners() {
    return java.util.stream.IntStream.range(1, market.size()).filter(v -> allocation[v].signum() != 0).toArray();
  }

  /** Whether anything is sold. */
  public /*@ pure @*/ boolean sold() {
    return winners().length > 0;
  }

  /** The seller's revenue: the sum of all payments. */
  public /*@ pure @*/ N revenue(Arith<N> a) {
    N r = a.zero();
    for (int v = 1; v < market.size(); v++) r = a.add(r, payments[v]);
    return r;
  }

  /**
   * The same decision as {@code other}: every node's allocation and trades passed through, the
   * chains, and (as numbers) every payment.
   */
  public /*@ pure @*/ boolean sameAs(Outcome<N> other, Arith<N> a) {
    if (other.market.size() != market.size() || !chains.stream().map(Arrays::toString).toList().equals(other.chains.stream().map(Arrays::toString).toList())) return false;
    for (int v = 0; v < market.size(); v++) {
      if (allocation[v].compareTo(other.allocation[v]) != 0 || through[v].compareTo(other.through[v]) != 0) return false;
      if (v > 0 && !a.eq(payments[v], other.payments[v])) return false;
    }
    return true;
  }

  /** Value of the outcome to agent v (without payment), at v's true type given in N. */
  public N valuation(int v, N trueValue, N trueCost, Arith<N> a) {
    return a.sub(a.mul(trueValue, allocation[v]), a.mul(trueCost, through[v]));
  }

  /** Node v's utility at her true type: valuation minus payment. */
  public N utility(int v, N trueValue, N trueCost, Arith<N> a) {
    return a.sub(valuation(v, trueValue, trueCost, a), payments[v]);
  }
}

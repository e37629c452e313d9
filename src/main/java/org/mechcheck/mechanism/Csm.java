package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.kernel.CustomerSharingPayment;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Linear;

/**
 * The customer sharing mechanism (000 §4). The efficient winner m gets the item along LCC_m.
 * <pre>
 *   buyer i:         x_i = W*_{-i} - W* + v_i                 (her VCG payment)
 *   intermediary i:  x_i = W*_{-d_i} - W*_{-r*_i} + v_i
 * </pre>
 * where r*_i is i's threshold neighbourhood (Definition 10) and W*_{-r*_i} the optimal welfare
 * when i informs r'_i \ r*_i. Two readings of r*_i (see spec/csm.md):
 * <ul>
 *   <li>{@code csm}: the paper's construction procedure. For i on LCC_m, withhold from i's
 *       successor on the current LCC of m, again and again, until the winner changes (return
 *       the withheld set) or i leaves m's chain with m still winning (return r'_i);
 *   <li>{@code csm-min}: Definition 10 literally, a smallest subset of r'_i whose withholding
 *       changes the winner (first in size-then-lexicographic order), r'_i if none does.
 * </ul>
 * An intermediary off LCC_m has r*_i = r'_i, as the paper states.
 */
public class Csm implements Mechanism {

  public enum Reading {
    PROCEDURE,
    MINIMUM
  }

  private final Reading reading;

  public Csm(Reading reading) {
    this.reading = reading;
  }

  /** {@code csm}: threshold neighbourhoods by the paper's construction procedure. */
  public Csm() {
    this(Reading.PROCEDURE);
  }

  @Override
  public String name() {
    return reading == Reading.PROCEDURE ? "csm" : "csm-min";
  }

  @Override
  public String description() {
    return reading == Reading.PROCEDURE
        ? "customer sharing mechanism, threshold neighbourhoods by the paper's construction procedure"
        : "customer sharing mechanism, threshold neighbourhoods as minimum subsets (Definition 10 read literally)";
  }

  @Override
  public String source() {
    return "000 §4, Definition 10, Theorems 1 and 2, Lemma 1";
  }

  @Override
  public String domain() {
    return CustomerSharing.DOMAIN;
  }

  @Override
  public Optional<String> refusal(Market market) {
    return CustomerSharing.refusal(name(), market);
  }

  // the last clause: every intermediary's threshold neighbourhood is a subset of what she informs
  /*@ also
    @ ensures \result.winners().length <= 1;
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()));
    @ ensures \result.sold() ==> \result.chains().get(0)[0] == 0 && profile.market().isBidder(\result.winners()[0]);
    @ ensures (\forall int v; 0 < v && v < profile.market().size() && profile.market().isIntermediary(v); (\forall int w; 0 <= w && w < profile.market().size(); thresholdOf(\result, v).get(w) ==> profile.informs(v).get(w)));
    @*/
  @Override
  @SuppressWarnings("unchecked")
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Market market = profile.market();
    Welfare<N> w = new Welfare<>(profile, arith);
    int m = w.winner();
    if (m < 0) return Outcome.noSale(market, arith);
    int[] chain = w.lowestCostChain(m);
    N best = w.best();

    N[] pay = (N[]) new Object[market.size()];
    Map<Integer, BitSet> thresholds = new LinkedHashMap<>();
    for (int i = 1; i < market.size(); i++) {
      if (!profile.graph().informed(i)) {
        pay[i] = arith.zero();
      } else if (market.isBidder(i)) {
        pay[i] = payment(arith, w.bestWithout(i), best, w.valueOnChain(i, chain));
      } else {
        BitSet threshold = threshold(profile, arith, i, m, chain);
        thresholds.put(i, threshold);
        BitSet kept = profile.informs(i);
        kept.andNot(threshold);
        N withoutThreshold = new Welfare<>(profile.withInforms(i, kept), arith).best();
        N withoutSubtree = w.best(profile.graph().dominated(i));
        pay[i] = payment(arith, withoutSubtree, withoutThreshold, w.valueOnChain(i, chain));
      }
    }
    return Outcome.sale(market, chain, pay, Map.of("threshold", thresholds));
  }

  /** r*_v as the outcome records it (its "threshold" detail), empty for an agent it records none for. */
  @SuppressWarnings("unchecked")
  public static /*@ pure @*/ <N> BitSet thresholdOf(Outcome<N> outcome, int v) {
    Object t = outcome.details().get("threshold");
    BitSet s = t instanceof Map<?, ?> m ? ((Map<Integer, BitSet>) m).get(v) : null;
    return s == null ? new BitSet() : (BitSet) s.clone();
  }

  /** {@link CustomerSharingPayment#payment}, whose contract KeY proves, in the caller's arithmetic. */
  private static <N> N payment(Arith<N> arith, N without, N withoutThreshold, N onChain) {
    return Linear.apply(arith, x -> CustomerSharingPayment.payment(x[0], x[1], x[2]), List.of(without, withoutThreshold, onChain));
  }

  /** r*_i under this reading, for the profile whose efficient winner is m along {@code chain}. */
  public <N> BitSet threshold(Profile<N> profile, Arith<N> arith, int i, int m, int[] chain) {
    BitSet informs = profile.informs(i);
    if (!contains(chain, i)) return informs;
    return reading == Reading.PROCEDURE ? byProcedure(profile, arith, i, m, chain) : smallest(profile, arith, i, m);
  }

  private static <N> BitSet byProcedure(Profile<N> profile, Arith<N> arith, int i, int m, int[] chain) {
    BitSet informs = profile.informs(i);
    BitSet withheld = new BitSet();
    int[] current = chain;
    while (true) {
      withheld.set(successor(current, i));
      Welfare<N> w = new Welfare<>(profile.withInforms(i, minus(informs, withheld)), arith);
      int winner = w.winner();
      if (winner != m) return withheld;
      current = w.lowestCostChain(m);
      if (!contains(current, i)) return informs;
    }
  }

  private static <N> BitSet smallest(Profile<N> profile, Arith<N> arith, int i, int m) {
    BitSet informs = profile.informs(i);
    int[] options = informs.stream().toArray();
    for (int size = 1; size <= options.length; size++) {
      for (BitSet withheld : subsetsOfSize(options, size)) {
        if (new Welfare<>(profile.withInforms(i, minus(informs, withheld)), arith).winner() != m) return withheld;
      }
    }
    return informs;
  }

  /** Subsets of the given nodes with {@code size} elements, in lexicographic order. */
  static List<BitSet> subsetsOfSize(int[] nodes, int size) {
    List<BitSet> out = new ArrayList<>();
    collect(nodes, size, 0, new BitSet(), out);
    return out;
  }

  private static void collect(int[] nodes, int size, int from, BitSet current, List<BitSet> out) {
    if (current.cardinality() == size) {
      out.add((BitSet) current.clone());
      return;
    }
    for (int k = from; k < nodes.length; k++) {
      current.set(nodes[k]);
      collect(nodes, size, k + 1, current, out);
      current.clear(nodes[k]);
    }
  }

  private static BitSet minus(BitSet a, BitSet b) {
    BitSet r = (BitSet) a.clone();
    r.andNot(b);
    return r;
  }

  private static boolean contains(int[] chain, int v) {
    for (int x : chain) if (x == v) return true;
    return false;
  }

  private static int successor(int[] chain, int v) {
    for (int k = 0; k + 1 < chain.length; k++) if (chain[k] == v) return chain[k + 1];
    throw new IllegalStateException("node " + v + " has no successor on the chain");
  }

  @Override
  public List<Contract> contracts() {
    return List.of(
        Contract.ONE_WINNER,
        Contract.UNINFORMED_PAY_NOTHING,
        Contract.CHAIN_TO_A_BIDDER,
        new Contract("(\\forall int v; 0 < v && v < profile.market().size() && profile.market().isIntermediary(v); (\\forall int w; 0 <= w && w < profile.market().size(); thresholdOf(\\result, v).get(w) ==> profile.informs(v).get(w)))",
            (profile, arith, result) -> java.util.stream.IntStream.range(1, profile.market().size()).filter(v -> profile.market().isIntermediary(v)).allMatch(v -> java.util.stream.IntStream.range(0, profile.market().size()).allMatch(w -> !thresholdOf(result, v).get(w) || profile.informs(v).get(w)))));
  }
}

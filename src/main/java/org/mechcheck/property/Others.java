package org.mechcheck.property;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mechcheck.network.Market;

/**
 * Which reports of the other agents an IC check quantifies over. {@link #ALL} is the
 * dominant-strategy quantifier the papers state: every subset of her neighbours each other agent
 * informs, asymmetric withholding included (u may withhold v while v informs u). {@link #TRUTHFUL}
 * is the weaker quantifier of earlier mechcheck releases, kept so that its cost can be compared: the
 * others inform every neighbour. Under both, the others' bids are covered by ranging over all
 * values, since an agent's utility depends on another agent only through her report.
 */
public enum Others {
  ALL("all", "DSIC"),
  TRUTHFUL("truthful", "others truthful");

  private final String id;
  private final String label;

  Others(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The option value: {@code all} or {@code truthful}. */
  public String id() {
    return id;
  }

  /** What a verdict says it covers: {@code DSIC} or {@code others truthful}. */
  public String label() {
    return label;
  }

  /** The quantifier a record states by its label; a record of an IC search that states none took the others as truthful. */
  public static Others stated(String label) {
    return label == null ? TRUTHFUL : parse(label).orElseThrow(() -> new IllegalArgumentException("no quantifier is called '" + label + "'"));
  }

  public static Optional<Others> parse(String s) {
    for (Others o : values()) if (o.id.equalsIgnoreCase(s) || o.label.equalsIgnoreCase(s)) return Optional.of(o);
    return Optional.empty();
  }

  /**
   * The others' report profiles an IC check of {@code deviator} visits, each as the informing sets
   * that differ from the truthful ones (empty: everyone else truthful), the truthful profile first,
   * then by how many links are withheld. Profiles that give the same report graph are visited once:
   * reports of agents the seller never reaches (with the deviator informing everyone) are ignored
   * by every mechanism, and the deviator's own deviations only shrink what is reached, so two
   * profiles that agree on the reports of the agents reached agree for every report of hers.
   * Profiles in which the deviator is not reached are left out: nothing she reports counts there.
   * {@code TRUTHFUL} gives the one empty profile.
   */
  public List<Map<Integer, BitSet>> profiles(Market market, int deviator) {
    List<Map<Integer, BitSet>> out = new ArrayList<>();
    if (this == TRUTHFUL) {
      out.add(Map.of());
      return out;
    }
    BitSet reached = new BitSet();
    reached.set(0);
    BitSet decided = new BitSet();
    decided.set(0);
    reached.or(market.truthfulInforms(0));
    enumerate(market, deviator, reached, decided, new TreeMap<>(), out);
    out.sort(Comparator.comparingInt(p -> withheld(market, p)));
    return out;
  }

  /** Decides the reports of reached agents one at a time, lowest node first, so each report graph comes out once. */
  private static void enumerate(Market market, int deviator, BitSet reached, BitSet decided, TreeMap<Integer, BitSet> chosen, List<Map<Integer, BitSet>> out) {
    BitSet open = (BitSet) reached.clone();
    open.andNot(decided);
    int u = open.nextSetBit(0);
    if (u < 0) {
      if (reached.get(deviator)) out.add(Map.copyOf(chosen));
      return;
    }
    BitSet all = market.truthfulInforms(u);
    List<BitSet> choices = u == deviator ? List.of(all) : Checker.subsets(all);
    decided.set(u);
    for (BitSet informs : choices) {
      BitSet r = (BitSet) reached.clone();
      r.or(informs);
      if (!informs.equals(all)) chosen.put(u, informs);
      enumerate(market, deviator, r, decided, chosen, out);
      chosen.remove(u);
    }
    decided.clear(u);
  }

  private static int withheld(Market market, Map<Integer, BitSet> profile) {
    int n = 0;
    for (Map.Entry<Integer, BitSet> e : profile.entrySet()) n += market.truthfulInforms(e.getKey()).cardinality() - e.getValue().cardinality();
    return n;
  }
}

package org.mechcheck.property;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Profile;

/**
 * A misreport of one agent: {@code bid} null means her true bid; {@code informs} null means she
 * informs every neighbour she truthfully would. {@code others} are the reports of the other agents
 * the misreport is judged against, each as the neighbours she informs, listed only where it differs
 * from the truthful report (empty: everyone else truthful; a dominant-strategy counterexample may
 * need some of them to withhold links).
 */
public record Deviation(BigFraction bid, BitSet informs, Map<Integer, BitSet> others) {
  public static final Deviation TRUTHFUL = new Deviation(null, null);

  public Deviation {
    TreeMap<Integer, BitSet> copy = new TreeMap<>();
    if (others != null) others.forEach((v, s) -> copy.put(v, (BitSet) s.clone()));
    others = java.util.Collections.unmodifiableMap(copy);
  }

  /** A misreport against the others' truthful reports. */
  public Deviation(BigFraction bid, BitSet informs) {
    this(bid, informs, Map.of());
  }

  /** Whether the agent herself reports truthfully (whatever the others report). */
  public boolean isTruthful() {
    return bid == null && informs == null;
  }

  /** The same misreport against these reports of the others. */
  public Deviation against(Map<Integer, BitSet> others) {
    return new Deviation(bid, informs, others);
  }

  /** {@code p} with the others' reports of {@code others} in place of theirs. */
  public static <N> Profile<N> othersReport(Profile<N> p, Map<Integer, BitSet> others) {
    for (Map.Entry<Integer, BitSet> e : others.entrySet()) p = p.withInforms(e.getKey(), e.getValue());
    return p;
  }
}

package org.mechcheck.property;

import java.util.BitSet;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A misreport of one agent: {@code bid} null means her true bid; {@code informs} null means she
 * informs every neighbour she truthfully would.
 */
public record Deviation(BigFraction bid, BitSet informs) {
  public static final Deviation TRUTHFUL = new Deviation(null, null);

  public boolean isTruthful() {
    return bid == null && informs == null;
  }
}

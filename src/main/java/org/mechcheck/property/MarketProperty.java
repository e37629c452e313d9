package org.mechcheck.property;

/**
 * A property of the market's outcome rather than of one agent's utility (BB, EFF, REV, NW, EQ):
 * a saved counterexample is replayed by checking the market again.
 */
public interface MarketProperty extends Property {
  /** The numbers and the line a replay shows when the property holds on the market. */
  Replayed holds(Concrete market);

  @Override
  default Replayed replay(Concrete market, int agent, Deviation deviation) {
    for (Violation v : check(market)) {
      if (agent < 0 || v.agent() == agent) return new Replayed(true, v.truthful(), v.deviating(), v.detail());
    }
    return holds(market);
  }
}

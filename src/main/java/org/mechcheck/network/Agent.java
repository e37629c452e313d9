package org.mechcheck.network;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An agent of a market: a bidder with a private value, or an intermediary with a public cost
 * that is incurred when a trade passes through her. {@code invites} says whether she can pass
 * the sale on to her neighbours.
 */
public record Agent(String id, Kind kind, BigFraction value, BigFraction cost, boolean invites) {

  public enum Kind {
    BIDDER,
    INTERMEDIARY
  }

  public static Agent bidder(String id, BigFraction value, boolean invites) {
    return new Agent(id, Kind.BIDDER, value, BigFraction.ZERO, invites);
  }

  public static Agent intermediary(String id, BigFraction cost) {
    return new Agent(id, Kind.INTERMEDIARY, BigFraction.ZERO, cost, true);
  }

  public boolean isBidder() {
    return kind == Kind.BIDDER;
  }
}

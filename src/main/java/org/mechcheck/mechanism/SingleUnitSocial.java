package org.mechcheck.mechanism;

import java.util.Optional;
import org.mechcheck.network.Market;

/** The domain of the single-unit diffusion auctions without costs (IDM, SRA): one unit, every agent a bidder. */
public final class SingleUnitSocial {
  private SingleUnitSocial() {}

  public static Optional<String> refusal(String mechanism, Market market) {
    if (market.units() != 1) return Optional.of(mechanism + " sells one unit; the network has units = " + market.units());
    for (int v = 1; v < market.size(); v++) {
      if (!market.isBidder(v)) return Optional.of(mechanism + " needs every agent to be a bidder; " + market.id(v) + " is an intermediary with a cost");
    }
    return Optional.empty();
  }
}

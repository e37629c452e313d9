package org.mechcheck.mechanism;

import java.util.Optional;
import org.mechcheck.network.Market;

/** The customer-sharing model of 000 §2: buyers never pass the sale on; intermediaries do. */
final class CustomerSharing {
  static final String DOMAIN = "single unit; customer-sharing markets of 000: bidders who do not invite, intermediaries with public costs";

  private CustomerSharing() {}

  static Optional<String> refusal(String mechanism, Market market) {
    if (market.units() != 1) return Optional.of(mechanism + " sells one unit; the network has units = " + market.units());
    for (int v = 1; v < market.size(); v++) {
      if (market.isBidder(v) && market.invites(v)) {
        return Optional.of(mechanism + " is defined on customer-sharing markets, where buyers do not pass the sale on; buyer "
            + market.id(v) + " invites (set \"invites\": false)");
      }
    }
    return Optional.empty();
  }
}

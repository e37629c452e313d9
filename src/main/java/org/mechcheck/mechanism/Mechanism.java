package org.mechcheck.mechanism;

import java.util.Optional;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * A mechanism maps a report profile to an outcome. Implementations are generic in the number
 * type and read like their source's definition; they never special-case a property or a search.
 */
public interface Mechanism {

  /** Lower-case hyphenated name, e.g. {@code idm-tc}. */
  String name();

  /** One line: what it is and where it is defined. */
  String description();

  /** The source document and section. */
  String source();

  /** One line describing the markets it accepts. */
  String domain();

  /** Why the market is outside the domain, or empty when the mechanism accepts it. */
  Optional<String> refusal(Market market);

  <N> Outcome<N> run(Profile<N> profile, Arith<N> arith);
}

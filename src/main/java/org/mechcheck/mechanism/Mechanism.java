package org.mechcheck.mechanism;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.plugin.Extension;

/**
 * A mechanism maps a report profile to an outcome. Implementations are generic in the number
 * type and read like their source's definition; they never special-case a property or a search.
 *
 * <p>A mechanism registers itself as a service of this interface ({@code
 * META-INF/services/org.mechcheck.mechanism.Mechanism}, public no-argument constructor), or is
 * given to a command as a source file ({@code --mechanism-file}); either way the commands, the
 * claims table and the evidence store treat it like a shipped one. It says itself what it needs:
 * whether it sells several units, the network classes it accepts, the families of protocol
 * deviations its claims may name.
 */
public interface Mechanism extends Extension {

  /** Lower-case hyphenated name, e.g. {@code idm-tc}. */
  @Override
  String name();

  /** One line: what it is and where it is defined. */
  String description();

  /** The source document and section. */
  String source();

  /** One line describing the markets it accepts. */
  String domain();

  /** Why the market is outside the domain, or empty when the mechanism accepts it. */
  Optional<String> refusal(Market market);

  /**
   * The outcome on a report profile. A function of the profile: it changes nothing that existed
   * before the call (a symbolic arithmetic's record of the branches taken aside, which mechanism
   * code never sees), so the search may run it again and again.
   */
  /*@ pure @*/ <N> Outcome<N> run(Profile<N> profile, Arith<N> arith);

  /**
   * The {@code ensures} clauses of the JML contract on {@link #run}, each with its check on an
   * exact outcome ({@link Contract#run} checks them with assertions on). None by default.
   */
  default List<Contract> contracts() {
    return List.of();
  }

  /**
   * Whether it sells k units to unit-demand buyers, k a property of the market: claims about it
   * then say how many units their evidence is about, and searches give every market that many.
   */
  default boolean multiUnit() {
    return false;
  }

  /**
   * The network classes it is defined on (a search or claim on another class is refused). By
   * default every class whose smallest network it accepts (with {@code units} units for sale).
   */
  default Set<NetworkClass> classes(int units) {
    Set<NetworkClass> out = EnumSet.noneOf(NetworkClass.class);
    for (NetworkClass c : NetworkClass.values()) {
      if (refusal(Enumerator.networks(c, 1).get(0).withUnits(units)).isEmpty()) out.add(c);
    }
    return out;
  }

  /**
   * Families of deviations beyond bids and informing sets that IC claims about it may name (e.g.
   * a distributed protocol's message passing); each is a registered {@code DeviationFamily}.
   */
  default List<String> deviationFamilies() {
    return List.of();
  }
}

package org.mechcheck.mutants;

import java.util.Optional;
import java.util.Set;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;

/**
 * A variant of a shipped mechanism for the verifier's own regression test: the same name, domain
 * and classes as the original, and a {@code run} that differs from it in one place, said by
 * {@link #change}. A faulty variant must be killed by the search; a harmless one (a refactoring that
 * changes no outcome) must not be.
 */
abstract class Mutant<S extends Enum<S>> implements Mechanism {
  private final Mechanism original;
  private final String name;
  /** The one place the variant differs from the original. */
  final S slip;

  Mutant(Mechanism original, String name, S slip) {
    this.original = original;
    this.name = name;
    this.slip = slip;
  }

  /** What differs from the original, in one line. */
  String change() {
    return slip.name().toLowerCase().replace('_', ' ');
  }

  Mechanism original() {
    return original;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "test variant of " + original.name() + ": " + change();
  }

  @Override
  public String source() {
    return "mechcheck's regression test of the verifier";
  }

  @Override
  public String domain() {
    return original.domain();
  }

  @Override
  public Optional<String> refusal(Market market) {
    return original.refusal(market);
  }

  @Override
  public boolean multiUnit() {
    return original.multiUnit();
  }

  @Override
  public Set<NetworkClass> classes(int units) {
    return original.classes(units);
  }
}

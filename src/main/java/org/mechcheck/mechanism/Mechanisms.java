package org.mechcheck.mechanism;

import java.util.List;
import java.util.Optional;
import org.mechcheck.plugin.Registry;

/** The shipped mechanisms by name: the {@link Mechanism} services of {@link Registry#standard()}. */
public final class Mechanisms {
  private Mechanisms() {}

  public static List<Mechanism> all() {
    return Registry.standard().all(Mechanism.class);
  }

  public static Optional<Mechanism> byName(String name) {
    return Registry.standard().find(Mechanism.class, name);
  }

  public static List<String> names() {
    return Registry.standard().names(Mechanism.class);
  }
}

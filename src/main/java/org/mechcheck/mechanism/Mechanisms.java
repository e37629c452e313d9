package org.mechcheck.mechanism;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of mechanisms by name. */
public final class Mechanisms {
  private static final Map<String, Mechanism> BY_NAME = new LinkedHashMap<>();

  static {
    for (Mechanism m : List.of(new Vickrey(), new Vcg(), new Idm(), new IdmTc(), new Csm(Csm.Reading.PROCEDURE), new Csm(Csm.Reading.MINIMUM),
        new org.mechcheck.multiunit.VcgK(), new org.mechcheck.multiunit.Gidm(), new SraCentral(), new org.mechcheck.sra.Protocol())) {
      BY_NAME.put(m.name(), m);
    }
  }

  private Mechanisms() {}

  public static List<Mechanism> all() {
    return List.copyOf(BY_NAME.values());
  }

  public static Optional<Mechanism> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }
}

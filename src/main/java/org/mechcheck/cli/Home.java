package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mechcheck.store.InputException;

/** The mechcheck checkout the CLI works in: $MECHCHECK_HOME (set by the launcher) or the working directory. */
public final class Home {
  private Home() {}

  public static Path get() {
    String env = System.getenv("MECHCHECK_HOME");
    Path home = Path.of(env != null && !env.isBlank() ? env : ".").toAbsolutePath().normalize();
    if (!Files.isRegularFile(home.resolve("spec/claims.json"))) {
      throw new InputException(home + ": not a mechcheck checkout (no spec/claims.json); run from the repository or set MECHCHECK_HOME");
    }
    return home;
  }
}

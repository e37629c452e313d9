package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.workbench.Workbench;
import picocli.CommandLine.Option;

/** The options that bring a researcher's own code and evidence: shared by run, check, search, claims, replay and mechanisms. */
final class WorkbenchOptions {
  @Option(names = "--mechanism-file", paramLabel = "FILE.java", description = "a mechanism of your own: one public class implementing "
      + "org.mechcheck.mechanism.Mechanism, named like the file, compiled on the spot (repeatable)")
  List<Path> mechanismFiles;

  @Option(names = "--plugins", paramLabel = "DIR", description = "load every jar in DIR (their META-INF/services registrations)")
  Path plugins;

  private Registry registry;

  Registry registry() {
    if (registry == null) registry = Workbench.registry(plugins, mechanismFiles);
    return registry;
  }

  /** Whether the user brought code of her own. */
  boolean researcher() {
    return plugins != null || mechanismFiles != null && !mechanismFiles.isEmpty();
  }

  /** The mechanism of this name, from the registry. */
  Mechanism mechanism(String name) {
    return registry().find(Mechanism.class, name).orElseThrow(() -> new InputException(
        "unknown mechanism '" + name + "' (known: " + String.join(", ", registry().names(Mechanism.class)) + ")"));
  }

  /** The mechanism a command is about: --mechanism NAME, or the only one of the --mechanism-file files. */
  Mechanism mechanism(String name, String option) {
    if (name != null) return mechanism(name);
    if (mechanismFiles != null && mechanismFiles.size() == 1) {
      Registry r = registry();
      for (Mechanism m : r.all(Mechanism.class)) if (r.origin(m).path() != null && r.origin(m).path().equals(mechanismFiles.get(0))) return m;
    }
    throw new InputException("missing " + option + " (or give exactly one --mechanism-file)");
  }

  /** Evidence options: where claims are read from and evidence is kept. */
  static final class Evidence {
    @Option(names = "--claims", paramLabel = "FILE", description = "your claims file (the format of spec/claims.json); evidence is kept beside it")
    Path claims;

    @Option(names = "--evidence", paramLabel = "DIR", description = "keep evidence (counterexamples/, proofs/) under DIR")
    Path evidence;

    /** The claims file: --claims, or mechcheck's own spec/claims.json. */
    Path claimsFile(Path home) {
      if (claims == null) return home.resolve("spec/claims.json");
      if (!Files.isRegularFile(claims)) throw new InputException(claims + ": --claims names no file");
      return claims;
    }

    /**
     * Where evidence lives: --evidence; else beside --claims; else, when the user brought her own
     * code, the current folder; else mechcheck's checkout.
     */
    EvidenceStore store(Path home, boolean researcher) {
      if (evidence != null) return new EvidenceStore(evidence);
      if (claims != null) return new EvidenceStore(claims.toAbsolutePath().getParent());
      return new EvidenceStore(researcher ? Path.of("").toAbsolutePath() : home);
    }
  }
}

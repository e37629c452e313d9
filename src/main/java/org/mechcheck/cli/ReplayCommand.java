package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.EvidenceKind;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-runs saved counterexamples of every kind exactly; exit 1 if one no longer shows its violation "
    + "(or shows it on a mechanism listed in its fixedBy), 2 if one cannot be read.")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "counterexample files, or folders of them (every *.json below, subfolders included, in path order), or one bundle FILE.zip")
  List<Path> files;

  @Option(names = "--json", description = "one JSON object per file, one per line")
  boolean json;

  @Mixin
  WorkbenchOptions workbench;

  @Override
  public Integer call() throws Exception {
    if (files.size() == 1 && files.get(0).getFileName().toString().endsWith(".zip")) { // a bundle (mechcheck bundle)
      org.mechcheck.bundle.BundleReplay.Result b = org.mechcheck.bundle.BundleReplay.run(files.get(0));
      b.lines().forEach(System.out::println);
      System.err.println("mechcheck replay: " + files.get(0) + (b.ok() ? ": every check passed" : ": some checks FAILED"));
      return b.ok() ? 0 : Errors.VIOLATION;
    }
    Registry registry = workbench.registry();
    List<EvidenceStore.EvidenceFile> found = new ArrayList<>();
    for (Path p : files) {
      if (!Files.exists(p)) throw new InputException(p + ": no such file or folder");
      found.addAll(EvidenceStore.files(p));
    }
    if (found.isEmpty()) throw new InputException(String.join(", ", files.stream().map(Path::toString).toList()) + ": no counterexample file (*.json) there");
    int failed = 0, unreadable = 0;
    StringBuilder out = new StringBuilder();
    for (EvidenceStore.EvidenceFile f : found) {
      String problem = f.problem();
      EvidenceKind.Replayed r = null;
      if (problem == null) {
        var kind = registry.find(EvidenceKind.class, f.format());
        if (kind.isEmpty()) {
          problem = f.path() + ": format: no evidence kind reads \"" + f.format() + "\" (known: " + String.join(", ", registry.names(EvidenceKind.class)) + ")";
        } else {
          try {
            r = kind.get().replay(f.path(), f.root(), registry);
          } catch (InputException e) {
            problem = e.getMessage();
          }
        }
      }
      if (problem != null) {
        unreadable++;
        System.err.println("mechcheck: " + problem);
        if (json) out.append(NetworkJson.line(NetworkJson.MAPPER.createObjectNode().put("file", f.path().toString()).put("unreadable", problem))).append('\n');
        continue;
      }
      if (!r.asRecorded()) failed++;
      out.append(json ? NetworkJson.line(r.json()) : r.line()).append('\n');
    }
    System.out.print(out);
    int n = found.size();
    System.err.println("mechcheck replay: " + n + " counterexample" + (n == 1 ? "" : "s") + ", " + (n - failed - unreadable) + " as recorded, " + failed + " not"
        + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
    return unreadable > 0 ? Errors.BAD_INPUT : failed == 0 ? 0 : Errors.VIOLATION;
  }
}

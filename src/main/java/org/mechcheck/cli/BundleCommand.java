package org.mechcheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.bundle.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Packs claims with their evidence, the sources they rest on, versions, commands and checksums into a zip that 'mechcheck replay' re-checks.")
final class BundleCommand implements Callable<Integer> {
  @Option(names = "--claim", required = true, arity = "1..*", paramLabel = "ID", description = "claim ids (spec/claims.json); repeat or list several")
  List<String> claims;

  @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "the bundle to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!out.getFileName().toString().endsWith(".zip")) throw new org.mechcheck.store.InputException("--out: " + out + ": a bundle is a .zip file");
    Bundle.Result r = Bundle.make(Home.get(), claims, out);
    System.out.println(r.claims() + " claim" + (r.claims() == 1 ? "" : "s") + ", " + r.files() + " files: " + r.zip());
    return 0;
  }
}

package org.mechcheck.datatrade;

import org.mechcheck.cli.Home;
import org.mechcheck.cli.Errors;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks 004's claims and, with --save, writes the records `mechcheck claims` reads. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "004's claims: Theorems 4.3 and 4.4 and the welfare corollary on random homogeneous positive chains (as stated, and with every own-sale share positive); gains over RAW in Models 2-4.")
final class DatatradeVerify implements Callable<Integer> {
  @Option(names = "--models", defaultValue = "300", description = "random chains per theorem (default ${DEFAULT-VALUE})")
  int models;

  @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--save", description = "write proofs/datatrade/<claim>.json")
  boolean save;

  @Override
  public Integer call() throws Exception {
    if (models < 1) throw new org.mechcheck.store.InputException("--models: must be at least 1");
    if (save) new org.mechcheck.store.EvidenceStore(Home.get()).requireWritable(); // before the checks, not after them
    String command = "mechcheck datatrade verify --models " + models + " --seed " + seed + " --save";
    List<DatatradeClaims.Outcome> outs = List.of(DatatradeClaims.expansion(models, seed), DatatradeClaims.local(models, seed), DatatradeClaims.welfare(models, seed),
        DatatradeClaims.expansion(models, seed, true), DatatradeClaims.local(models, seed, true), DatatradeClaims.welfare(models, seed, true),
        DatatradeClaims.gains(5, seed, 3, 1500));
    boolean all = true;
    for (DatatradeClaims.Outcome o : outs) {
      System.out.printf("%s: %s (%d instances, %.1f s)%n  %s%n", o.claim(), o.holds() ? "holds" : "FAILS", o.instances(), o.seconds(), o.scope());
      for (String f : o.failures()) System.out.println("  - " + f);
      all &= o.holds();
      if (save) DatatradeCheck.write(Home.get(), o, command, seed);
    }
    return all ? 0 : Errors.VIOLATION;
  }
}

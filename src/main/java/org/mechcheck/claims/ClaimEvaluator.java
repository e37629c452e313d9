package org.mechcheck.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Violation;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/**
 * Gives each claim a verdict from the evidence in the repository: a violation found by the
 * concrete checker on a network of the claim's class refutes it; nothing else settles it yet.
 */
public final class ClaimEvaluator {
  private final Path home;
  private final List<NetworkFile> references;

  public ClaimEvaluator(Path home) {
    this.home = home;
    this.references = referenceNetworks(home);
  }

  public Verdict evaluate(Claim claim) {
    long start = System.nanoTime();
    Mechanism mech = Mechanisms.byName(claim.mechanism()).orElseThrow();
    Checker checker = new Checker(mech, claim.benchmark());
    int checked = 0;
    for (NetworkFile f : references) {
      if (!claim.networkClass().contains(f.market()) || mech.refusal(f.market()).isPresent()) continue;
      checked++;
      List<Violation> found = checker.check(f.market(), EnumSet.of(claim.property()));
      if (!found.isEmpty()) {
        String where = home.relativize(f.path().toAbsolutePath()).toString();
        return new Verdict(claim, Verdict.REFUTED, null, List.of(where), "check: " + found.get(0).detail(), seconds(start));
      }
    }
    String note = checked == 0 ? "no evidence yet" : "holds on " + checked + " reference network" + (checked == 1 ? "" : "s") + "; not searched";
    return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), note, seconds(start));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static List<NetworkFile> referenceNetworks(Path home) {
    Path dir = home.resolve("src/test/resources/reference");
    List<NetworkFile> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(NetworkJson.read(p.toAbsolutePath(), true));
    } catch (java.io.IOException e) {
      throw new org.mechcheck.store.InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
    return out;
  }
}

package org.mechcheck.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Replay;
import org.mechcheck.property.Violation;
import org.mechcheck.search.ProofRecord;
import org.mechcheck.search.Search;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;

/**
 * Gives each claim a verdict from the evidence in the repository, in this order: a saved
 * counterexample that still replays exactly refutes it (one saved for this claim, or for another
 * claim about the same question whose network lies in this claim's class); a proof record verifies it up to its
 * bound; a violation the concrete checker finds on a reference network refutes it; otherwise,
 * when a budget is given, a bounded search runs now (its result is reported, not saved);
 * otherwise it is unknown.
 */
public final class ClaimEvaluator {
  private final Path home;
  private final List<NetworkFile> references;
  private final List<Path> counterexamples;
  private final int budgetAgents;
  private final double budgetSeconds;
  /** proofs/key/summary.json, read on the first claim that cites a kernel contract. */
  private java.util.Map<String, org.mechcheck.prove.KeyRecord.Entry> keyRecord;

  public ClaimEvaluator(Path home, int budgetAgents, double budgetSeconds) {
    this.home = home;
    this.references = referenceNetworks(home);
    this.counterexamples = jsonFiles(home.resolve("counterexamples"));
    this.budgetAgents = budgetAgents;
    this.budgetSeconds = budgetSeconds;
  }

  public ClaimEvaluator(Path home) {
    this(home, 0, 0);
  }

  public Verdict evaluate(Claim claim) {
    return citeContracts(claim, judge(claim));
  }

  /**
   * Adds the KeY proofs a claim rests on (its {@code contracts}) to its evidence, from the last
   * recorded {@code mechcheck prove} run; a contract without a closed proof is named in the note.
   */
  private Verdict citeContracts(Claim claim, Verdict v) {
    if (claim.contracts().isEmpty()) return v;
    if (keyRecord == null) keyRecord = org.mechcheck.prove.KeyRecord.read(home);
    var record = keyRecord;
    List<String> evidence = new ArrayList<>(v.evidence());
    List<String> proven = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String m : claim.contracts()) {
      var e = record.get(m);
      if (e != null && e.closed() && e.proof() != null && Files.exists(home.resolve(e.proof()))) {
        evidence.add(e.proof());
        proven.add(m);
      } else {
        missing.add(m);
      }
    }
    String note = v.note() + (proven.isEmpty() ? "" : "; KeY proves " + String.join(", ", proven))
        + (missing.isEmpty() ? "" : "; no closed KeY proof of " + String.join(", ", missing) + " (run 'mechcheck prove')");
    return new Verdict(claim, v.verdict(), v.bound(), evidence, note, v.seconds());
  }

  private Verdict judge(Claim claim) {
    if (claim.modelClaim()) return ClaimChecks.byName(claim.checkedBy()).orElseThrow().evaluate(claim, home, budgetSeconds);
    if (claim.protocolDeviations()) return org.mechcheck.sra.DeviationEvidence.evaluate(claim, home, budgetAgents, budgetSeconds);
    long start = System.nanoTime();
    Mechanism mech = Mechanisms.byName(claim.mechanism()).orElseThrow();
    List<String> refuting = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    List<String> otherUnits = new ArrayList<>();
    for (Path p : counterexamples) {
      Counterexample c = CounterexampleJson.read(p);
      if (!c.claim().equals(claim.id()) && !sameQuestion(c, claim)) continue;
      if (c.units() != claim.units()) {
        otherUnits.add(rel(p) + " (" + c.units() + " units; the claim is about " + claim.units() + ")");
        continue;
      }
      if (Replay.of(c).violates()) {
        refuting.add(rel(p));
      } else {
        stale.add(rel(p));
      }
    }
    if (!refuting.isEmpty()) {
      return new Verdict(claim, Verdict.REFUTED, null, refuting, "counterexample replayed exactly", seconds(start));
    }
    Path proof = ProofRecord.fileFor(home.resolve("proofs"), claim.id());
    if (Files.exists(proof) && ProofRecord.read(proof).units() == claim.units()) {
      ProofRecord r = ProofRecord.read(proof);
      return new Verdict(claim, Verdict.VERIFIED, r.maxAgents(), List.of(rel(proof)),
          r.networks() + " networks, " + r.queries() + " queries, Z3 " + r.z3(), seconds(start));
    }
    Checker checker = new Checker(mech, claim.benchmark());
    for (NetworkFile f : references) {
      if (f.market().units() != claim.units() || !claim.networkClass().contains(f.market()) || mech.refusal(f.market()).isPresent()) continue;
      List<Violation> found = checker.check(f.market(), EnumSet.of(claim.property()));
      if (!found.isEmpty()) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel(f.path())), "check: " + found.get(0).detail(), seconds(start));
      }
    }
    if (budgetAgents > 0) {
      Search.Result r = new Search(mech, claim.property(), claim.benchmark(), claim.networkClass(), BigFraction.of(100), 30_000, 2, claim.units())
          .run(budgetAgents, budgetSeconds, Search.SILENT);
      if (r.refuted()) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(), "searched now (not saved): " + r.violation().detail()
            + " on " + r.counterexample().agentCount() + " agents; run 'mechcheck search ... --save' to keep it", seconds(start));
      }
      if (r.bound() > 0) {
        return new Verdict(claim, Verdict.VERIFIED, r.bound(), List.of(), "searched now (not saved): " + r.networks() + " networks", seconds(start));
      }
    }
    String note = !stale.isEmpty() ? "counterexample no longer reproduces: " + String.join(", ", stale)
        : !otherUnits.isEmpty() ? "only counterexamples for another number of units: " + String.join(", ", otherUnits)
        : "no counterexample, no proof record";
    return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), note, seconds(start));
  }

  /**
   * A counterexample saved for another claim answers this one too when it is about the same
   * mechanism, property, benchmark and number of units and its network belongs to this claim's
   * class (a social tree is a social network): one file then serves both.
   */
  private static boolean sameQuestion(Counterexample c, Claim claim) {
    return c.mechanism().equals(claim.mechanism()) && c.property() == claim.property() && c.units() == claim.units()
        && (c.property() != org.mechcheck.property.Property.REV || c.benchmark() == claim.benchmark())
        && claim.networkClass().contains(c.market());
  }

  private String rel(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
  }

  static List<NetworkFile> referenceNetworks(Path home) {
    List<NetworkFile> out = new ArrayList<>();
    for (Path p : jsonFiles(home.resolve("src/test/resources/reference"))) out.add(NetworkJson.read(p.toAbsolutePath(), true));
    return out;
  }
}

package org.mechcheck.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.plugin.Origin;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Violation;
import org.mechcheck.search.Search;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.MechanismSource;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.store.Replay;

/**
 * Gives each claim a verdict from the evidence in its store, in this order: a saved
 * counterexample that still replays exactly refutes it (one saved for this claim, or for another
 * claim about the same question whose network lies in this claim's class); a proof record about
 * exactly this claim's question verifies it up to its bound; a violation the concrete checker finds
 * on a reference network refutes it; otherwise, when a budget is given, a bounded search runs now
 * (its result is reported, not saved); otherwise it is unknown. Evidence about another question
 * than the claim's (another mechanism, property, class, units or benchmark), evidence made from
 * an earlier version of a researcher's mechanism file, and an unreadable evidence file are never
 * believed: each is named in the claim's note, and an unreadable one makes the claim unknown.
 */
public final class ClaimEvaluator {
  private final EvidenceStore store;
  private final Path home;
  private final Registry registry;
  private final List<NetworkFile> references;
  private final List<EvidenceStore.EvidenceFile> counterexamples;
  private final int budgetAgents;
  private final double budgetSeconds;
  /** proofs/key/summary.json, read on the first claim that cites a kernel contract. */
  private java.util.Map<String, org.mechcheck.prove.KeyRecord.Entry> keyRecord;

  /**
   * Claims judged from the evidence in {@code store}, with the mechanisms of {@code registry};
   * {@code home} is mechcheck's checkout (its reference networks and KeY proofs).
   */
  public ClaimEvaluator(EvidenceStore store, Path home, Registry registry, int budgetAgents, double budgetSeconds) {
    this.store = store;
    this.home = home;
    this.registry = registry;
    this.references = referenceNetworks(home);
    this.counterexamples = store.files(CounterexampleJson.FORMAT);
    this.budgetAgents = budgetAgents;
    this.budgetSeconds = budgetSeconds;
  }

  /** The shipped claims' evidence, in mechcheck's checkout {@code home}. */
  public ClaimEvaluator(Path home, int budgetAgents, double budgetSeconds) {
    this(new EvidenceStore(home), home, Registry.standard(), budgetAgents, budgetSeconds);
  }

  public ClaimEvaluator(Path home) {
    this(home, 0, 0);
  }

  /** Evidence files that could not be read and name no claim (so mark none): the claims command reports them. */
  public List<String> orphanProblems() {
    return counterexamples.stream().filter(f -> !f.readable() && f.claim() == null).map(EvidenceStore.EvidenceFile::problem).toList();
  }

  public Verdict evaluate(Claim claim) {
    return citeContracts(claim, qualified(judge(claim)));
  }

  /**
   * A bounded verdict a plugin gave (001's protocol deviations) states what its proof record covers,
   * as every other does: the quantifier, the box, whether it is certified.
   */
  private Verdict qualified(Verdict v) {
    if (v.bound() == null || !v.qualifiers().isEmpty()) return v;
    for (String e : v.evidence()) {
      Path f = store.root().resolve(e);
      if (!e.endsWith(".json") || !Files.isRegularFile(f)) continue;
      try {
        ProofRecord r = ProofRecord.read(f);
        return new Verdict(v.claim(), v.verdict(), v.bound(), v.evidence(), v.note(), v.seconds(), r.qualifiers());
      } catch (InputException notARecord) {
        // not a proof record: nothing to say
      }
    }
    return v;
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
    return new Verdict(claim, v.verdict(), v.bound(), evidence, note, v.seconds(), v.qualifiers());
  }

  private Verdict judge(Claim claim) {
    long start = System.nanoTime();
    // a plugin's check that meets an evidence file it cannot read says so for this claim only
    try {
      if (claim.modelClaim()) return registry.find(ClaimCheck.class, claim.checkedBy()).orElseThrow().evaluate(claim, store.root(), budgetSeconds);
      if (claim.protocolDeviations()) return registry.find(DeviationFamilies.class, claim.mechanism()).orElseThrow().evaluate(claim, store, budgetAgents, budgetSeconds);
    } catch (InputException e) {
      return unknown(claim, List.of(), "unreadable evidence: " + e.getMessage(), start);
    }
    Mechanism mech = registry.find(Mechanism.class, claim.mechanism()).orElseThrow();
    Origin origin = registry.origin(mech);
    List<String> refuting = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (EvidenceStore.EvidenceFile f : counterexamples) {
      String rel = store.cite(f.path());
      if (!f.readable()) {
        if (claim.id().equals(f.claim())) return unknown(claim, List.of(rel), "unreadable evidence: " + f.problem(), start);
        continue;
      }
      Counterexample c;
      try {
        c = CounterexampleJson.parse(f.root(), f.path().toString(), f.path().getFileName().toString().replaceFirst("\\.json$", ""), registry);
      } catch (InputException e) {
        if (claim.id().equals(f.claim())) return unknown(claim, List.of(rel), "unreadable evidence: " + e.getMessage(), start);
        continue;
      }
      boolean mine = c.claim().equals(claim.id());
      if (!mine && !sameQuestion(c, claim)) continue;
      Optional<String> mismatch = mismatch(c, claim);
      if (mismatch.isPresent()) {
        notes.add("rejected " + rel + ": " + mismatch.get());
        continue;
      }
      if (Replay.of(c, registry).violates()) {
        refuting.add(rel);
        stale(c.source(), origin).ifPresent(s -> notes.add(rel + " " + s + ", and still replays"));
      } else {
        notes.add("counterexample no longer reproduces: " + rel);
      }
    }
    if (!refuting.isEmpty()) {
      return new Verdict(claim, Verdict.REFUTED, null, refuting, String.join("; ", with("counterexample replayed exactly", notes)), seconds(start));
    }
    Path proofFile = store.proofFile(claim.id());
    if (Files.exists(proofFile)) {
      String rel = store.cite(proofFile);
      ProofRecord r;
      try {
        r = ProofRecord.read(proofFile);
      } catch (InputException e) {
        return unknown(claim, List.of(rel), "unreadable evidence: " + e.getMessage(), start);
      }
      Optional<String> mismatch = mismatch(r, claim);
      Optional<String> stale = stale(r.source(), origin);
      if (mismatch.isPresent()) {
        notes.add("rejected " + rel + ": " + mismatch.get());
      } else if (stale.isPresent()) {
        notes.add("stale evidence: " + rel + " " + stale.get() + "; re-run: " + r.command());
      } else {
        String solvers = r.certified() ? String.join(" and ", r.solvers().stream().map(ProofRecord.SolverCount::solver).toList()) + " agree" : "Z3 " + r.z3() + " alone";
        return new Verdict(claim, Verdict.VERIFIED, r.maxAgents(), List.of(rel),
            String.join("; ", with(r.networks() + " networks, " + r.queries() + " queries, " + solvers, notes)), seconds(start), r.qualifiers());
      }
    }
    Checker checker = new Checker(mech, claim.benchmark());
    for (NetworkFile f : references) {
      if (f.market().units() != claim.units() || !claim.networkClass().contains(f.market()) || mech.refusal(f.market()).isPresent()) continue;
      List<Violation> found = checker.check(f.market(), Set.of(claim.property()));
      if (!found.isEmpty()) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(rel(f.path())), "check: " + found.get(0).detail(), seconds(start));
      }
    }
    if (budgetAgents > 0) {
      Search.Result r = new Search(mech, claim.property(), claim.benchmark(), claim.networkClass(), null, 30_000, 2, claim.units())
          .run(budgetAgents, budgetSeconds, Search.SILENT);
      if (r.refuted()) {
        return new Verdict(claim, Verdict.REFUTED, null, List.of(), "searched now (not saved): " + r.violation().detail()
            + " on " + r.counterexample().agentCount() + " agents; run 'mechcheck search ... --save' to keep it", seconds(start));
      }
      if (r.bound() > 0) {
        List<String> q = new ArrayList<>();
        if (claim.property().equals(org.mechcheck.property.Property.IC)) q.add(org.mechcheck.property.Others.ALL.label());
        q.add(ProofRecord.NOT_CERTIFIED);
        return new Verdict(claim, Verdict.VERIFIED, r.bound(), List.of(), "searched now (not saved): " + r.networks() + " networks", seconds(start), q);
      }
    }
    return unknown(claim, List.of(), notes.isEmpty() ? "no counterexample, no proof record" : String.join("; ", notes), start);
  }

  private static List<String> with(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }

  private Verdict unknown(Claim claim, List<String> evidence, String note, long start) {
    return new Verdict(claim, Verdict.UNKNOWN, null, evidence, note, seconds(start));
  }

  /**
   * A counterexample saved for another claim answers this one too when it is about the same
   * mechanism, property, benchmark and number of units and its network belongs to this claim's
   * class (a social tree is a social network): one file then serves both.
   */
  private static boolean sameQuestion(Counterexample c, Claim claim) {
    return c.mechanism().equals(claim.mechanism()) && c.property().equals(claim.property()) && c.units() == claim.units()
        && (!c.property().takesBenchmark() || c.benchmark().equals(claim.benchmark())) && claim.networkClass().contains(c.market());
  }

  /** Why a counterexample filed under this claim does not answer its question, if it does not. */
  private static Optional<String> mismatch(Counterexample c, Claim claim) {
    if (!c.mechanism().equals(claim.mechanism())) return Optional.of("it is about " + c.mechanism() + ", the claim about " + claim.mechanism());
    if (!c.property().equals(claim.property())) return Optional.of("it is about " + c.property() + ", the claim about " + claim.property());
    if (c.units() != claim.units()) return Optional.of("its market sells " + c.units() + " units, the claim is about " + claim.units());
    if (c.property().takesBenchmark() && !c.benchmark().equals(claim.benchmark())) {
      return Optional.of("its benchmark is " + c.benchmark().id() + ", the claim's " + claim.benchmark().id());
    }
    if (!claim.networkClass().contains(c.market())) return Optional.of("its network is not in the claim's class " + claim.networkClass().id());
    return Optional.empty();
  }

  /**
   * Why a proof record filed under this claim's id does not verify the claim's question, if it
   * does not: it names another claim, or another mechanism, property, class, number of units,
   * benchmark or deviation family than the claim's. Every kind of claim judges its records by this.
   */
  public static Optional<String> mismatch(ProofRecord r, Claim claim) {
    List<String> off = new ArrayList<>();
    if (!r.claim().equals(claim.id())) off.add("claim " + r.claim() + " (it is filed under " + claim.id() + ")");
    if (!r.mechanism().equals(claim.mechanism())) off.add("mechanism " + r.mechanism() + " (the claim's: " + claim.mechanism() + ")");
    if (!r.property().equalsIgnoreCase(claim.property().name())) off.add("property " + r.property() + " (the claim's: " + claim.property().name() + ")");
    if (!r.networkClass().equals(claim.networkClass().id())) off.add("class " + r.networkClass() + " (the claim's: " + claim.networkClass().id() + ")");
    if (r.units() != claim.units()) off.add(r.units() + " units (the claim's: " + claim.units() + ")");
    if (claim.property().takesBenchmark() && !r.benchmark().equals(claim.benchmark().id())) off.add("benchmark " + r.benchmark() + " (the claim's: " + claim.benchmark().id() + ")");
    if (!java.util.Objects.equals(r.deviations(), claim.deviations())) {
      off.add((r.deviations() == null ? "bids and informing sets" : "deviation family " + r.deviations()) + " (the claim's: "
          + (claim.deviations() == null ? "bids and informing sets" : "deviation family " + claim.deviations()) + ")");
    }
    return off.isEmpty() ? Optional.empty() : Optional.of("it records " + String.join(", ", off));
  }

  /** Why evidence made from {@code recorded} does not speak for the mechanism as it is now, if it does not. */
  public static Optional<String> stale(MechanismSource recorded, Origin now) {
    if (recorded == null && now.shipped()) return Optional.empty();
    if (recorded == null) return Optional.of("records no source, but " + now.describe() + " is a researcher's mechanism");
    if (now.sha256() == null) return Optional.of("was made from " + recorded.file() + " (" + recorded.shortSha() + "...), but the mechanism is now " + now.describe());
    if (!now.sha256().equals(recorded.sha256())) {
      return Optional.of("was made from " + recorded.file() + " with SHA-256 " + recorded.shortSha() + "..., which is now " + now.sha256().substring(0, 12) + "...");
    }
    return Optional.empty();
  }

  private String rel(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static List<NetworkFile> referenceNetworks(Path home) {
    List<NetworkFile> out = new ArrayList<>();
    Path dir = home.resolve("src/test/resources/reference");
    if (!Files.isDirectory(dir)) return out;
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(NetworkJson.read(p.toAbsolutePath(), true));
    } catch (java.io.IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
    return out;
  }
}

package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.claims.DeviationFamilies;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Others;
import org.mechcheck.property.Property;
import org.mechcheck.search.RandomSearch;
import org.mechcheck.search.Search;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.MechanismSource;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.PartialRecord;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.workbench.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Bounded verification over every network of a class: a proof record or a minimal counterexample.")
final class SearchCommand implements Callable<Integer> {
  /** Networks per class above which a search is refused without --force: what it would cost is printed. */
  static final long MAX_NETWORKS = 2_000_000;
  /** Worker threads at most: each holds a Z3 context. */
  static final int MAX_THREADS = 256;

  @Option(names = "--mechanism", description = "mechanism name; may be left out with one --mechanism-file") String mechanism;
  @Option(names = "--property", required = true) String property;
  @Option(names = "--class", required = true, description = "cs-tree, cs-general, social-tree, social") String networkClass;
  @Option(names = "--max-agents", required = true) int maxAgents;
  @Option(names = "--benchmark", description = "REV benchmark: vickrey (default), w-d1star, k-vickrey or sra; for EQ the reference mechanism (sra)") String benchmark;
  @Option(names = "--units", defaultValue = "1", description = "units for sale in every searched market (default 1; multi-unit mechanisms such as gidm)") int units;
  @Option(names = "--claim", description = "claim id to record (default: the registered claim matching mechanism, property, class)") String claim;
  @Option(names = "--time-limit", description = "seconds; the bound then covers the sizes finished in time") double timeLimit;
  @Option(names = "--box", description = "restrict values and costs to [0, box] (default: unbounded, every value at least 0); the record and the verdict say so") String box;
  @Option(names = "--others", defaultValue = "all", description = "IC: the others' reports searched: all (default; every subset of her neighbours each other agent informs: dominant-strategy IC) or truthful") String others;
  @Option(names = "--certify", description = "re-decide every UNSAT answer with a second solver (SMTInterpol); a disagreement leaves the network undecided, and the record lists both solvers") boolean certify;
  @Option(names = "--z3-timeout", defaultValue = "30000", description = "milliseconds per Z3 query (UNKNOWN is never verified)") int z3Timeout;
  @Option(names = "--threads", defaultValue = "2", description = "worker threads, one Z3 context each (default 2)") int threads;
  @Option(names = "--save", description = "save counterexamples and proof records (mechcheck's own evidence for its mechanisms; yours beside --claims, under --evidence or here)") boolean save;
  @Option(names = "--json", description = "counterexample objects, then a summary line") boolean json;
  @Option(names = "--random", description = "instead of the exhaustive SMT search, check this many random networks (jqwik generators) exactly; never a proof") long random;
  @Option(names = "--seed", defaultValue = "1", description = "seed of --random") long seed;
  @Option(names = "--deviations", description = "with --property IC, a family of protocol deviations the mechanism names (sra: passing, choice, computation) instead of bids and informing sets") String deviations;

  @Option(names = "--shard", paramLabel = "i/N", description = "search only the i-th of N slices of every size (balanced by expected cost) and write a partial record; mechcheck merge combines the N records") String shardSpec;
  @Option(names = "--partial-out", paramLabel = "FILE", description = "with --shard: where the partial record goes (default: <claim>.shard-<i>-of-<N>.json here), rewritten after every size") Path partialOut;

  @Mixin WorkbenchOptions workbench;
  @Mixin WorkbenchOptions.Evidence evidence;

  private Registry registry;
  private Path home;
  private List<Claim> claims;

  @Override
  public Integer call() throws Exception {
    registry = workbench.registry();
    home = Home.get();
    Mechanism mech = workbench.mechanism(mechanism, "--mechanism");
    Property prop = Inputs.property(registry, property);
    NetworkClass nc = NetworkClass.parse(networkClass).orElseThrow(() -> new InputException(
        "unknown class '" + networkClass + "' (known: cs-tree, cs-general, social-tree, social)"));
    Benchmark bench = benchmark == null ? Benchmark.VICKREY : Inputs.benchmark(registry, benchmark);
    if (maxAgents < 1) throw new InputException("--max-agents must be at least 1");
    Options.seconds("--time-limit", timeLimit, "none");
    Options.between("--threads", threads, 1, MAX_THREADS);
    Options.atLeast("--z3-timeout", z3Timeout, 1);
    Options.atLeast("--random", random, 0);
    if (maxAgents > Enumerator.MAX_AGENTS) throw new InputException("--max-agents " + maxAgents + " is beyond what the enumerator covers (" + Enumerator.MAX_AGENTS + ")");
    if (units < 1) throw new InputException("--units must be at least 1, got " + units);
    if (units > maxAgents) {
      throw new InputException("--units " + units + " is more than --max-agents " + maxAgents + ": no searched network would have that many buyers");
    }
    long total = 0;
    for (int n = 1; n <= maxAgents && random == 0; n++) {
      // each size has more than ten times the networks of the one before: stop counting early
      if (n < maxAgents || total * 10 <= MAX_NETWORKS) total += Enumerator.count(nc, n);
      else total *= 10;
      if (total > MAX_NETWORKS) {
        throw new InputException("--max-agents " + maxAgents + " on " + nc.id() + " means more than " + total + " networks (at roughly 10-100 per second, over "
            + (total / 100 / 3600) + " hours); choose a smaller bound");
      }
    }
    BigFraction boxValue = null;
    if (box != null && !box.equals(ProofRecord.UNBOUNDED)) {
      try {
        boxValue = Rationals.parse(box);
      } catch (NumberFormatException e) {
        throw new InputException("--box: " + e.getMessage());
      }
      if (boxValue.signum() <= 0) throw new InputException("--box must be positive");
    }
    Others quantifier = Others.parse(others).orElseThrow(() -> new InputException("--others: '" + others + "' is neither all nor truthful"));
    if (!mech.classes(units).contains(nc)) {
      throw new InputException(mech.name() + " is not defined on " + nc.id() + " networks" + (units == 1 ? "" : " with " + units + " units") + ": "
          + mech.refusal(Enumerator.networks(nc, 1).get(0).withUnits(units)).orElse("it does not list the class"));
    }
    Inputs.requireReference(registry, prop, bench);
    claims = ClaimRegistry.read(evidence.claimsFile(home), registry);
    DeviationFamilies families = deviations == null ? null : families(mech, prop);
    String claimId = claim != null ? claim : deviations != null ? deviationClaim(mech, nc) : registeredClaim(mech, prop, nc, bench, units);
    Claim named = claim(claimId);
    if (named != null) requireSameQuestion(named, mech, prop, nc, bench);
    EvidenceStore store = evidence.store(home, workbench.researcher());
    MechanismSource source = Workbench.source(registry, mech);
    String command = "mechcheck search --mechanism " + mech.name() + " --property " + prop.name() + " --class " + nc.id()
        + (!bench.equals(Benchmark.VICKREY) ? " --benchmark " + bench.id() : "") + (units != 1 ? " --units " + units : "")
        + (source != null ? " --mechanism-file " + source.file() : "") + (deviations != null ? " --deviations " + deviations : "")
        + (boxValue != null ? " --box " + Rationals.format(boxValue) : "")
        + (deviations == null && prop.equals(Property.IC) && quantifier == Others.TRUTHFUL ? " --others truthful" : "");
    String boxText = boxValue == null ? ProofRecord.UNBOUNDED : Rationals.format(boxValue);
    ProofRecord.Subject subject = deviations != null
        ? new ProofRecord.Subject(claimId, mech.name(), "IC", "vickrey", nc.id(), boxText, 1, deviations, families.utility(), source, command + (certify ? " --certify" : ""))
        : new ProofRecord.Subject(claimId, mech.name(), prop.name(), bench.id(), nc.id(), boxText, units, null, null, source, command + (certify ? " --certify" : ""),
            prop.equals(Property.IC) ? quantifier.label() : null);
    if (save) {
      if (source != null && store.root().equals(home)) {
        throw new InputException(mech.name() + " is your mechanism (" + registry.origin(mech).describe() + "); its evidence is not saved in mechcheck's own "
            + "counterexamples/ and proofs/: run from another folder, or give --claims or --evidence");
      }
      store.requireWritable();
      if (random == 0) store.conflict(subject).ifPresent(why -> {
        throw new InputException("--save: " + why + "; give another --claim, or move the file");
      });
    }

    int[] shard = shardSpec == null ? null : shard(shardSpec);
    if (shard == null && partialOut != null) throw new InputException("--partial-out goes with --shard");
    if (shard != null && (random > 0 || deviations != null || save)) {
      throw new InputException("--shard " + shardSpec + " writes a partial record; it goes without " + (random > 0 ? "--random" : deviations != null ? "--deviations" : "--save")
          + " (mechcheck merge --save saves the combined evidence)");
    }
    if (random > 0) return randomSearch(store, mech, prop, bench, nc, claimId, source, command + " --max-agents " + maxAgents + " --random " + random + " --seed " + seed);
    if (deviations != null) return deviationSearch(store, families, nc, boxValue, claimId, subject, command + (certify ? " --certify" : ""));

    if (shard != null) return shardSearch(subject, mech, prop, bench, nc, boxValue, quantifier, shard[0], shard[1]);
    Progress progress = new Progress();
    long started = System.nanoTime();
    Thread keep = keepOnInterrupt(progress, store, subject, started);
    Runtime.getRuntime().addShutdownHook(keep);
    Search.Result r;
    try {
      r = new Search(mech, prop, bench, nc, boxValue, z3Timeout, threads, units).others(quantifier).certify(certify).run(maxAgents, timeLimit, progress);
    } finally {
      progress.close();
      Runtime.getRuntime().removeShutdownHook(keep);
    }

    String verdict;
    if (r.refuted()) {
      verdict = "refuted";
      Claim registered = claim(claimId);
      Counterexample c = Counterexample.from(r.violation(), r.counterexample().withName(mech.name() + "-" + prop.name().toLowerCase() + "-counterexample"),
          mech.name(), bench, claimId, command + " --max-agents " + maxAgents, true).withFixedBy(registered == null ? List.of() : registered.fixedBy()).withSource(source);
      if (json) System.out.println(NetworkJson.line(CounterexampleJson.toJson(c)));
      if (save) {
        CounterexampleJson.Saved s = CounterexampleJson.save(store.counterexamples(), c, registry);
        System.err.println((s.created() ? "saved " : "already saved: ") + store.cite(s.json()) + " and " + s.svg().getFileName());
      }
      if (!json) {
        System.out.println(claimId + ": REFUTED by a network with " + r.counterexample().agentCount() + " agents (" + r.networks() + " networks searched)");
        System.out.println("  " + r.violation().detail());
        System.out.print(NetworkJson.MAPPER.writeValueAsString(NetworkJson.toJson(r.counterexample())).indent(2));
      }
    } else {
      verdict = r.bound() > 0 ? "verified" : "unknown";
      if (save && r.bound() > 0) {
        ProofRecord rec = ProofRecord.verified(subject, r.levels().subList(0, r.bound()), r.stats().paths, r.seconds(), r.stats().solverNanos / 1e9,
            certify ? org.mechcheck.smt.SecondSolver.NAME : null);
        System.err.println(store.save(rec) ? "saved " + store.cite(store.proofFile(claimId)) : "kept the existing proof record (it covers as much: " + ProofRecord.read(store.proofFile(claimId)).qualifiers() + ", n<=" + ProofRecord.read(store.proofFile(claimId)).maxAgents() + ")");
      }
      if (!json) {
        System.out.println(claimId + ": " + (r.bound() > 0 ? "verified on every network with up to " + r.bound() + " agents" : "unknown")
            + (r.timedOut() ? " (time limit reached)" : "") + "; " + r.networks() + " networks, " + r.queries() + " queries");
        System.out.println("  " + (boxValue == null ? "every value and cost at least 0 (unbounded)" : "values and costs in [0, " + boxText + "] (--box)")
            + (prop.equals(Property.IC) ? "; " + (quantifier == Others.ALL ? "DSIC: every report profile of the others" : "the others' reports truthful (--others truthful)") : "")
            + (certify ? "; " + r.stats().certified + " UNSAT answers re-decided by " + org.mechcheck.smt.SecondSolver.NAME
                + (r.stats().disagreements > 0 ? ", " + r.stats().disagreements + " DISAGREEMENTS" : "") : "; Z3 alone (--certify re-decides with a second solver)"));
        for (String u : r.unknown()) System.out.println("  unknown: " + u);
      }
    }
    double solverShare = r.seconds() > 0 ? r.stats().solverNanos / 1e9 / (r.seconds() * threads) : 0;
    ObjectNode summary = NetworkJson.MAPPER.createObjectNode();
    summary.put("claim", claimId).put("networks", r.networks()).put("queries", r.queries()).put("paths", r.stats().paths)
        .put("verdict", verdict).put("bound", r.bound()).put("seconds", Math.round(r.seconds() * 100) / 100.0)
        .put("solverShare", Math.round(solverShare * 1000) / 1000.0).put("timedOut", r.timedOut())
        .put("box", boxValue == null ? ProofRecord.UNBOUNDED : Rationals.format(boxValue));
    if (prop.equals(Property.IC)) summary.put("quantifier", quantifier.label());
    if (certify) summary.put("certified", r.stats().certified).put("disagreements", r.stats().disagreements).put("secondSolverSeconds", Math.round(r.stats().secondNanos / 1e7) / 100.0);
    BenchCommand.phases(summary, r.stats(), threads, r.levels(), r.levelStats());
    if (json) System.out.println(NetworkJson.line(summary));
    else System.out.printf("  %.2f s, %.0f networks/s, %.0f queries/s, %.0f%% of the time in Z3%n", r.seconds(),
        r.networks() / Math.max(r.seconds(), 1e-9), r.queries() / Math.max(r.seconds(), 1e-9), 100 * solverShare);
    boolean expectRefuted = claim(claimId) != null && claim(claimId).expectsRefutation();
    return r.refuted() && !expectRefuted ? Errors.VIOLATION : 0;
  }

  private int randomSearch(EvidenceStore store, Mechanism mech, Property prop, Benchmark bench, NetworkClass nc, String claimId, MechanismSource source,
      String command) throws Exception {
    RandomSearch.Result r = new RandomSearch(mech, prop, bench, nc).run(random, seed);
    ObjectNode summary = NetworkJson.MAPPER.createObjectNode();
    summary.put("claim", claimId).put("drawn", r.drawn()).put("networks", r.checked()).put("seconds", Math.round(r.seconds() * 100) / 100.0);
    if (r.counterexample() == null) {
      summary.put("verdict", "unknown");
      if (json) System.out.println(NetworkJson.line(summary));
      else System.out.printf("%s: no violation in %d random networks of the class (%d drawn); not a proof%n  %.2f s%n", claimId, r.checked(), r.drawn(), r.seconds());
      return 0;
    }
    summary.put("verdict", "refuted");
    Claim registered = claim(claimId);
    Counterexample c = Counterexample.from(r.violation(), r.counterexample().withName(mech.name() + "-" + prop.name().toLowerCase() + "-counterexample"),
        mech.name(), bench, claimId, command, true).withFixedBy(registered == null ? List.of() : registered.fixedBy()).withSource(source);
    if (json) {
      System.out.println(NetworkJson.line(CounterexampleJson.toJson(c)));
      System.out.println(NetworkJson.line(summary));
    } else {
      System.out.println(claimId + ": REFUTED by random network #" + r.drawn() + ", shrunk to " + r.counterexample().agentCount() + " agents");
      System.out.println("  " + r.violation().detail());
    }
    if (save) {
      CounterexampleJson.Saved saved = CounterexampleJson.save(store.counterexamples(), c, registry);
      System.err.println((saved.created() ? "saved " : "already saved: ") + store.cite(saved.json()));
    }
    boolean expectRefuted = registered != null && registered.expectsRefutation();
    return expectRefuted ? 0 : Errors.VIOLATION;
  }

  /** The registered search of the mechanism's deviation families, for --deviations. */
  private DeviationFamilies families(Mechanism mech, Property prop) {
    if (!prop.equals(Property.IC)) throw new InputException("--deviations goes with --property IC");
    if (!mech.deviationFamilies().contains(deviations)) {
      throw new InputException("--deviations: " + (mech.deviationFamilies().isEmpty() ? mech.name() + " has no families of protocol deviations"
          : "unknown family '" + deviations + "' (known for " + mech.name() + ": " + String.join(", ", mech.deviationFamilies()) + ")"));
    }
    return registry.find(DeviationFamilies.class, mech.name())
        .orElseThrow(() -> new InputException("--deviations: no registered search of " + mech.name() + "'s deviation families"));
  }

  /** The registered claim about this family of deviations on this class, or a made-up id. */
  private String deviationClaim(Mechanism mech, NetworkClass nc) {
    for (Claim c : claims) {
      if (deviations.equals(c.deviations()) && c.mechanism().equals(mech.name()) && c.networkClass() == nc) return c.id();
    }
    return mech.name() + "/ic-" + deviations + "/" + nc.id();
  }

  /**
   * Refuses, before searching, a search whose evidence would be filed under a registered claim
   * about another question: another mechanism, property, class, benchmark, number of units or
   * family of deviations, or a claim that another check decides.
   */
  private void requireSameQuestion(Claim c, Mechanism mech, Property prop, NetworkClass nc, Benchmark bench) {
    String about = "--claim " + c.id() + " is about ";
    if (c.modelClaim()) throw new InputException(about + "what the '" + c.checkedBy() + "' check decides, not a search of networks");
    List<String> off = new java.util.ArrayList<>();
    if (!c.mechanism().equals(mech.name())) off.add("mechanism " + c.mechanism() + " (this search: " + mech.name() + ")");
    if (!c.property().equals(prop)) off.add("property " + c.property().name() + " (this search: " + prop.name() + ")");
    if (c.networkClass() != nc) off.add("class " + c.networkClass().id() + " (this search: " + nc.id() + ")");
    if (c.units() != units) off.add(c.units() + " unit" + (c.units() == 1 ? "" : "s") + " (this search: --units " + units + ")");
    if (prop.takesBenchmark() && !c.benchmark().equals(bench)) off.add("benchmark " + c.benchmark().id() + " (this search: " + bench.id() + ")");
    if (!java.util.Objects.equals(c.deviations(), deviations)) {
      off.add((c.deviations() == null ? "bids and informing sets" : "deviations " + c.deviations()) + " (this search: "
          + (deviations == null ? "bids and informing sets" : "--deviations " + deviations) + ")");
    }
    if (!off.isEmpty()) throw new InputException(about + String.join(", ", off) + "; its evidence cannot come from this search");
  }

  /** IC against a family of protocol deviations the mechanism names (its registered {@link DeviationFamilies}). */
  private Integer deviationSearch(EvidenceStore store, DeviationFamilies families, NetworkClass nc, BigFraction boxValue, String claimId,
      ProofRecord.Subject subject, String command) {
    long started = System.nanoTime();
    Progress progress = new Progress();
    Thread keep = keepOnInterrupt(progress, store, subject, started);
    Runtime.getRuntime().addShutdownHook(keep);
    DeviationFamilies.Result r;
    try {
      r = families.search(deviations, nc, maxAgents, boxValue, z3Timeout, timeLimit, threads, certify, progress);
    } finally {
      progress.close();
      Runtime.getRuntime().removeShutdownHook(keep);
    }
    ObjectNode summary = NetworkJson.MAPPER.createObjectNode();
    summary.put("claim", claimId).put("deviations", deviations).put("networks", r.networks()).put("queries", r.queries());
    String foundBy = command + " --max-agents " + maxAgents;
    Claim registered = claim(claimId);
    if (r.finding() != null) {
      DeviationFamilies.Finding f = r.finding().shrink();
      if (json) System.out.println(NetworkJson.line(f.json(claimId, foundBy)));
      else {
        System.out.println(claimId + ": REFUTED by a network with " + f.witness().agentCount() + " agents (" + r.networks() + " networks searched)");
        System.out.println("  " + f.describe());
        System.out.println("  " + NetworkJson.line(NetworkJson.toJson(f.witness())));
      }
      if (save) {
        Path saved = f.save(store, claimId, foundBy);
        System.err.println("saved " + store.cite(saved) + " and " + EvidenceStore.picture(saved).getFileName());
      }
      summary.put("verdict", "refuted").put("bound", r.bound());
    } else {
      summary.put("verdict", r.bound() > 0 ? "verified" : "unknown").put("bound", r.bound());
      if (!json) {
        System.out.println(claimId + ": " + (r.bound() > 0 ? "VERIFIED up to " + r.bound() + " agents" : "UNKNOWN") + (r.timedOut() ? " (time limit reached)" : "")
            + " (" + r.networks() + " networks, " + r.queries() + " queries, " + String.format("%.1f", r.seconds()) + " s)"
            + (certify ? "; " + r.stats().certified + " UNSAT answers re-decided by " + org.mechcheck.smt.SecondSolver.NAME
                + (r.stats().disagreements > 0 ? ", " + r.stats().disagreements + " DISAGREEMENTS" : "") : "")
            + (r.unknown().isEmpty() ? "" : "; unknown: " + r.unknown()));
      }
      if (save && r.bound() > 0) {
        ProofRecord rec = ProofRecord.verified(subject, r.levels().subList(0, r.bound()), r.stats().paths, (System.nanoTime() - started) / 1e9, r.stats().solverNanos / 1e9,
            certify ? org.mechcheck.smt.SecondSolver.NAME : null);
        System.err.println(store.save(rec) ? "saved " + store.cite(store.proofFile(claimId)) : "kept the existing proof record (it covers as much)");
      }
    }
    summary.put("seconds", Math.round(r.seconds() * 100) / 100.0).put("timedOut", r.timedOut());
    if (certify) summary.put("certified", r.stats().certified).put("disagreements", r.stats().disagreements).put("secondSolverSeconds", Math.round(r.stats().secondNanos / 1e7) / 100.0);
    if (json) System.out.println(NetworkJson.line(summary));
    if (r.finding() == null) return 0;
    return registered != null && registered.expectsRefutation() ? 0 : Errors.VIOLATION;
  }

  /** An interrupt (Ctrl-C) keeps what was found: the sizes already verified become a proof record (with --save). */
  private Thread keepOnInterrupt(Progress progress, EvidenceStore store, ProofRecord.Subject subject, long started) {
    return new Thread(() -> {
      progress.close();
      if (!save || progress.verified.isEmpty()) {
        System.err.println("interrupted; nothing to keep");
        return;
      }
      ProofRecord rec = ProofRecord.verified(subject, List.copyOf(progress.verified), 0, (System.nanoTime() - started) / 1e9, 0,
          certify ? org.mechcheck.smt.SecondSolver.NAME : null);
      System.err.println(store.save(rec) ? "interrupted; kept a proof record up to " + rec.maxAgents() + " agents" : "interrupted; the existing proof record covers as much");
    });
  }

  /** i/N as {i, N}, 1 <= i <= N. */
  private static int[] shard(String spec) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)/(\\d+)").matcher(spec.trim());
    if (!m.matches()) throw new InputException("--shard: expected i/N (shard i of N, 1 <= i <= N), got '" + spec + "'");
    int i, n;
    try {
      i = Integer.parseInt(m.group(1));
      n = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      throw new InputException("--shard: '" + spec + "' is too large");
    }
    if (n < 1 || i < 1 || i > n) throw new InputException("--shard: expected i/N with 1 <= i <= N, got '" + spec + "'");
    return new int[] {i, n};
  }

  /** One shard of the search: its slice of every size, the partial record rewritten after every size. */
  private Integer shardSearch(ProofRecord.Subject subject, Mechanism mech, Property prop, Benchmark bench, NetworkClass nc, BigFraction boxValue, Others quantifier,
      int i, int n) {
    Path out = partialOut != null ? partialOut : Path.of(PartialRecord.fileName(subject.claim(), i, n));
    PartialRecord.Version version = PartialRecord.Version.current(home);
    Progress progress = new Progress();
    List<Search.LevelReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    java.util.function.BiFunction<Boolean, org.mechcheck.smt.Stats, PartialRecord> record = (timedOut, stats) -> {
      List<PartialRecord.Level> ls = new java.util.ArrayList<>();
      PartialRecord.Violation v = null;
      List<String> unknown = new java.util.ArrayList<>();
      for (Search.LevelReport r : reports) {
        ls.add(new PartialRecord.Level(r.agents(), r.networks(), r.queries(), r.seconds(), r.stats().paths, r.complete(), r.undecided()));
        if (r.firstViolation() >= 0) v = new PartialRecord.Violation(r.agents(), r.firstViolation(), r.witness());
        unknown.addAll(r.unknown());
      }
      long paths = reports.stream().mapToLong(r -> r.stats().paths).sum();
      double solver = reports.stream().mapToDouble(r -> r.stats().solverNanos / 1e9).sum();
      return new PartialRecord(subject, maxAgents, i, n, version, z3Timeout, ls, v, unknown, timedOut, (System.nanoTime() - started) / 1e9, solver, paths,
          java.time.Instant.now().toString(), certify ? org.mechcheck.smt.SecondSolver.NAME : null);
    };
    Search.Listener listener = new Search.Listener() {
      @Override
      public void level(int agents, long networks) {
        progress.level(agents, networks);
      }

      @Override
      public void network(long done) {
        progress.network(done);
      }

      @Override
      public void remaining(double seconds) {
        progress.remaining(seconds);
      }

      @Override
      public void finished(Search.LevelReport report) {
        reports.add(report);
        record.apply(false, null).write(out); // a shard stopped later keeps every size it finished
      }
    };
    Search.Result r;
    try {
      r = new Search(mech, prop, bench, nc, boxValue, z3Timeout, threads, units).others(quantifier).certify(certify).shard(i - 1, n).run(maxAgents, timeLimit, listener);
    } finally {
      progress.close();
    }
    PartialRecord rec = record.apply(r.timedOut(), r.stats());
    rec.write(out);
    String found = rec.violation() == null ? "no violation" : "a violation with " + rec.violation().agents() + " agents (" + rec.violation().witness().name() + ")";
    System.out.println(subject.claim() + ": shard " + i + "/" + n + ": " + rec.levels().size() + " size" + (rec.levels().size() == 1 ? "" : "s") + " searched, "
        + r.networks() + " networks, " + r.queries() + " queries, " + found + (r.timedOut() ? " (time limit reached)" : "") + "; wrote " + out);
    return 0;
  }

  private String registeredClaim(Mechanism m, Property p, NetworkClass nc, Benchmark b, int units) {
    for (Claim c : claims) {
      if (!c.protocolDeviations() && !c.modelClaim() && c.mechanism().equals(m.name()) && c.property().equals(p) && c.networkClass() == nc
          && c.benchmark().equals(b) && c.units() == units) return c.id();
    }
    return m.name() + "/" + p.name().toLowerCase() + "/" + nc.id() + (p.takesBenchmark() ? "-" + b.id() : "") + (units != 1 ? "-k" + units : "");
  }

  private Claim claim(String id) {
    for (Claim c : claims) if (c.id().equals(id)) return c;
    return null;
  }

  /**
   * A progress bar on stderr (networks done, networks/s, and the time the size still needs, from
   * the search's cost model fitted as the size runs: the denser networks come last) when there is a
   * terminal; otherwise one line per size, and a line a minute with the same estimate.
   */
  private static final class Progress implements Search.Listener, AutoCloseable {
    private ProgressBar bar;
    final List<ProofRecord.Level> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile double remaining = Double.NaN;
    private volatile long total, done, lastLine;
    private volatile int agents;

    @Override
    public void verified(ProofRecord.Level level) {
      verified.add(level);
    }

    private final boolean terminal = System.console() != null;

    @Override
    public void level(int agents, long networks) {
      close();
      this.agents = agents;
      total = networks;
      done = 0;
      remaining = Double.NaN;
      lastLine = System.nanoTime();
      if (terminal) {
        bar = new ProgressBarBuilder().setTaskName(agents + " agents").setInitialMax(networks).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" networks", 1).showSpeed().setEtaFunction(state -> Double.isNaN(remaining) ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.Duration.ofSeconds(Math.round(remaining))))
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
      } else {
        System.err.println("searching " + networks + " networks with " + agents + " agents");
      }
    }

    @Override
    public void network(long done) {
      this.done = done;
      if (bar != null) bar.stepTo(done);
    }

    @Override
    public void remaining(double seconds) {
      remaining = seconds;
      long now = System.nanoTime();
      if (bar == null && now - lastLine > 60_000_000_000L) {
        lastLine = now;
        System.err.println("  " + agents + " agents: " + done + " of " + total + " networks, about " + duration(seconds) + " to go");
      }
    }

    static String duration(double seconds) {
      long s = Math.round(seconds);
      return s < 120 ? s + " s" : s < 7200 ? (s + 30) / 60 + " min" : String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
    }

    @Override
    public synchronized void close() {
      if (bar != null) bar.close();
      bar = null;
    }
  }
}

package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.search.Merge;
import org.mechcheck.search.Shrinker;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.MechanismSource;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.PartialRecord;
import org.mechcheck.property.Others;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.workbench.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Puts the partial records of a sharded search ({@code search --shard i/N}) together: the proof
 * record the unsharded search would have written, or its counterexample (the first violating
 * network of the smallest size, shrunk and confirmed as {@code search} does). Refuses parts that
 * overlap, are missing, or come from different searches or versions ({@link Merge}).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combine the partial records of a sharded search (search --shard i/N) into one proof record or counterexample.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PART", description = "partial records (mechcheck-partial/1), or folders holding them") List<Path> parts;
  @Option(names = "--save", description = "save the proof record or counterexample, as search --save does") boolean save;
  @Option(names = "--out", paramLabel = "FILE", description = "also write the merged proof record to FILE") Path out;
  @Option(names = "--json", description = "the counterexample object, then a summary line") boolean json;

  @Mixin WorkbenchOptions workbench;
  @Mixin WorkbenchOptions.Evidence evidence;

  @Override
  public Integer call() throws Exception {
    List<String> names = new ArrayList<>();
    List<PartialRecord> records = new ArrayList<>();
    for (Path p : parts) {
      if (Files.isDirectory(p)) {
        for (EvidenceStore.EvidenceFile f : EvidenceStore.files(p)) {
          if (f.readable() && PartialRecord.FORMAT.equals(f.format())) {
            names.add(f.path().toString());
            records.add(PartialRecord.read(f.path()));
          }
        }
      } else if (Files.isRegularFile(p)) {
        names.add(p.toString());
        records.add(PartialRecord.read(p));
      } else {
        throw new InputException(p + ": no such file or folder");
      }
    }
    if (records.isEmpty()) throw new InputException(parts + ": no partial records (mechcheck-partial/1) there");
    Merge.Result m = Merge.merge(names, records);
    ProofRecord.Subject s = m.subject();
    Registry registry = workbench.registry();
    Path home = Home.get();
    Mechanism mech = workbench.mechanism(s.mechanism(), "--mechanism-file");
    MechanismSource source = Workbench.source(registry, mech);
    if (!java.util.Objects.equals(source, s.source())) {
      throw new InputException(names.get(0) + ": mechanismSource: the parts were made with " + (s.source() == null ? "the shipped " + s.mechanism() : s.source().file()
          + " (" + s.source().shortSha() + ")") + ", not " + (source == null ? "the shipped " + mech.name() : source.file() + " (" + source.shortSha() + ")"));
    }
    Property prop = Inputs.property(registry, s.property());
    Benchmark bench = Inputs.benchmark(registry, s.benchmark());
    NetworkClass nc = NetworkClass.parse(s.networkClass()).orElseThrow();
    List<Claim> claims = ClaimRegistry.read(evidence.claimsFile(home), registry);
    Claim registered = claims.stream().filter(c -> c.id().equals(s.claim())).findFirst().orElse(null);
    EvidenceStore store = evidence.store(home, workbench.researcher());
    if (save) {
      if (source != null && store.root().equals(home)) {
        throw new InputException(mech.name() + " is your mechanism; its evidence is not saved in mechcheck's own counterexamples/ and proofs/: give --claims or --evidence");
      }
      store.requireWritable();
    }
    for (String note : m.notes()) System.err.println("note: " + note);
    String how = " (merged from " + m.shards() + " shards)";
    String verdict;
    if (m.refuted()) {
      verdict = "refuted";
      Shrinker shrinker = new Shrinker(mech, prop, bench, nc, prop.equals(org.mechcheck.property.Property.IC) ? Others.stated(s.quantifier()) : Others.ALL);
      Market small = shrinker.shrink(m.witness());
      Violation v = shrinker.violation(small);
      Counterexample c = Counterexample.from(v, small.withName(mech.name() + "-" + prop.name().toLowerCase() + "-counterexample"), mech.name(), bench, s.claim(),
          s.command() + " --max-agents " + m.maxAgents(), true).withFixedBy(registered == null ? List.of() : registered.fixedBy()).withSource(source);
      if (json) System.out.println(NetworkJson.line(CounterexampleJson.toJson(c)));
      if (save) {
        CounterexampleJson.Saved saved = CounterexampleJson.save(store.counterexamples(), c, registry);
        System.err.println((saved.created() ? "saved " : "already saved: ") + store.cite(saved.json()) + " and " + saved.svg().getFileName());
      }
      if (!json) {
        System.out.println(s.claim() + ": REFUTED by a network with " + small.agentCount() + " agents" + how + "; first violating network " + m.witness().name()
            + " (shard " + m.violationShard() + ")");
        System.out.println("  " + v.detail());
        System.out.print(NetworkJson.MAPPER.writeValueAsString(NetworkJson.toJson(small)).indent(2));
      }
    } else {
      verdict = m.bound() > 0 ? "verified" : "unknown";
      if (m.bound() > 0) {
        ProofRecord rec = ProofRecord.verified(s, m.levels().subList(0, m.bound()), m.paths(), m.seconds(), m.solverSeconds(), m.secondSolver());
        if (save) System.err.println(store.save(rec) ? "saved " + store.cite(store.proofFile(s.claim())) : "kept the existing proof record (it covers as much)");
        if (out != null) org.mechcheck.store.AtomicFiles.replace(out, rec.text());
      }
      if (!json) {
        long nets = m.levels().stream().limit(m.bound()).mapToLong(ProofRecord.Level::networks).sum();
        long qs = m.levels().stream().limit(m.bound()).mapToLong(ProofRecord.Level::queries).sum();
        System.out.println(s.claim() + ": " + (m.bound() > 0 ? "verified on every network with up to " + m.bound() + " agents" : "unknown") + how
            + (m.timedOut() ? " (a shard reached its time limit)" : "") + "; " + nets + " networks, " + qs + " queries");
        for (String u : m.unknown()) System.out.println("  unknown: " + u);
      }
    }
    ObjectNode summary = NetworkJson.MAPPER.createObjectNode();
    summary.put("claim", s.claim()).put("verdict", verdict).put("bound", m.bound()).put("shards", m.shards()).put("paths", m.paths())
        .put("seconds", Math.round(m.seconds() * 100) / 100.0);
    summary.set("levels", NetworkJson.MAPPER.valueToTree(m.levels()));
    if (json) System.out.println(NetworkJson.line(summary));
    boolean expectRefuted = registered != null && registered.expectsRefutation();
    return m.refuted() && !expectRefuted ? Errors.VIOLATION : 0;
  }
}

package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimEvaluator;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.claims.Verdict;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.AtomicFiles;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "claims", mixinStandardHelpOptions = true, description = "Every registered claim with its verdict and evidence (the main job); with --claims, yours.")
final class ClaimsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "{\"claims\": [...]}")
  boolean json;

  @Option(names = "--markdown", description = "also write the table as markdown to this file (a new file, or one an earlier 'claims --markdown' wrote)")
  Path markdown;

  @Option(names = "--force", description = "with --markdown, overwrite the file even if mechcheck did not write it")
  boolean force;

  /** The first line of every markdown file this command writes: what it may overwrite without --force. */
  static final String MARK = "<!-- written by 'mechcheck claims --markdown'; it overwrites this file -->";

  @Option(names = "--max-agents", description = "search claims that have no evidence yet, up to this many agents (not saved)")
  int maxAgents;

  @Option(names = "--budget", defaultValue = "60", description = "seconds per claim for --max-agents (default 60)")
  double budget;

  @Mixin
  WorkbenchOptions workbench;

  @Mixin
  WorkbenchOptions.Evidence evidence;

  @Override
  public Integer call() throws Exception {
    Path home = Home.get();
    if (markdown != null) requireOurs(markdown);
    if (force && markdown == null) throw new InputException("--force goes with --markdown");
    Options.between("--max-agents", maxAgents, 0, org.mechcheck.network.Enumerator.MAX_AGENTS);
    Options.seconds("--budget", budget, null);
    Registry registry = workbench.registry();
    List<Claim> claims = ClaimRegistry.read(evidence.claimsFile(home), registry);
    EvidenceStore store = evidence.store(home, workbench.researcher());
    ClaimEvaluator evaluator = new ClaimEvaluator(store, home, registry, maxAgents, budget);
    List<Verdict> verdicts = new ArrayList<>();
    for (Claim c : claims) {
      if (!json && System.console() != null) System.err.print("\r" + c.id() + "                         ");
      verdicts.add(evaluator.evaluate(c));
    }
    if (!json && System.console() != null) System.err.print("\r" + " ".repeat(60) + "\r");
    long unreadable = verdicts.stream().filter(v -> v.note().startsWith("unreadable evidence")).count();
    List<String> orphans = evaluator.orphanProblems();
    if (json) {
      ObjectNode root = NetworkJson.MAPPER.createObjectNode();
      ArrayNode list = root.putArray("claims");
      for (Verdict v : verdicts) {
        Claim c = v.claim();
        ObjectNode o = list.addObject();
        o.put("id", c.id()).put("mechanism", c.mechanism()).put("property", c.propertyText()).put("domain", c.domain());
        if (c.networkClass() != null) o.put("class", c.networkClass().id());
        o.put("source", c.source()).put("statement", c.statement()).put("expected", c.expected());
        if (c.units() != 1) o.put("units", c.units());
        o.put("verdict", v.verdict());
        if (v.bound() != null) o.put("bound", v.bound());
        if (!v.qualifiers().isEmpty()) v.qualifiers().forEach(o.putArray("qualifiers")::add);
        ArrayNode ev = o.putArray("evidence");
        v.evidence().forEach(ev::add);
        o.put("note", v.note());
        o.put("seconds", Math.round(v.seconds() * 1000) / 1000.0);
      }
      if (!orphans.isEmpty()) orphans.forEach(root.putArray("unreadable")::add);
      System.out.println(NetworkJson.line(root));
    } else {
      Table t = table(verdicts);
      System.out.print(t);
      long agree = verdicts.stream().filter(Verdict::agreesWithSource).count();
      long unknown = verdicts.stream().filter(v -> v.verdict().equals(Verdict.UNKNOWN)).count();
      System.out.printf("%d claims: %d as the source says, %d contrary to it, %d unknown%n",
          verdicts.size(), agree, verdicts.size() - agree - unknown, unknown);
      for (String o : orphans) System.err.println("mechcheck: unreadable evidence (no claim named in it): " + o);
    }
    if (markdown != null) {
      try {
        AtomicFiles.replace(markdown, MARK + "\n\n" + table(verdicts).markdown());
      } catch (java.io.UncheckedIOException e) {
        throw new InputException("--markdown " + e.getMessage());
      }
    }
    return unreadable > 0 || !orphans.isEmpty() ? Errors.BAD_INPUT : 0;
  }

  /** Refuses, before any work, to overwrite a file this command did not write (unless --force), or a folder. */
  private void requireOurs(Path file) throws java.io.IOException {
    if (Files.isDirectory(file)) throw new InputException("--markdown " + file + ": is a folder");
    if (!Files.exists(file) || force) return;
    String first;
    try (var lines = Files.lines(file)) {
      first = lines.findFirst().orElse("");
    } catch (java.io.UncheckedIOException | java.io.IOException e) {
      first = "";
    }
    if (!first.equals(MARK)) {
      throw new InputException("--markdown " + file + ": exists and was not written by 'mechcheck claims --markdown'; not overwriting it (give --force to)");
    }
  }

  private static Table table(List<Verdict> verdicts) {
    Table t = new Table("claim", "source", "says", "verdict", "evidence", "seconds");
    for (Verdict v : verdicts) {
      String verdict = v.label();
      String evidence = v.evidence().isEmpty() ? v.note() : String.join(", ", v.evidence());
      if (v.note().startsWith("unreadable evidence")) evidence = v.note();
      t.row(v.claim().id(), v.claim().source(), v.claim().expected(), verdict, evidence, String.format("%.2f", v.seconds()));
    }
    return t;
  }
}

package org.mechcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Replay;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-runs saved counterexamples exactly; exit 1 if one no longer shows its violation "
    + "(or shows it on a mechanism listed in its fixedBy).")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "counterexample files, or folders of them (their *.json files in name order), or one bundle FILE.zip")
  List<Path> files;

  @Option(names = "--json", description = "one JSON object per file, one per line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (files.size() == 1 && files.get(0).getFileName().toString().endsWith(".zip")) { // a bundle (mechcheck bundle)
      org.mechcheck.bundle.BundleReplay.Result b = org.mechcheck.bundle.BundleReplay.run(files.get(0));
      b.lines().forEach(System.out::println);
      System.err.println("mechcheck replay: " + files.get(0) + (b.ok() ? ": every check passed" : ": some checks FAILED"));
      return b.ok() ? 0 : Errors.VIOLATION;
    }
    List<Path> paths = expand(files);
    List<Counterexample> cexs = new ArrayList<>();
    for (Path p : paths) cexs.add(CounterexampleJson.read(p)); // every file valid before anything runs
    int failed = 0;
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < paths.size(); k++) {
      Counterexample c = cexs.get(k);
      Replay.Result r = Replay.of(c);
      List<Replay.Result> fixes = Replay.fixes(c);
      boolean fixOk = fixes.stream().noneMatch(Replay.Result::violates);
      if (!r.violates() || !fixOk) failed++;
      out.append(json ? NetworkJson.line(toJson(paths.get(k), r, fixes)) : line(paths.get(k), r, fixes)).append('\n');
    }
    System.out.print(out);
    System.err.println("mechcheck replay: " + paths.size() + " counterexample" + (paths.size() == 1 ? "" : "s") + ", "
        + (paths.size() - failed) + " as recorded, " + failed + " not");
    return failed == 0 ? 0 : Errors.VIOLATION;
  }

  private static String line(Path file, Replay.Result r, List<Replay.Result> fixes) {
    Counterexample c = r.counterexample();
    StringBuilder sb = new StringBuilder();
    sb.append(file).append("  ").append(c.mechanism()).append(' ').append(c.property().name());
    if (c.agent() >= 0) sb.append(" agent ").append(c.agentId());
    sb.append("  ").append(numbers(c, r)).append("  ").append(r.violates() ? "still violates" : "NO LONGER REPRODUCES");
    if (!r.matchesRecord()) {
      sb.append("  (recorded: ").append(Rationals.format(c.truthful())).append(" vs ").append(Rationals.format(c.deviating())).append(')');
    }
    for (Replay.Result f : fixes) {
      sb.append("  ").append(f.mechanism()).append(f.violates() ? ": ALSO VIOLATES (listed in fixedBy)" : ": fixed");
    }
    return sb.toString();
  }

  private static String numbers(Counterexample c, Replay.Result r) {
    String t = Rationals.format(r.truthful()), d = Rationals.format(r.deviating());
    return switch (c.property()) {
      case IC, IR -> "truthful " + t + " vs deviating " + d;
      case BB -> "revenue " + t + " vs 0";
      case EFF -> "welfare " + t + " vs optimal " + d;
      case REV -> "revenue " + t + " vs " + c.benchmark().id() + " benchmark " + d;
      case NW -> t + " of " + d + " units allocated";
      case EQ, LEMMA1 -> r.detail();
    };
  }

  private static ObjectNode toJson(Path file, Replay.Result r, List<Replay.Result> fixes) {
    Counterexample c = r.counterexample();
    boolean agentLevel = c.agent() >= 0; // utilities when an agent is named, as in the counterexample file
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("file", file.toString());
    o.put("mechanism", c.mechanism());
    o.put("property", c.property().name());
    o.put("claim", c.claim());
    if (c.agent() >= 0) o.put("agent", c.agentId());
    o.putObject("truthful").put(agentLevel ? "utility" : "value", Rationals.format(r.truthful()));
    o.putObject("deviating").put(agentLevel ? "utility" : "benchmark", Rationals.format(r.deviating()));
    o.put("violates", r.violates());
    o.put("matchesRecord", r.matchesRecord());
    if (!r.matchesRecord()) {
      ObjectNode rec = o.putObject("recorded");
      rec.putObject("truthful").put(agentLevel ? "utility" : "value", Rationals.format(c.truthful()));
      rec.putObject("deviating").put(agentLevel ? "utility" : "benchmark", Rationals.format(c.deviating()));
    }
    if (!fixes.isEmpty()) {
      ArrayNode a = o.putArray("fixedBy");
      for (Replay.Result f : fixes) a.addObject().put("mechanism", f.mechanism()).put("violates", f.violates());
    }
    o.put("detail", r.detail());
    return o;
  }

  static List<Path> expand(List<Path> given) {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          out.addAll(s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
          throw new InputException(p + ": cannot list folder (" + e.getMessage() + ")");
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}

package org.mechcheck.datatrade;

import org.mechcheck.cli.Home;
import org.mechcheck.cli.Errors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Searches for the smallest counterexamples to 004's Theorems 4.3, 4.4 and the welfare remark; with --save writes them and the search records. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Smallest counterexamples to 004's Theorems 4.3 and 4.4 and the welfare remark over homogeneous positive jump chains, exact arithmetic; "
    + "with --save: counterexamples/datatrade/ and proofs/datatrade/search/.")
final class DatatradeSearch implements Callable<Integer> {
  @Option(names = "--claim", defaultValue = "all", description = "trade-expansion, local-comparison, welfare, or all (default ${DEFAULT-VALUE})")
  String claim;

  @Option(names = "--reading", defaultValue = "both", description = "literal (the theorem as stated), own-share (every t_{i+1,i} > 0) or both (default ${DEFAULT-VALUE})")
  String reading;

  @Option(names = "--tie-break", defaultValue = "both", description = "low, high or both (default ${DEFAULT-VALUE})")
  String tieBreak;

  @Option(names = "--max-n", defaultValue = "3", description = "largest chain length searched (default ${DEFAULT-VALUE})")
  int maxN;

  @Option(names = "--budget", defaultValue = "600", description = "seconds per search before it stops incomplete (default ${DEFAULT-VALUE})")
  double budget;

  @Option(names = "--save", description = "write the counterexamples found and the search records")
  boolean save;

  @Override
  public Integer call() throws Exception {
    if (maxN < 1) throw new InputException("--max-n: must be at least 1");
    org.mechcheck.cli.Options.seconds("--budget", budget, null);
    List<String> claims = switch (claim) {
      case "all" -> CounterexampleSearch.CLAIMS;
      case "trade-expansion" -> List.of(CounterexampleSearch.EXPANSION);
      case "local-comparison" -> List.of(CounterexampleSearch.LOCAL);
      case "welfare" -> List.of(CounterexampleSearch.WELFARE);
      default -> throw new InputException("--claim: '" + claim + "' (known: trade-expansion, local-comparison, welfare, all)");
    };
    List<Boolean> readings = switch (reading) {
      case "both" -> List.of(false, true);
      case "literal" -> List.of(false);
      case "own-share" -> List.of(true);
      default -> throw new InputException("--reading: '" + reading + "' (known: literal, own-share, both)");
    };
    List<TieBreak> tbs = tieBreak.equals("both") ? List.of(TieBreak.values()) : List.of(TieBreak.parse(tieBreak));
    CounterexampleSearch.Space space = CounterexampleSearch.Space.standard(maxN);
    Path home = Home.get();
    if (save) new EvidenceStore(home).requireWritable(); // before the search, not after it
    boolean found = false;
    for (String c : claims) {
      for (boolean own : readings) {
        for (TieBreak tb : tbs) {
          String id = CounterexampleSearch.id(c, own);
          String command = "mechcheck datatrade search --claim " + c.split("/")[1] + " --reading " + (own ? "own-share" : "literal") + " --tie-break " + tb.label() + " --max-n " + maxN + " --save";
          CounterexampleSearch.Result r = CounterexampleSearch.run(c, own, tb, space, budget);
          List<String> lines = new ArrayList<>();
          Path file = null;
          if (r.finding() != null) {
            found = true;
            CounterexampleSearch.Finding f = r.finding();
            lines.add("counterexample (n = " + f.instance().chain().n() + ", L = " + f.instance().chain().size() + "): " + f.instance().chain().describe());
            if (f.instance().t2() == null) lines.add("t: " + f.instance().t().toString().strip().replace("\n", ";"));
            else lines.add("player " + f.instance().player() + "; t1: " + f.instance().t().toString().strip().replace("\n", ";") + "; t2: " + f.instance().t2().toString().strip().replace("\n", ";"));
            lines.add(f.violation().describe());
            if (save) {
              file = CounterexampleFiles.save(home, f, space, command);
              lines.add("saved " + home.relativize(file.toAbsolutePath().normalize()));
            }
          }
          System.out.printf("%s, tie-break %s: %s (%d instances, n <= %d%s, %.1f s)%n", id, tb.label(), r.finding() != null ? "COUNTEREXAMPLE" : r.complete() ? "none in the space" : "none before the budget ran out",
              r.instances(), r.largestN(), r.gridOnly() > 0 ? ", " + r.gridOnly() + " violations of the paper's algorithm that depend on where the grid ends, not counted" : "", r.seconds());
          for (String l : lines) System.out.println("  " + l);
          if (save) DatatradeCheck.writeSearch(home, id, tb, space, r, file, command);
        }
      }
    }
    System.out.println("space: " + space.describe());
    return found ? Errors.VIOLATION : 0;
  }
}

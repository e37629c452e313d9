package org.mechcheck.sra;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.cli.Home;
import org.mechcheck.cli.PluginCommand;
import org.mechcheck.cli.Table;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkFile;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mechcheck experiment sra}: 001 §5.2 re-run, a command of the sra plugin below {@code experiment}. */
@Command(name = "sra", mixinStandardHelpOptions = true, description = "001 §5.2: sra-central (exact expectation over spanning trees) beside IDM, per buyer: winning probability and expected utility.")
public final class ExperimentSra implements Callable<Integer>, PluginCommand {
  @Override
  public String name() {
    return "sra";
  }

  @Override
  public String parent() {
    return "experiment";
  }

  @Option(names = "--samples", defaultValue = "10000", description = "sampled instances (default ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the value generator (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--network", description = "network file (default networks/sra-experiment.json, a reconstruction of Figure 2)")
  Path network;

  @Option(names = "--out", defaultValue = "experiment-sra", description = "output folder (default ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws IOException {
    Path file = network != null ? network : Home.get().resolve("networks/sra-experiment.json");
    NetworkFile f = NetworkJson.read(file, true);
    Experiment.Result r = Experiment.run(f.market(), samples, seed);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InputException(out + ": cannot create folder (" + e.getMessage() + ")");
    }
    Table t = new Table("buyer", "depth", "win sra-central", "win idm", "utility sra-central", "utility idm");
    StringBuilder csv = new StringBuilder("buyer,depth,win_sra_central,win_idm,utility_sra_central,utility_idm,win_sra_central_exact,win_idm_exact,utility_sra_central_exact,utility_idm_exact\n");
    List<String> buyers = new ArrayList<>();
    List<List<Double>> win = List.of(new ArrayList<>(), new ArrayList<>()), util = List.of(new ArrayList<>(), new ArrayList<>());
    for (Experiment.Row row : r.rows()) {
      t.row(row.id(), "" + row.depth(), dec(row.sraWin()), dec(row.idmWin()), dec(row.sraUtility()), dec(row.idmUtility()));
      csv.append(String.join(",", row.id(), "" + row.depth(), dec(row.sraWin()), dec(row.idmWin()), dec(row.sraUtility()), dec(row.idmUtility()),
          Rationals.format(row.sraWin()), Rationals.format(row.idmWin()), Rationals.format(row.sraUtility()), Rationals.format(row.idmUtility()))).append('\n');
      buyers.add(row.id());
      win.get(0).add(row.sraWin().doubleValue());
      win.get(1).add(row.idmWin().doubleValue());
      util.get(0).add(row.sraUtility().doubleValue());
      util.get(1).add(row.idmUtility().doubleValue());
    }
    String head = "001 §5.2 on " + f.market().name() + " (" + file + "): " + samples + " instances, seed " + seed
        + ", values on a grid of " + Experiment.GRID + " steps per interval; sra-central exact over spanning trees\n";
    String revenue = "average revenue: sra-central " + dec(r.sraRevenue()) + ", idm " + dec(r.idmRevenue()) + "\n";
    Files.writeString(out.resolve("sra-experiment.csv"), csv.toString());
    Files.writeString(out.resolve("sra-experiment.md"), head + "\n" + t.markdown() + "\n" + revenue);
    List<String> series = List.of("sra-central", "idm");
    Charts.bars(out.resolve("winning-probability"), "Winning probability per buyer (001 Fig. 3)", "winning probability", buyers, series, win);
    Charts.bars(out.resolve("expected-utility"), "Expected utility per buyer (001 Fig. 4)", "expected utility", buyers, series, util);
    System.out.print(head + t + revenue);
    System.out.printf("%.2f s; wrote %s/{sra-experiment.csv, sra-experiment.md, winning-probability.png/.svg, expected-utility.png/.svg}%n", r.seconds(), out);
    return 0;
  }

  static String dec(BigFraction q) {
    return new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()), new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}

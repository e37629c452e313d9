package org.mechcheck.datatrade;

import org.mechcheck.cli.Options;

import org.mechcheck.cli.Table;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** 004: data trading along a chain with profit reallocation. */
/** {@code mechcheck datatrade}: the data-trading plugin's commands (004), one subcommand each. */
@Command(name = "datatrade", mixinStandardHelpOptions = true, description = "004: sequential equilibria of data trading chains under profit reallocation (RAW, AVE, TBDS, OPT).",
    subcommands = {DatatradeCommand.Table1Cmd.class, DatatradeCommand.Solve.class, DatatradeSweep.class, DatatradeVerify.class, DatatradeSearch.class, DatatradeFptas.class})
public final class DatatradeCommand implements Callable<Integer>, org.mechcheck.cli.PluginCommand {
  @Override
  public String name() {
    return "datatrade";
  }


  @Override
  public Integer call() {
    throw new InputException("datatrade: name a subcommand (table1, solve, sweep, verify, search, fptas)");
  }

  static String dec(double x) {
    return String.format("%.4f", x);
  }

  @Command(name = "table1", mixinStandardHelpOptions = true, description = "004 Table 1: Models 1-4 by RAW/AVE/OPT, exact SW and TV beside the paper's, under both price tie-breaks.")
  static final class Table1Cmd implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "5", description = "chain length (default ${DEFAULT-VALUE}; the paper's numbers are for 5)")
    int n;

    @Option(names = "--json", description = "one JSON object per row")
    boolean json;

    @Option(names = "--model3", defaultValue = "alternating", description = "reading of Model 3's grid: alternating, real-part, negative-below (default ${DEFAULT-VALUE})")
    String model3;

    @Option(names = "--seed", defaultValue = "1", description = "OPT search seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--opt-restarts", defaultValue = "3", description = "CMA-ES restarts for OPT (default ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--opt-evals", defaultValue = "1500", description = "evaluations per restart (default ${DEFAULT-VALUE})")
    int evals;

    @Option(names = "--mc-samples", defaultValue = "10000", description = "Monte Carlo profiles per seed, 0 for none (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--mc-seeds", defaultValue = "5", description = "Monte Carlo seeds (default ${DEFAULT-VALUE})")
    int seeds;

    @Override
    public Integer call() throws Exception {
      if (n < 1) throw new InputException("--n: chain length " + n + "; a chain has at least one trade (n >= 1)");
      Options.between("--n", n, 1, ValuationModels.MAX_N);
      Options.atLeast("--mc-samples", samples, 0);
      Options.atLeast("--mc-seeds", seeds, 1);
      Options.atLeast("--opt-restarts", restarts, 0);
      Options.atLeast("--opt-evals", evals, 1);
      long t0 = System.nanoTime();
      List<Table1.Row> rows = Table1.compute(new Table1.Options(n, model3, seed, restarts, evals, samples, seeds));
      double secs = (System.nanoTime() - t0) / 1e9;
      if (json) {
        // one object per row, one per line (as --json prints everywhere)
        for (Table1.Row r : rows) {
          ObjectNode o = NetworkJson.MAPPER.createObjectNode();
          o.put("model", r.model()).put("mechanism", r.mechanism()).put("tieBreak", r.tieBreak()).put("arithmetic", r.arithmetic());
          o.put("sw", round(r.sw())).put("tv", round(r.tv()));
          if (n == 5) {
            o.put("paperSw", r.paperSw()).put("paperSwStd", r.paperSwStd()).put("paperTv", r.paperTv()).put("paperTvStd", r.paperTvStd());
            o.put("swSigmas", round(r.swSigmas())).put("tvSigmas", round(r.tvSigmas()));
          }
          if (r.swExact() != null && r.swExact().length() <= 200) o.put("swExact", r.swExact()).put("tvExact", r.tvExact());
          if (r.mcSw() != null) o.put("mcSw", round(r.mcSw())).put("mcSwStd", round(r.mcSwStd())).put("mcTv", round(r.mcTv())).put("mcTvStd", round(r.mcTvStd()));
          if (r.matrix() != null) o.put("t", r.matrix());
          System.out.println(NetworkJson.line(o));
        }
        return 0;
      }
      Table t = n == 5
          ? new Table("model", "mechanism", "tie-break", "arithmetic", "SW", "paper SW", "Δ/std", "TV", "paper TV", "Δ/std", "MC SW", "MC TV")
          : new Table("model", "mechanism", "tie-break", "arithmetic", "SW", "TV", "MC SW", "MC TV");
      for (Table1.Row r : rows) {
        String mcSw = r.mcSw() == null ? "" : String.format("%.3f±%.3f", r.mcSw(), r.mcSwStd());
        String mcTv = r.mcTv() == null ? "" : String.format("%.3f±%.3f", r.mcTv(), r.mcTvStd());
        if (n == 5) {
          t.row("" + r.model(), r.mechanism(), r.tieBreak(), r.arithmetic(), dec(r.sw()), String.format("%.3f±%.3f", r.paperSw(), r.paperSwStd()),
              String.format("%+.1f", r.swSigmas()), dec(r.tv()), String.format("%.3f±%.3f", r.paperTv(), r.paperTvStd()), String.format("%+.1f", r.tvSigmas()), mcSw, mcTv);
        } else {
          t.row("" + r.model(), r.mechanism(), r.tieBreak(), r.arithmetic(), dec(r.sw()), dec(r.tv()), mcSw, mcTv);
        }
      }
      System.out.println("004 Table 1, n = " + n + " (Model 3 read as '" + model3 + "'; OPT: CMA-ES, seed " + seed + ", " + restarts + " x " + evals
          + " evaluations; MC: " + seeds + " seeds x " + samples + " profiles)");
      System.out.print(t);
      for (Table1.Row r : rows) if (r.matrix() != null) System.out.print("model " + r.model() + " OPT (" + r.tieBreak() + "): " + r.matrix());
      System.out.printf("%.1f s%n", secs);
      return 0;
    }

    private static double round(double x) {
      return Math.round(x * 1e6) / 1e6;
    }
  }

  @Command(name = "solve", mixinStandardHelpOptions = true, description = "Exact sequential equilibrium of a model file: thresholds and prices per player and valuation, SW, TV, per-trade success and per-player utility.")
  static final class Solve implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (spec/datatrade.md)")
    Path model;

    @Option(names = "--mechanism", description = "RAW, AVE or TBDS (with --alpha); default: the file's t or mechanism, else RAW")
    String mechanism;

    @Option(names = "--alpha", description = "TBDS's alpha, e.g. 1/2")
    String alpha;

    @Option(names = "--tie-break", defaultValue = "low", description = "price tie-break: low or high (default ${DEFAULT-VALUE})")
    String tieBreak;

    @Option(names = "--exact", description = "print every number as an exact fraction")
    boolean exact;

    @Override
    public Integer call() {
      ModelJson.Model m = ModelJson.read(model);
      Chain c = m.chain();
      Reallocation t = m.t();
      if (mechanism != null) t = ModelJson.mechanism(mechanism, c.n, alpha == null ? null : parse(alpha));
      if (t == null) t = Reallocation.raw(c.n);
      if (t.n != c.n) throw new InputException("t: " + t.n + " trades but the chain has n = " + c.n);
      TieBreak tb = TieBreak.parse(tieBreak);
      long t0 = System.nanoTime();
      Equilibrium<BigFraction> e = CertifiedAlgorithm.solve(c, t, tb);
      Evaluation<BigFraction> ev = Evaluation.of(e);
      double ms = (System.nanoTime() - t0) / 1e6;
      System.out.println(c + " under " + t.name + ", tie-break " + tb.label() + " (exact, " + String.format("%.1f", ms) + " ms)");
      Table tab = new Table("player", "valuation", "threshold s_i", "price p_i");
      for (int i = 0; i <= c.n; i++) {
        for (int k = 0; k < c.size(); k++) {
          tab.row("" + i, num(c.w[k]), i == 0 ? "-" : num(e.u[i][k]), i == c.n ? "-" : num(e.p[i][k]));
        }
      }
      System.out.print(tab);
      Table per = new Table("player", "trade success", "expected utility");
      for (int i = 0; i <= c.n; i++) per.row("" + i, i == 0 ? "-" : num(ev.success().get(i - 1)), num(ev.utility().get(i)));
      System.out.print(per);
      MonteCarlo.Estimate mc = MonteCarlo.run(e, 10_000, 1);
      System.out.println("SW " + num(ev.sw()) + ", TV " + num(ev.tv()) + String.format(" (Monte Carlo, 10,000 profiles, seed 1: SW %.4f, TV %.4f)", mc.sw(), mc.tv()));
      return 0;
    }

    private String num(BigFraction x) {
      return exact ? Rationals.format(x) : String.format("%.6f", x.doubleValue());
    }

    private static BigFraction parse(String s) {
      try {
        return Rationals.parse(s);
      } catch (NumberFormatException e) {
        throw new InputException("--alpha: " + e.getMessage());
      }
    }
  }
}

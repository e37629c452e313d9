package org.mechcheck.datatrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.mechcheck.sra.Charts;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** 004 Figures 3 (SW and TV against n) and 2 (per-trade success, per-player utility at n = 5), exact evaluation, PNG and SVG. */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "004 Figures 2 and 3: SW and TV for n in a range, per-trade success rates and per-player utilities, as PNG and SVG.")
final class DatatradeSweep implements Callable<Integer> {
  @Option(names = "--n", defaultValue = "2..8", description = "range of chain lengths lo..hi (default ${DEFAULT-VALUE})")
  String range;

  @Option(names = "--out", defaultValue = "datatrade-sweep", description = "output folder (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--tie-break", defaultValue = "low", description = "price tie-break (default ${DEFAULT-VALUE})")
  String tieBreak;

  @Option(names = "--model3", defaultValue = "alternating", description = "reading of Model 3 (default ${DEFAULT-VALUE})")
  String model3;

  @Option(names = "--figure2-n", defaultValue = "5", description = "chain length of Figure 2 (default ${DEFAULT-VALUE})")
  int fig2n;

  @Option(names = "--opt-evals", defaultValue = "800", description = "OPT evaluations per restart, 2 restarts, seed 1 (default ${DEFAULT-VALUE})")
  int evals;

  @Override
  public Integer call() throws IOException {
    String[] parts = range.split("\\.\\.");
    int lo, hi;
    try {
      lo = Integer.parseInt(parts[0].trim());
      hi = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : lo;
    } catch (NumberFormatException e) {
      throw new InputException("--n: '" + range + "' is not a range lo..hi");
    }
    if (lo < 1 || hi < lo) throw new InputException("--n: '" + range + "' needs 1 <= lo <= hi");
    if (fig2n < 1) throw new InputException("--figure2-n: must be at least 1");
    org.mechcheck.cli.Options.between("--n", hi, 1, ValuationModels.MAX_N);
    org.mechcheck.cli.Options.between("--figure2-n", fig2n, 1, ValuationModels.MAX_N);
    org.mechcheck.cli.Options.atLeast("--opt-evals", evals, 1);
    TieBreak tb = TieBreak.parse(tieBreak);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InputException(out + ": cannot create folder (" + e.getMessage() + ")");
    }
    long t0 = System.nanoTime();
    StringBuilder csv = new StringBuilder("model,n,mechanism,sw,tv\n");
    List<String> mechs = List.of("RAW", "AVE", "OPT");
    for (int model = 1; model <= 4; model++) {
      List<Double> xs = new ArrayList<>();
      List<List<Double>> sw = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()), tv = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int n = lo; n <= hi; n++) {
        Chain c = ValuationModels.model(model, n, model3);
        xs.add((double) n);
        for (int m = 0; m < 3; m++) {
          Evaluation<BigFraction> ev = Evaluation.of(CertifiedAlgorithm.solve(c, mechanism(mechs.get(m), c, tb), tb));
          sw.get(m).add(ev.sw().doubleValue());
          tv.get(m).add(ev.tv().doubleValue());
          csv.append(model).append(',').append(n).append(',').append(mechs.get(m)).append(',').append(ev.sw().doubleValue()).append(',').append(ev.tv().doubleValue()).append('\n');
        }
      }
      lines(out.resolve("fig3-sw-model" + model), "Model " + model + ": expected social welfare (004 Fig. 3)", "chain length n", "social welfare", xs, mechs, sw);
      lines(out.resolve("fig3-tv-model" + model), "Model " + model + ": transaction volume (004 Fig. 3)", "chain length n", "transaction volume", xs, mechs, tv);
      // Figure 2 at the given n
      Chain c = ValuationModels.model(model, fig2n, model3);
      List<String> trades = new ArrayList<>(), players = new ArrayList<>();
      for (int i = 1; i <= fig2n; i++) trades.add("trade " + i);
      for (int i = 0; i <= fig2n; i++) players.add("player " + i);
      List<List<Double>> success = new ArrayList<>(), util = new ArrayList<>();
      for (String m : mechs) {
        Evaluation<BigFraction> ev = Evaluation.of(CertifiedAlgorithm.solve(c, mechanism(m, c, tb), tb));
        success.add(ev.success().stream().map(BigFraction::doubleValue).toList());
        util.add(ev.utility().stream().map(BigFraction::doubleValue).toList());
      }
      Charts.bars(out.resolve("fig2-success-model" + model), "Model " + model + ": per-trade success rate, n = " + fig2n + " (004 Fig. 2)", "success rate", trades, mechs, success);
      Charts.bars(out.resolve("fig2-utility-model" + model), "Model " + model + ": per-player expected utility, n = " + fig2n + " (004 Fig. 2)", "expected utility", players, mechs, util);
    }
    Files.writeString(out.resolve("fig3.csv"), csv.toString());
    System.out.printf("wrote %s/{fig3-sw-model1..4, fig3-tv-model1..4, fig2-success-model1..4, fig2-utility-model1..4}.{png,svg} and fig3.csv (tie-break %s, exact evaluation; %.1f s)%n",
        out, tb.label(), (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  private Reallocation mechanism(String m, Chain c, TieBreak tb) {
    return switch (m) {
      case "RAW" -> Reallocation.raw(c.n);
      case "AVE" -> Reallocation.ave(c.n);
      default -> OptSearch.search(c, tb, 1, 2, evals, null).t();
    };
  }

  private static void lines(Path base, String title, String xTitle, String yTitle, List<Double> xs, List<String> series, List<List<Double>> ys) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    for (int s = 0; s < series.size(); s++) chart.addSeries(series.get(s), xs, ys.get(s));
    save(chart, base);
  }

  private static void save(Chart<?, ?> chart, Path base) throws IOException {
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }
}

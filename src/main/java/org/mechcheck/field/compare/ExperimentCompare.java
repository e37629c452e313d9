package org.mechcheck.field.compare;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.mechcheck.cli.PluginCommand;
import org.mechcheck.cli.Table;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.num.Rationals;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mechcheck experiment compare}: several mechanisms on the same seeded random social
 * networks ({@link Comparison}); the mean revenue, welfare and efficiency ratio per network size as
 * bar charts (PNG and SVG), and every number exactly in CSV.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Several mechanisms on the same seeded random social networks: revenue, welfare and the share of the optimal welfare, as charts and exact CSV.")
public final class ExperimentCompare implements Callable<Integer>, PluginCommand {
  /** Largest network size accepted (the mechanisms' exact runs grow quickly with it). */
  static final int MAX_AGENTS = 200;

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String parent() {
    return "experiment";
  }

  @Option(names = "--mechanisms", required = true, split = ",", description = "mechanisms to compare, e.g. idm,nsp,sra-central,vcg")
  List<String> mechanisms;

  @Option(names = "--networks", defaultValue = "100", description = "random networks per size (default ${DEFAULT-VALUE})")
  int networks;

  @Option(names = "--agents", defaultValue = "10", split = ",", description = "network sizes, e.g. 5,10,15 (default ${DEFAULT-VALUE})")
  List<Integer> agents;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the networks and values (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--edge-probability", defaultValue = "0.1", description = "probability of each further link beyond the random tree (default ${DEFAULT-VALUE})")
  double edgeProbability;

  @Option(names = "--max-value", defaultValue = "100", description = "values are integers drawn uniformly from [1, max] (default ${DEFAULT-VALUE})")
  int maxValue;

  @Option(names = "--out", defaultValue = "experiment-compare", description = "output folder (default ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (networks < 1) throw new InputException("--networks must be at least 1, got " + networks);
    for (int n : agents) if (n < 1 || n > MAX_AGENTS) throw new InputException("--agents: each size must be between 1 and " + MAX_AGENTS + ", got " + n);
    if (new LinkedHashSet<>(agents).size() != agents.size()) throw new InputException("--agents: a size is listed twice");
    if (!(edgeProbability >= 0 && edgeProbability <= 1)) throw new InputException("--edge-probability must be between 0 and 1, got " + edgeProbability);
    if (maxValue < 1) throw new InputException("--max-value must be at least 1, got " + maxValue);
    Registry registry = Registry.standard();
    List<Mechanism> mechs = new ArrayList<>();
    for (String name : mechanisms) {
      Mechanism m = registry.find(Mechanism.class, name).orElseThrow(() -> new InputException(
          "--mechanisms: unknown mechanism '" + name + "' (known: " + String.join(", ", registry.names(Mechanism.class)) + ")"));
      if (mechs.contains(m)) throw new InputException("--mechanisms: '" + name + "' is listed twice");
      mechs.add(m);
    }
    Comparison.Setup setup = new Comparison.Setup(List.copyOf(agents), networks, seed, edgeProbability, maxValue);
    long started = System.nanoTime();
    List<Comparison.Network> drawn = Comparison.networks(setup);
    Optional<String> refused = Comparison.refusal(mechs, drawn);
    if (refused.isPresent()) throw new InputException(refused.get() + "; choose other mechanisms, fewer agents or a smaller --edge-probability");
    List<Comparison.Run> runs = Comparison.run(mechs, drawn);
    List<Comparison.Mean> means = Comparison.means(runs);
    double seconds = (System.nanoTime() - started) / 1e9;

    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InputException(out + ": cannot create folder (" + e.getMessage() + ")");
    }
    StringBuilder runsCsv = new StringBuilder("agents,network,mechanism,revenue,welfare,optimal_welfare,efficiency\n");
    for (Comparison.Run r : runs) {
      runsCsv.append(r.agents()).append(',').append(r.network()).append(',').append(r.mechanism()).append(',').append(Rationals.format(r.revenue())).append(',')
          .append(Rationals.format(r.welfare())).append(',').append(Rationals.format(r.optimal())).append(',').append(Rationals.format(r.efficiency())).append('\n');
    }
    StringBuilder meansCsv = new StringBuilder("agents,mechanism,networks,mean_revenue,mean_welfare,mean_efficiency,mean_revenue_decimal,mean_welfare_decimal,mean_efficiency_decimal\n");
    Table t = new Table("agents", "mechanism", "networks", "mean revenue", "mean welfare", "mean efficiency");
    for (Comparison.Mean m : means) {
      meansCsv.append(String.join(",", "" + m.agents(), m.mechanism(), "" + m.networks(), Rationals.format(m.revenue()), Rationals.format(m.welfare()),
          Rationals.format(m.efficiency()), dec(m.revenue()), dec(m.welfare()), dec(m.efficiency()))).append('\n');
      t.row("" + m.agents(), m.mechanism(), "" + m.networks(), dec(m.revenue()), dec(m.welfare()), dec(m.efficiency()));
    }
    String head = "experiment compare: " + String.join(", ", mechanisms) + " on " + networks + " random social network" + (networks == 1 ? "" : "s")
        + " per size (" + agents.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + " agents), seed " + seed
        + ", further links with probability " + edgeProbability + ", values uniform integers in [1, " + maxValue + "]; exact outcomes\n";
    Files.writeString(out.resolve("compare-runs.csv"), runsCsv.toString());
    Files.writeString(out.resolve("compare-means.csv"), meansCsv.toString());
    Files.writeString(out.resolve("compare.md"), head + "\n" + t.markdown());
    chart(out.resolve("revenue"), "Mean revenue", "revenue", means, Comparison.Mean::revenue);
    chart(out.resolve("welfare"), "Mean welfare", "welfare", means, Comparison.Mean::welfare);
    chart(out.resolve("efficiency"), "Mean share of the optimal welfare", "welfare / optimal welfare", means, Comparison.Mean::efficiency);
    System.out.print(head + t);
    System.out.printf("%.2f s; wrote %s/{compare-runs.csv, compare-means.csv, compare.md, revenue.png/.svg, welfare.png/.svg, efficiency.png/.svg}%n", seconds, out);
    return 0;
  }

  /** One bar per mechanism for each network size: {@code base}.png and {@code base}.svg. */
  private void chart(Path base, String title, String yTitle, List<Comparison.Mean> means, java.util.function.Function<Comparison.Mean, BigFraction> number)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = new CategoryChartBuilder().width(800).height(450).title(title + " (" + networks + " networks per size, seed " + seed + ")")
        .xAxisTitle("agents").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    List<String> sizes = agents.stream().map(String::valueOf).toList();
    for (String mech : means.stream().map(Comparison.Mean::mechanism).distinct().toList()) {
      List<Double> ys = new ArrayList<>();
      for (int n : agents) {
        for (Comparison.Mean m : means) if (m.agents() == n && m.mechanism().equals(mech)) ys.add(number.apply(m).doubleValue());
      }
      chart.addSeries(mech, sizes, ys);
    }
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  static String dec(BigFraction q) {
    return new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()), new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}

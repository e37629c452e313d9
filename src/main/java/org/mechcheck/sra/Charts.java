package org.mechcheck.sra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;

/** The experiment's bar charts (001 Figures 3 and 4), as PNG and SVG, with XChart. */
public final class Charts {
  private Charts() {}

  /** Writes {@code base}.png and {@code base}.svg: one bar per buyer and mechanism. */
  public static void bars(Path base, String title, String yTitle, List<String> buyers, List<String> series, List<List<Double>> values) throws IOException {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = new CategoryChartBuilder().width(800).height(450).title(title).xAxisTitle("buyer").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setYAxisDecimalPattern("0.000");
    for (int s = 0; s < series.size(); s++) chart.addSeries(series.get(s), buyers, values.get(s));
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }
}

package org.mechcheck.group;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of the mechanism, PNG and SVG (XChart): for two members the allocation region in the
 * (v1, v2) plane beside the posted price's square; for any number the interim allocations X_i.
 */
public final class RegionChart {
  private RegionChart() {}

  static double top(Member m) {
    ValueDistribution d = m.distribution();
    return Double.isFinite(d.hi()) ? d.hi() : d.quantile(0.99);
  }

  /** base.png and base.svg: grid points where the group buys, where it does not, and the posted price's corner. */
  public static void region(Path base, EqualShareMechanism m, double postedPrice) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Member m1 = m.members().get(0), m2 = m.members().get(1);
    double[] g1 = axis(m1), g2 = axis(m2);
    List<Double> sx = new ArrayList<>(), sy = new ArrayList<>(), nx = new ArrayList<>(), ny = new ArrayList<>();
    for (double x : g1) {
      for (double y : g2) {
        if (m.sells(new double[] {x, y})) {
          sx.add(x);
          sy.add(y);
        } else {
          nx.add(x);
          ny.add(y);
        }
      }
    }
    double[] w = m.weights();
    XYChart chart = new XYChartBuilder().width(700).height(600)
        .title(String.format("Sell iff %.4f phi1(v1) + %.4f phi2(v2) >= 0", w[0], w[1]))
        .xAxisTitle("v1 ~ " + m1).yAxisTitle("v2 ~ " + m2).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(4);
    if (!sx.isEmpty()) chart.addSeries("group buys (optimal mechanism)", sx, sy).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(40, 140, 60));
    if (!nx.isEmpty()) chart.addSeries("no sale", nx, ny).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(200, 200, 200));
    double t1 = top(m1), t2 = top(m2);
    XYSeries square = chart.addSeries(String.format("posted price %.4f: buys iff both values >= it", postedPrice),
        new double[] {postedPrice, postedPrice, t1}, new double[] {t2, postedPrice, postedPrice});
    square.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    square.setMarker(SeriesMarkers.NONE);
    square.setLineColor(Color.BLACK);
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  /** base.png and base.svg: X_i(v) for every member, v on her own range. */
  public static void interimAllocations(Path base, EqualShareMechanism m) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(700).height(450).title("Interim allocation X_i(v) = P(sale | v_i = v)")
        .xAxisTitle("value v").yAxisTitle("X_i(v)").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    for (int i = 0; i < m.members().size(); i++) {
      Member mi = m.members().get(i);
      double[] v = mi.discrete() ? mi.valueGrid(0) : axisFine(mi);
      double[] x = new double[v.length];
      for (int k = 0; k < v.length; k++) x[k] = m.interimAllocation(i, v[k]);
      XYSeries s = chart.addSeries("member " + (i + 1) + ": " + mi, v, x);
      s.setMarker(mi.discrete() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  private static double[] axis(Member m) {
    if (m.discrete()) return m.valueGrid(0);
    double lo = m.distribution().lo(), hi = top(m);
    int n = 41;
    double[] g = new double[n];
    for (int k = 0; k < n; k++) g[k] = lo + (hi - lo) * k / (n - 1);
    if (!Double.isFinite(m.distribution().virtualValue(g[0]))) g[0] = lo + (hi - lo) * 1e-6;
    return g;
  }

  private static double[] axisFine(Member m) {
    double lo = m.distribution().lo(), hi = top(m);
    int n = 400;
    double[] g = new double[n];
    for (int k = 0; k < n; k++) g[k] = lo + (hi - lo) * (k + 0.5) / n;
    return g;
  }
}

package org.mechcheck.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns. */
public final class Table {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = header;
  }

  public Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  @Override
  public String toString() {
    int[] w = new int[header.length];
    for (int c = 0; c < header.length; c++) w[c] = header[c].length();
    for (String[] r : rows) for (int c = 0; c < r.length; c++) w[c] = Math.max(w[c], r[c].length());
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    String[] rule = new String[header.length];
    for (int c = 0; c < header.length; c++) rule[c] = "-".repeat(w[c]);
    line(sb, rule, w);
    for (String[] r : rows) line(sb, r, w);
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] w) {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append("  ");
      sb.append(cells[c]);
      if (c < cells.length - 1) sb.append(" ".repeat(w[c] - cells[c].length())); // an empty column has width 0, which %-0s refuses
    }
    sb.append('\n');
  }

  /** The same table as GitHub markdown. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int c = 0; c < header.length; c++) sb.append("---|");
    sb.append('\n');
    for (String[] r : rows) sb.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
    return sb.toString();
  }

  private static String[] escape(String[] r) {
    String[] out = new String[r.length];
    for (int c = 0; c < r.length; c++) out[c] = r[c].replace("|", "\\|");
    return out;
  }
}

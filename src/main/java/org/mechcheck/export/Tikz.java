package org.mechcheck.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mechcheck.export.Figure.Box;
import org.mechcheck.export.Figure.Label;
import org.mechcheck.export.Figure.Link;
import org.mechcheck.export.Figure.Node;
import org.mechcheck.export.Figure.Point;
import org.mechcheck.export.Figure.Tone;

/**
 * Writes a {@link Figure} as a LaTeX document that pdflatex compiles on its own: one tikzpicture
 * (copy it, with the colour definitions, into a paper), a page the size of the figure, Latin
 * Modern typewriter text (0.525 em a character, inside the boxes the layout measured at
 * {@link Figure#CHAR}). One figure pixel is 0.75 bp, as in CSS.
 */
public final class Tikz {
  private Tikz() {}

  public static String of(Figure f) {
    double w = f.width() * 0.75, h = f.height() * 0.75;
    StringBuilder s = new StringBuilder();
    s.append("% ").append(f.title().replace('\n', ' ')).append('\n');
    s.append("% written by mechcheck export; compiles with: pdflatex FILE.tex\n");
    s.append("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{tikz}\n");
    s.append("\\pagestyle{empty}\n");
    s.append("\\pdfpagewidth=").append(n(w)).append("bp \\pdfpageheight=").append(n(h)).append("bp\n");
    s.append("\\hoffset=-1in \\voffset=-1in \\oddsidemargin=0pt \\evensidemargin=0pt \\topmargin=0pt \\headheight=0pt \\headsep=0pt\n");
    s.append("\\textwidth=").append(n(w)).append("bp \\textheight=").append(n(h)).append("bp \\parindent=0pt\n");
    Map<Tone, String> colours = new LinkedHashMap<>();
    for (Tone t : Tone.values()) colours.put(t, "mc" + t.name().toLowerCase(Locale.ROOT));
    for (var e : colours.entrySet()) s.append("\\definecolor{").append(e.getValue()).append("}{HTML}{").append(e.getKey().hex.substring(1).toUpperCase(Locale.ROOT)).append("}\n");
    s.append("\\begin{document}\n");
    s.append("\\begin{tikzpicture}[x=0.75bp, y=-0.75bp, line cap=round, line join=round]\n");
    s.append("  \\useasboundingbox (0,0) rectangle (").append(n(f.width())).append(',').append(n(f.height())).append(");\n");
    for (Figure.Frame fr : f.frames()) {
      Box b = fr.box();
      s.append("  \\filldraw[fill=").append(colours.get(Tone.PANEL)).append(", draw=black!13, rounded corners=4.5bp] (").append(n(b.x())).append(',').append(n(b.y()))
          .append(") rectangle (").append(n(b.x() + b.w())).append(',').append(n(b.y() + b.h())).append(");\n");
    }
    for (Link l : f.links()) {
      s.append("  \\draw[draw=").append(colours.get(l.tone())).append(", line width=").append(n(l.width() * 0.75)).append("bp")
          .append(l.dashed() ? ", dash pattern=on 5.25bp off 3.75bp" : "").append("] ");
      List<Point> p = l.points();
      for (int k = 0; k < p.size(); k++) s.append(k == 0 ? "" : " -- ").append(pt(p.get(k)));
      s.append(";\n");
      if (!l.head().isEmpty()) {
        s.append("  \\fill[").append(colours.get(l.tone())).append("] ").append(pt(l.head().get(0))).append(" -- ").append(pt(l.head().get(1))).append(" -- ")
            .append(pt(l.head().get(2))).append(" -- cycle;\n");
      }
    }
    for (Node v : f.nodes()) {
      s.append("  \\filldraw[fill=").append(colours.get(v.fill())).append(", draw=").append(colours.get(v.stroke())).append(", line width=")
          .append(n(v.strokeWidth() * 0.75)).append("bp] ");
      switch (v.shape()) {
        case CIRCLE -> s.append(pt(new Point(v.x(), v.y()))).append(" circle[radius=").append(n(v.r())).append(']');
        case SQUARE -> s.append(pt(new Point(v.x() - v.r(), v.y() - v.r()))).append(" rectangle ").append(pt(new Point(v.x() + v.r(), v.y() + v.r())));
        case DIAMOND -> {
          double d = v.r() * Figure.DIAMOND;
          s.append(pt(new Point(v.x(), v.y() - d))).append(" -- ").append(pt(new Point(v.x() + d, v.y()))).append(" -- ")
              .append(pt(new Point(v.x(), v.y() + d))).append(" -- ").append(pt(new Point(v.x() - d, v.y()))).append(" -- cycle");
        }
      }
      s.append("; % ").append(oneLine(v.tooltip())).append('\n');
    }
    for (Label l : f.labels()) {
      double size = l.size() * 0.75;
      String font = "\\fontsize{" + n(size) + "bp}{" + n(size * Figure.LINE) + "bp}\\selectfont\\ttfamily" + (l.bold() ? "\\bfseries" : "");
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < l.lines().size(); k++) text.append(k == 0 ? "" : "\\\\").append(tex(l.lines().get(k)));
      Point at = l.centred() ? new Point(l.x() + l.width() / 2, l.y()) : new Point(l.x(), l.y());
      s.append("  \\node[anchor=").append(l.centred() ? "north" : "north west").append(", inner sep=0pt, outer sep=0pt, align=")
          .append(l.centred() ? "center" : "left").append(", text=").append(colours.get(l.tone())).append(", font=").append(font).append("] at ")
          .append(pt(at)).append(" {").append(text).append("};\n");
    }
    s.append("\\end{tikzpicture}\n\\end{document}\n");
    return s.toString();
  }

  private static String pt(Point p) {
    return "(" + n(p.x()) + "," + n(p.y()) + ")";
  }

  private static String n(double v) {
    return Svg.n(v);
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('%', ' ');
  }

  /** TeX's special characters made literal (T1 typewriter has every ASCII glyph). */
  static String tex(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\' -> b.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> b.append('\\').append(ch);
        case '^' -> b.append("\\textasciicircum{}");
        case '~' -> b.append("\\textasciitilde{}");
        case '<' -> b.append("\\textless{}");
        case '>' -> b.append("\\textgreater{}");
        case '|' -> b.append("\\textbar{}");
        case '-' -> b.append("-{}"); // no en-dash ligature
        default -> b.append(ch < 0x20 ? ' ' : ch > 0x7e ? '?' : ch);
      }
    }
    return b.toString();
  }
}

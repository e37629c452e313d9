package org.mechcheck.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TikZ figure compiles with pdflatex (where TeX is installed); the DOT file is read back by an independent parser. */
class ExportFormatsTest {
  static final Path IDM_TC = Path.of("counterexamples/idm-tc-IC-aa01e35a.json");

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String d : path.split(java.io.File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
    return false;
  }

  @Test
  void tikzOfTheIdmTcCounterexampleCompilesWithPdflatex(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("pdflatex"), "pdflatex is not installed (Debian: apt-get install texlive-latex-base texlive-pictures); TikZ compile check skipped");
    for (Path p : new Path[] {IDM_TC, Path.of("counterexamples/sra/sra_ic-choice_social-dfae2c8a.json"),
        Path.of("counterexamples/datatrade/datatrade_trade-expansion_homogeneous-high-423277df.json")}) {
      String name = p.getFileName().toString().replace(".json", "");
      Files.writeString(dir.resolve(name + ".tex"), Tikz.of(Exports.figure(p)));
      Process pr = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex").directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
      assertTrue(pr.waitFor(120, TimeUnit.SECONDS), "pdflatex finished");
      String out = tail(dir.resolve(name + ".out"));
      assertEquals(0, pr.exitValue(), () -> name + ": pdflatex failed:\n" + out);
      assertTrue(Files.size(dir.resolve(name + ".pdf")) > 1000, "a PDF was written");
      String log = Files.readString(dir.resolve(name + ".log"));
      assertTrue(!log.contains("Overfull") && !log.contains("Missing character"), name + ": no overfull box or missing glyph");
    }
  }

  private static String tail(Path p) throws java.io.IOException {
    var lines = Files.readAllLines(p);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
  }

  @Test
  void dotIsReadBackWithEveryNodeAndLink() throws Exception {
    Figure f = Exports.figure(IDM_TC);
    String dot = Dot.of(f);
    Pseudograph<String, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
    DOTImporter<String, DefaultEdge> in = new DOTImporter<>();
    in.setVertexFactory(id -> id);
    java.util.Map<String, java.util.Map<String, org.jgrapht.nio.Attribute>> attrs = new java.util.HashMap<>();
    in.addVertexAttributeConsumer((p, a) -> attrs.computeIfAbsent(p.getFirst(), k -> new java.util.HashMap<>()).put(p.getSecond(), a));
    in.importGraph(g, new StringReader(dot));
    long lines = f.labels().stream().filter(l -> !l.centred()).mapToLong(l -> l.lines().size()).sum();
    assertEquals(f.nodes().size() + lines, g.vertexSet().size(), "every node and every line of every label");
    assertEquals(f.links().size(), g.edgeSet().size(), "every link");
    for (Figure.Node v : f.nodes()) {
      assertTrue(g.containsVertex(v.key()), v.key());
      String pos = attrs.get(v.key()).get("pos").getValue();
      assertTrue(pos.endsWith("!"), "pinned: " + pos);
      String[] xy = pos.substring(0, pos.length() - 1).split(",");
      assertEquals(v.x() * 0.75, Double.parseDouble(xy[0]), 0.1, "x in points");
      assertEquals((f.height() - v.y()) * 0.75, Double.parseDouble(xy[1]), 0.1, "y in points, upwards");
    }
    // the withheld link of the deviating panel is the one dashed edge
    assertEquals(1, dot.lines().filter(l -> l.contains(" -- ") && l.contains("style=dashed")).count());
    assertTrue(dot.contains("\"p1:A\" -- \"p1:E\"") && dot.lines().anyMatch(l -> l.contains("\"p1:A\" -- \"p1:E\"") && l.contains("dashed")));
  }

  @Test
  void texSpecialsAreLiteral() {
    assertEquals("a\\_b \\{x\\} 50\\% \\textless{}c\\textgreater{} -{}\\textgreater{}", Tikz.tex("a_b {x} 50% <c> ->"));
  }
}

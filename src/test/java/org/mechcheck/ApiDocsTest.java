package org.mechcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's reference (mvn javadoc:javadoc, doclint on: HTML, syntax and references) leaves
 * out whether a comment is there at all; this holds that part: every public top-level type has
 * a doc comment, and so does every public member of the types a mechanism is written against.
 */
class ApiDocsTest {
  private static final Path MAIN = Path.of("src/main/java/org/mechcheck");
  private static final Pattern TYPE = Pattern.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum)\\s+\\w+");
  /** What a researcher's mechanism and tests use: every public member documented. */
  private static final List<String> API = List.of("mechanism/Mechanism.java", "mechanism/Outcome.java", "num/Arith.java", "network/Profile.java",
      "network/Market.java", "network/ReportGraph.java", "property/Property.java", "property/Benchmark.java", "plugin/Extension.java",
      "plugin/Registry.java", "property/Checker.java");
  private static final Pattern MEMBER = Pattern.compile("^  (?:public |default |static |abstract |final |<[^>]+> )*[\\w<>\\[\\], ?]+ \\w+\\(.*");

  @Test
  void everyPublicTypeHasADocComment() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> s = Files.walk(MAIN)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String src = Files.readString(f);
        Matcher m = TYPE.matcher(src);
        if (m.find() && !documented(src.substring(0, m.start()))) missing.add(MAIN.relativize(f).toString());
      }
    }
    assertEquals(List.of(), missing, "public types without a doc comment");
  }

  @Test
  void everyPublicMemberOfTheMechanismApiHasADocComment() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : API) {
      List<String> lines = Files.readAllLines(MAIN.resolve(name));
      boolean isInterface = String.join("\n", lines).contains("public interface ");
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (!MEMBER.matcher(l).matches() || l.contains(" class ") || l.contains(" record ") || l.contains(" interface ") || l.trim().startsWith("return ")) continue;
        if (!isInterface && !l.startsWith("  public ")) continue;
        if (!documented(String.join("\n", lines.subList(0, i)))) missing.add(name + ":" + (i + 1) + ": " + l.trim());
      }
    }
    assertEquals(List.of(), missing, "public members of the mechanism API without a doc comment");
  }

  /** Whether the text before a declaration ends with a doc comment (annotations, however many lines, skipped; an {@code @Override} member documents itself). */
  private static boolean documented(String before) {
    String t = before.stripTrailing();
    while (true) {
      int at = annotationStart(t);
      if (at < 0) break;
      if (t.substring(at).trim().equals("@Override")) return true;
      t = t.substring(0, at).stripTrailing();
    }
    return t.endsWith("*/") && t.lastIndexOf("/**") >= 0 && t.lastIndexOf("/**") > t.lastIndexOf("*/", t.length() - 3);
  }

  /** Where the annotation that ends the text starts (a line beginning with @ from which the parentheses balance), or -1. */
  private static int annotationStart(String t) {
    for (int at = t.lastIndexOf('\n'); ; at = t.lastIndexOf('\n', at - 1)) {
      String rest = t.substring(at + 1);
      if (rest.trim().startsWith("@") && rest.chars().filter(c -> c == '(').count() == rest.chars().filter(c -> c == ')').count()) return at + 1;
      if (rest.trim().startsWith("/**") || rest.trim().startsWith("*/") || rest.trim().endsWith("*/") || at < 0) return -1;
    }
  }
}

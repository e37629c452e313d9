package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/your-mechanism.md, run as a researcher would: in an empty folder outside the repository,
 * each file the page shows written there, each command run as its own process, and what it prints
 * compared with what the page shows. Only timings may differ: the line of search figures and the
 * seconds column of the claims table.
 */
class TutorialTest {
  private static final Path PAGE = Path.of("docs/your-mechanism.md");
  private static final Pattern FIGURES = Pattern.compile("^\\s*\\d+\\.\\d+ s, \\d+ networks/s, \\d+ queries/s, \\d+% of the time in Z3$");
  private static final Pattern SECONDS = Pattern.compile("\\s\\d+\\.\\d\\d$");

  @TempDir Path dir;

  /** One step of the page: a file to write, a file to compare, or a command with the output it shows. */
  private record Step(String kind, String arg, List<String> lines) {}

  @Test
  void theTutorialWorksAsWritten() throws Exception {
    assertTrue(!dir.toAbsolutePath().startsWith(Path.of("").toAbsolutePath()), "outside the repository");
    List<Step> steps = steps(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
    assertTrue(steps.stream().filter(s -> s.kind().equals("run")).count() >= 8, "the page's commands were found");
    for (Step s : steps) {
      switch (s.kind()) {
        case "file" -> Files.writeString(dir.resolve(s.arg()), String.join("\n", s.lines()) + "\n");
        case "show" -> assertEquals(String.join("\n", s.lines()), Files.readString(dir.resolve(s.arg())).stripTrailing(), s.arg() + " as the page shows it");
        default -> {
          List<String> out = mechcheck(s.arg());
          assertEquals(s.lines().size(), out.size(), "$ mechcheck " + s.arg() + "\n" + String.join("\n", out));
          for (int k = 0; k < out.size(); k++) assertTrue(same(s.lines().get(k), out.get(k)), "$ mechcheck " + s.arg() + ", line " + (k + 1) + ":\n  page: "
              + s.lines().get(k) + "\n  now:  " + out.get(k));
        }
      }
    }
  }

  private static boolean same(String page, String now) {
    if (page.equals(now)) return true;
    if (FIGURES.matcher(page).matches() && FIGURES.matcher(now).matches()) return true;
    return SECONDS.matcher(page).find() && SECONDS.matcher(page).replaceAll(" #").equals(SECONDS.matcher(now).replaceAll(" #"));
  }

  /** Runs one command line as its own process in the folder, as the launcher would; its standard output. */
  private List<String> mechcheck(String args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args.trim().split("\\s+")));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("MECHCHECK_HOME", Path.of("").toAbsolutePath().toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finishes: " + args);
    assertTrue(p.exitValue() <= 1, "exit " + p.exitValue() + ": mechcheck " + args + "\n" + out);
    return out.stripTrailing().lines().toList(); // a code block cannot show trailing blank lines
  }

  /** The page's steps, in order: {@code <!-- file: X -->} and {@code <!-- show: X -->} before a fenced block, and console blocks of {@code $ mechcheck ...} lines. */
  private static List<Step> steps(List<String> page) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      String l = page.get(i).strip();
      if (l.startsWith("<!-- file: ") || l.startsWith("<!-- show: ")) {
        String kind = l.startsWith("<!-- file: ") ? "file" : "show";
        String name = l.substring(11, l.length() - 4).strip();
        int start = i + 2; // the fence follows the comment
        int end = start;
        while (!page.get(end).startsWith("```")) end++;
        out.add(new Step(kind, name, page.subList(start, end)));
        i = end;
      } else if (l.equals("```console")) {
        int k = i + 1;
        while (!page.get(k).startsWith("```")) {
          String cmd = page.get(k).substring(2).replaceFirst("^mechcheck ", "");
          List<String> shown = new ArrayList<>();
          k++;
          while (!page.get(k).startsWith("```") && !page.get(k).startsWith("$ ")) shown.add(page.get(k++));
          out.add(new Step("run", cmd, shown));
        }
        i = k;
      }
    }
    return out;
  }
}

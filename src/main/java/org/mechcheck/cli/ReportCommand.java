package org.mechcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mechcheck.report.Site;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Builds the claims report: a static HTML site (no server, no network, no JavaScript needed) with every claim and its evidence.")
final class ReportCommand implements Callable<Integer> {
  /** Marks a folder as a report this command wrote, so that a later build may replace it. */
  static final String MARKER = ".mechcheck-report";

  @Option(names = "--out", required = true, description = "folder to write the site into (a new folder, or one an earlier report wrote)")
  Path out;

  @Option(names = "--tikz", description = "also write a standalone TikZ picture beside each counterexample's SVG")
  boolean tikz;

  @Override
  public Integer call() throws Exception {
    Path home = Home.get();
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target) && !(Files.isDirectory(target) && (Files.exists(target.resolve(MARKER)) || empty(target)))) {
      throw new InputException(out + ": exists and is not a folder an earlier 'mechcheck report' wrote; give a new folder");
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
    try {
      Site.Result r = new Site(home, tmp, tikz).build(); // the old site stays until the new one is whole
      Files.writeString(tmp.resolve(MARKER), "written by mechcheck report\n");
      if (Files.exists(target)) delete(target);
      Files.move(tmp, target);
      System.out.printf("%d claims, %d pages, %d pictures in %.1f s: %s%n", r.claims(), r.pages(), r.pictures(), r.seconds(), out.resolve("index.html"));
    } finally {
      if (Files.exists(tmp)) delete(tmp);
    }
    return 0;
  }

  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}

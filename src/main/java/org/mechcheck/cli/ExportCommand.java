package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechcheck.export.Exports;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Draws counterexamples (truthful and deviating outcomes side by side) as SVG, standalone TikZ (pdflatex) or Graphviz DOT.")
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "svg", description = "svg, tikz or dot (default svg)")
  String format;

  @Option(names = "--out", description = "write <name>.svg|tex|dot into this folder (needed for several files)")
  Path out;

  @Option(names = "--beside", description = "write each picture beside its counterexample file (replacing an older picture)")
  boolean beside;

  @Parameters(arity = "1..*", paramLabel = "COUNTEREXAMPLE", description = "counterexample files, or folders of them (their *.json files in name order)")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    if (!Exports.FORMATS.contains(format)) throw new InputException("--format: unknown format '" + format + "' (known: " + String.join(", ", Exports.FORMATS) + ")");
    if (out != null && beside) throw new InputException("--out and --beside: give one of them");
    List<Path> paths = expand(files);
    if (paths.isEmpty()) throw new InputException(files + ": no counterexample files");
    if (out == null && !beside && paths.size() > 1) throw new InputException(paths.size() + " files: give --out DIR or --beside to write one picture each");
    List<String> texts = new ArrayList<>();
    for (Path p : paths) texts.add(Exports.render(Exports.figure(p), format)); // everything drawn before anything is written
    if (out == null && !beside) {
      System.out.print(texts.get(0));
      return 0;
    }
    for (int k = 0; k < paths.size(); k++) {
      Path p = paths.get(k);
      String name = p.getFileName().toString().replaceFirst("\\.json$", "") + "." + Exports.extension(format);
      Path target = beside ? p.toAbsolutePath().getParent().resolve(name) : out.resolve(name);
      org.mechcheck.store.AtomicFiles.replace(target, texts.get(k));
      System.out.println(target);
    }
    return 0;
  }

  /** Folders as every *.json below them (as replay reads them); a named file that does not exist is bad input here, before anything is drawn. */
  static List<Path> expand(List<Path> given) {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (!Files.exists(p)) throw new InputException(p + ": no such file");
      for (org.mechcheck.store.EvidenceStore.EvidenceFile f : org.mechcheck.store.EvidenceStore.files(p)) out.add(f.path());
    }
    return out;
  }
}

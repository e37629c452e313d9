package org.mechcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mechcheck.prove.KeyProver;
import org.mechcheck.prove.KeyRecord;
import org.mechcheck.prove.KeyZ3;
import org.mechcheck.store.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prove", mixinStandardHelpOptions = true, description = "Proves the JML contracts of the kernels (src/main/java/org/mechcheck/kernel) with KeY; one line per contract.")
final class ProveCommand implements Callable<Integer> {
  static final String KERNELS = "src/main/java/org/mechcheck/kernel";

  @Option(names = "--openjml", description = "instead, when an openjml executable is on the PATH: OpenJML's static checker on the same sources and its type checker on the mechanisms' contracts")
  boolean openjml;

  @Option(names = "--timeout", defaultValue = "60", description = "seconds per proof attempt (default 60)")
  int timeout;

  @Option(names = "--max-steps", defaultValue = "20000", description = "rule applications per proof attempt (default 20000)")
  int maxSteps;

  @Option(names = "--z3", defaultValue = IN_PROCESS, paramLabel = "SOLVER",
      description = "the Z3 for the goals KeY's own strategy leaves open: in-process (default: the library Maven brings) or an executable KeY runs as '<SOLVER> -in -smt2' (a path, or a name looked up on the PATH, e.g. z3)")
  String z3;

  static final String IN_PROCESS = "in-process";

  @Option(names = "--no-save", description = "do not write proofs/key/")
  boolean noSave;

  @Option(names = "--only", description = "only the contracts whose method name contains this (implies --no-save)")
  String only;

  @Override
  public Integer call() throws Exception {
    Path home = Home.get();
    if (only != null) noSave = true;
    Path kernels = home.resolve(KERNELS);
    if (!Files.isDirectory(kernels)) throw new InputException(kernels + ": no kernel sources here");
    if (timeout < 1 || maxSteps < 1) throw new InputException("--timeout and --max-steps must be at least 1");
    if (openjml) {
      String exe = KeyProver.onPath("openjml");
      if (exe == null) {
        System.out.println("OpenJML is not installed (no openjml on the PATH; it is not on Maven Central, Debian or npm): "
            + "'mechcheck prove' proves the JML contracts of " + KERNELS + " with KeY, and the tests check the mechanisms' at run time (spec/contracts.md).");
        return 0;
      }
      int esc = runOpenJml(exe, kernels);
      return typeCheck(exe, home) == 0 ? esc : Errors.VIOLATION;
    }
    KeyZ3 solver = solver(z3);
    Path work = home.resolve("target").resolve("key");
    Path staging = noSave ? null : Files.createDirectories(work.resolve("proofs"));
    long start = System.nanoTime();
    List<KeyProver.Result> results = new ArrayList<>();
    System.err.println("loading the kernels into KeY (once per integer semantics)...");
    System.err.println("leftover goals: " + solver.description());
    results.addAll(KeyProver.proveAll(List.of(kernels), work, maxSteps, timeout * 1000L, only, staging, solver, r -> System.out.printf("%-6s %6.1f s  %-54s %-18s %s%n",
        r.closed() ? "closed" : "OPEN", r.seconds(), r.method(), r.strategy(), r.semantics().label)));
    double seconds = (System.nanoTime() - start) / 1e9;
    long closed = results.stream().filter(KeyProver.Result::closed).count();
    System.out.printf("%d of %d contracts closed by KeY in %.1f s (integers: %s%s)%n", closed, results.size(), seconds,
        results.stream().map(r -> r.semantics().label).distinct().sorted().collect(java.util.stream.Collectors.joining(" or ")),
        ", " + solver.description() + " on leftover goals");
    if (!noSave) {
      // a closed proof replaces its old file; an open one leaves the old file alone
      Path target = KeyRecord.folder(home);
      Files.createDirectories(target);
      for (KeyProver.Result r : results) {
        if (!r.closed()) continue;
        String name = KeyProver.fileName(r.contract());
        Files.move(staging.resolve(name), target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      KeyRecord.write(home, results, solver, seconds);
      System.out.println("proofs: " + home.relativize(target) + "/");
    }
    return closed == results.size() ? 0 : Errors.VIOLATION;
  }

  private static int runOpenJml(String exe, Path kernels) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(exe, "-esc"));
    try (Stream<Path> s = Files.walk(kernels)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> cmd.add(p.toString()));
    }
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    return p.waitFor() == 0 ? 0 : Errors.VIOLATION;
  }

  /** The source files whose contracts OpenJML type-checks: the mechanisms' (spec/contracts.md, "Contracts checked at run time"). */
  static final List<String> CONTRACTS = List.of("mechanism/Vickrey.java", "mechanism/Vcg.java", "mechanism/Idm.java", "mechanism/IdmTc.java",
      "mechanism/Csm.java", "mechanism/SraCentral.java", "multiunit/Gidm.java", "multiunit/VcgK.java", "sra/Protocol.java");

  private static int typeCheck(String exe, Path home) throws IOException, InterruptedException {
    Path src = home.resolve("src/main/java");
    List<String> cmd = new ArrayList<>(List.of(exe, "-check", "-sourcepath", src.toString(), "-classpath", System.getProperty("java.class.path")));
    for (String f : CONTRACTS) cmd.add(src.resolve("org/mechcheck").resolve(f).toString());
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** {@code --z3}: the library, or an executable given by path or found on the PATH. */
  static KeyZ3 solver(String option) {
    if (option.equals(IN_PROCESS)) return KeyZ3.inProcess();
    String exe = option.contains(java.io.File.separator) ? option : KeyProver.onPath(option);
    if (exe == null || !new java.io.File(exe).canExecute()) {
      throw new InputException("--z3: " + option + ": no such executable" + (option.contains(java.io.File.separator) ? "" : " on the PATH")
          + " (in-process, the default, needs none)");
    }
    return KeyZ3.external(exe);
  }
}

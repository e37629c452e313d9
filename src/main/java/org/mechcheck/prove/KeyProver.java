package org.mechcheck.prove;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.PathConfig;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.settings.StrategySettings;
import de.uka.ilkd.key.smt.SMTRuleApp;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import de.uka.ilkd.key.util.KeYTypeUtil;
import de.uka.ilkd.key.util.MiscTools;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads a folder of kernel sources into KeY and tries every JML contract in it headlessly.
 * Integers follow KeY's overflow-checking semantics, so a contract closes only if no operation
 * in the method can overflow under its preconditions. Each attempt is bounded by a rule count
 * and a wall-clock timeout; goals the automatic strategy leaves open go to Z3 ({@link KeyZ3}: the
 * library Maven brings, in process, or an external executable). Nothing here decides what counts
 * as proven except KeY and Z3's {@code unsat}: a contract is closed iff KeY's proof has no open goal.
 */
public final class KeyProver implements AutoCloseable {
  /**
   * How KeY reads Java's integers. {@code CHECKED}: every arithmetic operation must provably stay
   * in range (KeY's overflow-checking semantics). {@code BOUNDED}: mathematical integers, sound
   * for Java because the contract's preconditions bound every input so that no partial result
   * can leave the range (the argument is in spec/contracts.md) and the callers enforce them; used
   * only where KeY's own arithmetic cannot discharge the range side conditions and Z3 cannot take
   * the goals (they hold \sum terms).
   */
  public enum Semantics {
    CHECKED("intRules:arithmeticSemanticsCheckingOF", "overflow checked"),
    BOUNDED("intRules:arithmeticSemanticsIgnoringOF", "bounds as preconditions");

    final String choice;
    public final String label;

    Semantics(String choice, String label) {
      this.choice = choice;
      this.label = label;
    }
  }

  /** The contracts proven under {@link Semantics#BOUNDED}; every other one under {@link Semantics#CHECKED}. */
  public static final java.util.Set<String> BOUNDED = java.util.Set.of("CustomerSharingPayment.revenue(long[],long[],long[])");

  public static Semantics semanticsOf(String method) {
    return BOUNDED.contains(method) ? Semantics.BOUNDED : Semantics.CHECKED;
  }

  /**
   * One proof obligation's outcome; {@code z3} counts Z3's answers on the goals KeY's strategy
   * left open in the last attempt (each {@code UNSAT} closed one).
   */
  public record Result(String contract, boolean closed, double seconds, int nodes, int openGoals, String strategy, Semantics semantics,
      Map<KeyZ3.Answer, Integer> z3) {
    /** {@code Telescoping.revenue(long[],int)} for KeY's long contract name. */
    public String method() {
      return shortName(contract);
    }
  }

  private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("\\[(?:[\\w.]+\\.)?(\\w+)::(\\w+)\\(([^)]*)\\)\\]");

  static String shortName(String contract) {
    java.util.regex.Matcher m = TARGET.matcher(contract);
    if (!m.find()) return contract;
    List<String> params = new ArrayList<>();
    for (String t : m.group(3).split(",")) {
      if (t.isEmpty()) continue;
      params.add(switch (t) {
        case "[J" -> "long[]";
        case "[I" -> "int[]";
        case "[Z" -> "boolean[]";
        default -> t.replaceAll(".*\\.", "");
      });
    }
    return m.group(1) + "." + m.group(2) + "(" + String.join(",", params) + ")";
  }

  private final KeYEnvironment<?> env;
  private final int maxSteps;
  private final long timeoutMs;
  private final KeyZ3 z3;
  private final Semantics semantics;

  private KeyProver(KeYEnvironment<?> env, int maxSteps, long timeoutMs, KeyZ3 z3, Semantics semantics) {
    this.env = env;
    this.semantics = semantics;
    this.maxSteps = maxSteps;
    this.timeoutMs = timeoutMs;
    this.z3 = z3;
  }

  /**
   * Loads every {@code .java} file of the {@code sources} folders (copied below {@code work}, so
   * nothing else of the project, which KeY could not parse, is in the way). {@code z3} gets the
   * goals KeY's strategy leaves open.
   */
  public static KeyProver load(List<Path> sources, Path work, int maxSteps, long timeoutMs, Semantics semantics, KeyZ3 z3) throws Exception {
    Path src = work.resolve("src");
    deleteTree(src);
    for (Path s : sources) copyTree(s, src);
    // KeY's warnings about the settings it is told to ignore are noise here
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    Path config = work.resolve("key-config");
    Files.createDirectories(config);
    // keep KeY away from ~/.key: no stale settings read, none written
    System.setProperty(PathConfig.DISREGARD_SETTINGS_PROPERTY, "true");
    PathConfig.setKeyConfigDir(config.toAbsolutePath().toString());
    File dir = src.toFile();
    // the defaults are set before the first load: KeY's InitConfig copies them when the environment is
    // made (no throw-away load needed); attempt() checks that each proof has the semantics asked for
    ChoiceSettings cs = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
    Map<String, String> choices = new HashMap<>(cs.getDefaultChoices());
    choices.putAll(MiscTools.getDefaultTacletOptions());
    choices.put("intRules", semantics.choice);
    cs.setDefaultChoices(choices);
    KeYEnvironment<?> env = KeYEnvironment.load(dir, null, null, null);
    return new KeyProver(env, maxSteps, timeoutMs, z3, semantics);
  }

  /** The path of an executable of this name on the PATH, or null. */
  public static String onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(d, name);
      if (!d.isEmpty() && f.canExecute()) return f.getPath();
    }
    return null;
  }

  public KeyZ3 z3() {
    return z3;
  }

  /** Every contract of every type loaded from the sources, in name order. */
  public List<Contract> contracts() {
    List<Contract> out = new ArrayList<>();
    for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
      if (KeYTypeUtil.isLibraryClass(type)) continue;
      for (IObserverFunction target : env.getSpecificationRepository().getContractTargets(type)) {
        for (Contract c : env.getSpecificationRepository().getContracts(type, target)) out.add(c);
      }
    }
    out.sort(Comparator.comparing(Contract::getName));
    return out;
  }

  /**
   * Tries one contract: KeY's automatic strategy with the default arithmetic, then, if goals
   * are left, again with model search on bounded integers; each time Z3 gets what KeY leaves. When
   * {@code save} is given, the closed proof is written there.
   */
  public Result prove(Contract c, Path save) throws Exception {
    return prove(c, save, maxSteps, timeoutMs);
  }

  /** {@link #prove(Contract, Path)} with other limits than this prover's. */
  public Result prove(Contract c, Path save, int maxSteps, long timeoutMs) throws Exception {
    long start = System.nanoTime();
    Result r = attempt(c, "NON_LIN_ARITH_DEF_OPS", start, save, maxSteps, timeoutMs);
    if (!r.closed()) r = attempt(c, "NON_LIN_ARITH_COMPLETION", start, save, maxSteps, timeoutMs);
    return r;
  }

  private Result attempt(Contract c, String arith, long start, Path save, int maxSteps, long timeoutMs) throws Exception {
    Proof proof = env.createProof(c.createProofObl(env.getInitConfig(), c));
    try {
      // the integer semantics is a global KeY setting read at load time: make sure this proof has it
      if (proof.getInitConfig().getActivatedChoices().stream().noneMatch(ch -> ch.name().toString().equals(semantics.choice))) {
        throw new IllegalStateException(shortName(c.getName()) + ": KeY did not take " + semantics.choice + " (active: "
            + proof.getInitConfig().getActivatedChoices() + ")");
      }
      StrategySettings ss = proof.getSettings().getStrategySettings();
      StrategyProperties p = ss.getActiveStrategyProperties();
      p.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
      p.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
      p.setProperty(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
      p.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_ON);
      p.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, (String) StrategyProperties.class.getField(arith).get(null));
      p.setProperty(StrategyProperties.QUANTIFIERS_OPTIONS_KEY, StrategyProperties.QUANTIFIERS_NON_SPLITTING_WITH_PROGS);
      p.setProperty(StrategyProperties.STOPMODE_OPTIONS_KEY, StrategyProperties.STOPMODE_DEFAULT);
      ss.setActiveStrategyProperties(p);
      ss.setMaxSteps(maxSteps);
      ss.setTimeout(timeoutMs);
      proof.setActiveStrategy(proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, p));
      env.getUi().getProofControl().startAndWaitForAutoMode(proof);
      String strategy = arith.equals("NON_LIN_ARITH_DEF_OPS") ? "auto" : "auto+model-search";
      Map<KeyZ3.Answer, Integer> answers = new java.util.EnumMap<>(KeyZ3.Answer.class);
      if (!proof.openGoals().isEmpty()) {
        z3(proof, timeoutMs, answers);
        strategy += "+z3";
      }
      boolean closed = proof.openGoals().isEmpty();
      if (!closed && System.getenv("MECHCHECK_KEY_SHOW_OPEN") != null) {
        String txt = de.uka.ilkd.key.pp.LogicPrinter.quickPrintSequent(proof.openGoals().head().sequent(), proof.getServices());
        System.err.println("---- first open goal of " + shortName(c.getName()) + " ----\n" + (txt.length() > 6000 ? txt.substring(0, 6000) + " ..." : txt));
      }
      if (closed && save != null) {
        Files.createDirectories(save.getParent());
        String error = new de.uka.ilkd.key.proof.io.GZipProofSaver(proof, save.toString(), "KeY 2.12.3").save();
        if (error != null) throw new IOException(save + ": cannot save the proof (" + error + ")");
      }
      return new Result(c.getName(), closed, (System.nanoTime() - start) / 1e9, proof.getStatistics().nodes, proof.openGoals().size(), strategy, semantics,
          Map.copyOf(answers));
    } finally {
      proof.dispose();
    }
  }

  private void z3(Proof proof, long timeoutMs, Map<KeyZ3.Answer, Integer> answers) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    for (Goal goal : proof.openGoals()) {
      if (System.nanoTime() > deadline) return; // Z3 gets the attempt's time limit in all, not per goal
      // each goal may take what is left of the attempt's time: a fixed cap per goal made a loaded machine leave provable goals open
      KeyZ3.Answer a = z3.ask(goal, Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
      answers.merge(a, 1, Integer::sum);
      // as KeY's own SMT rule: the saved proof names no solver, and KeY's loader replays it with Z3
      if (a == KeyZ3.Answer.UNSAT) goal.apply(SMTRuleApp.RULE.createApp("Z3").tryToInstantiate(goal));
    }
  }

  /** This prover's contracts that belong to its semantics (and contain {@code only}, when given). */
  public List<Contract> ownContracts(String only) {
    List<Contract> out = new ArrayList<>();
    for (Contract c : contracts()) {
      String m = shortName(c.getName());
      if (semanticsOf(m) == semantics && (only == null || m.contains(only))) out.add(c);
    }
    return out;
  }

  /**
   * Every contract of the sources, each under its {@link Semantics} (one KeY environment per
   * semantics), one after another; {@code each} sees each result as it comes. Closed proofs are
   * saved in {@code saveDir} when it is given.
   */
  public static List<Result> proveAll(List<Path> sources, Path work, int maxSteps, long timeoutMs, String only, Path saveDir,
      KeyZ3 z3, Consumer<Result> each) throws Exception {
    List<Result> out = new ArrayList<>();
    for (Semantics sem : Semantics.values()) {
      try (KeyProver prover = load(sources, work, maxSteps, timeoutMs, sem, z3)) {
        for (Contract c : prover.ownContracts(only)) {
          Result r = prover.prove(c, saveDir == null ? null : saveDir.resolve(fileName(c.getName())));
          each.accept(r);
          out.add(r);
        }
      }
    }
    return out;
  }

  /** A file name for a contract's saved proof: KeY's contract names hold brackets, dots and spaces. */
  public static String fileName(String contract) {
    return shortName(contract).replace("[]", "Array").replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("_+$", "") + ".proof.gz";
  }

  @Override
  public void close() {
    env.dispose();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) throw new IOException(from + ": no such folder of kernel sources");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".java")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}

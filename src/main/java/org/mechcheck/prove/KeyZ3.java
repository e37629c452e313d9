package org.mechcheck.prove;

import com.microsoft.z3.Context;
import com.microsoft.z3.Native;
import com.microsoft.z3.Version;
import com.microsoft.z3.Z3Exception;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.settings.DefaultSMTSettings;
import de.uka.ilkd.key.settings.ProofIndependentSettings;
import de.uka.ilkd.key.smt.SMTBeautifier;
import de.uka.ilkd.key.smt.SMTProblem;
import de.uka.ilkd.key.smt.SMTSolverResult;
import de.uka.ilkd.key.smt.SolverLauncher;
import de.uka.ilkd.key.smt.solvertypes.SolverType;
import de.uka.ilkd.key.smt.solvertypes.SolverTypes;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Z3 that gets the goals KeY's own strategy leaves open. KeY 2.12.3 talks to Z3 only as a
 * process ({@code z3 -in -smt2}), and the Z3 that Maven brings (z3-turnkey) is a library, not an
 * executable. So by default each goal is translated exactly as KeY's Z3 solver type translates it
 * for that process ({@code SMTSolverImplementation#translateToCommand}: the type's translator,
 * KeY's indentation, the type's {@code modifyProblem}) and the text is run by the library in this
 * JVM ({@code Z3_eval_smtlib2_string}). An external executable is used instead when one is named;
 * KeY then launches it as usual.
 *
 * <p>Either way the goal counts as valid only when Z3 answers {@code unsat} to that text, as KeY's
 * own {@code Z3Socket} decides; {@code sat}, {@code unknown}, an error, a translation KeY refuses
 * (goals with {@code \sum}) or the time limit leave it open.
 */
public final class KeyZ3 {
  /** What Z3 said of one goal's translation; only {@link #UNSAT} closes the goal. */
  public enum Answer { UNSAT, SAT, UNKNOWN, ERROR }

  private final String executable;

  private KeyZ3(String executable) {
    this.executable = executable;
  }

  /** The library Maven brings, in this JVM. */
  public static KeyZ3 inProcess() {
    return new KeyZ3(null);
  }

  /** An executable KeY starts as {@code <executable> -in -smt2}, e.g. {@code /usr/bin/z3}. */
  public static KeyZ3 external(String executable) {
    return new KeyZ3(executable);
  }

  public boolean isInProcess() {
    return executable == null;
  }

  /** {@code Z3 4.14.1 in process (z3-turnkey)} or {@code /usr/bin/z3 4.8.12}: what ran, for reports. */
  public String description() {
    return isInProcess() ? "Z3 " + version() + " in process (z3-turnkey)" : executable + " " + version();
  }

  /** The version number alone ({@code 4.14.1}), or {@code unknown} when the executable does not say. */
  public String version() {
    if (isInProcess()) return Version.getMajor() + "." + Version.getMinor() + "." + Version.getBuild();
    try {
      Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(out);
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** KeY's solver type named Z3 (the SMT-LIB translation with its handlers, {@code Z3.props}). */
  static SolverType keyType() {
    for (SolverType t : SolverTypes.getSolverTypes()) if (t.getName().equals("Z3")) return t;
    throw new IllegalStateException("KeY has no solver type named Z3");
  }

  /** What Z3 says of the goal's translation within {@code timeoutMs}; {@link Answer#UNSAT}: the goal is valid. */
  public Answer ask(Goal goal, long timeoutMs) {
    var settings = new DefaultSMTSettings(goal.proof().getSettings().getSMTSettings(),
        ProofIndependentSettings.DEFAULT_INSTANCE.getSMTSettings(), goal.proof().getSettings().getNewSMTSettings(), goal.proof());
    SolverType type = keyType();
    if (isInProcess()) {
      String text;
      try {
        text = translation(type, goal, settings);
      } catch (RuntimeException | de.uka.ilkd.key.smt.IllegalFormulaException e) {
        return Answer.ERROR; // KeY cannot translate it (e.g. \sum: "unknown constant bsum0")
      }
      return decide(text, timeoutMs);
    }
    type.setSolverCommand(executable);
    ProofIndependentSettings.DEFAULT_INSTANCE.getSMTSettings().setTimeout(timeoutMs);
    SMTProblem problem = new SMTProblem(goal);
    try {
      new SolverLauncher(settings).launch(List.of(type), List.of(problem), goal.proof().getServices());
    } catch (RuntimeException e) {
      return Answer.ERROR;
    }
    return switch (problem.getFinalResult().isValid()) {
      case VALID -> Answer.UNSAT;
      case FALSIFIABLE -> Answer.SAT;
      case UNKNOWN -> problem.getSolvers().stream().anyMatch(x -> x.getException() != null) ? Answer.ERROR : Answer.UNKNOWN;
    };
  }

  /** The text KeY would send to {@code z3 -in -smt2} for this goal. */
  static String translation(SolverType type, Goal goal, de.uka.ilkd.key.smt.SMTSettings settings) throws de.uka.ilkd.key.smt.IllegalFormulaException {
    String raw = type.createTranslator().translateProblem(goal.sequent(), goal.proof().getServices(), settings).toString();
    String text;
    try {
      text = SMTBeautifier.indent(raw);
    } catch (RuntimeException e) {
      text = raw; // KeY falls back to the raw text the same way
    }
    return type.modifyProblem(text);
  }

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "z3-timeout");
    t.setDaemon(true);
    return t;
  });

  /**
   * Runs an SMT-LIB2 script in a fresh Z3 context of the library and reads its first answer
   * line as KeY's Z3Socket does. Past {@code timeoutMs} the context is interrupted, which makes
   * the pending {@code check-sat} answer {@code unknown}.
   */
  public static Answer decide(String script, long timeoutMs) {
    try (Context ctx = new Context()) {
      Object lock = new Object();
      boolean[] done = {false};
      ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
        synchronized (lock) {
          if (!done[0]) ctx.interrupt();
        }
      }, timeoutMs, TimeUnit.MILLISECONDS);
      String out;
      try {
        out = Native.evalSmtlib2String(ctx.nCtx(), script);
      } finally {
        synchronized (lock) {
          done[0] = true;
        }
        alarm.cancel(false);
      }
      return answer(out);
    } catch (Z3Exception e) {
      return Answer.ERROR;
    }
  }

  /** The first of sat, unsat, unknown in Z3's output; an error line before it is an error. */
  static Answer answer(String output) {
    for (String line : output.split("\\R")) {
      String l = line.trim();
      if (l.startsWith("(error") && !l.contains("WARNING:")) return Answer.ERROR;
      switch (l) {
        case "unsat": return Answer.UNSAT;
        case "sat": return Answer.SAT;
        case "unknown": return Answer.UNKNOWN;
        default: break;
      }
    }
    return Answer.ERROR;
  }
}

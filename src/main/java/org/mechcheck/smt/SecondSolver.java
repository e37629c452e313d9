package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Solver;
import de.uni_freiburg.informatik.ultimate.logic.Script;
import de.uni_freiburg.informatik.ultimate.smtinterpol.DefaultLogger;
import de.uni_freiburg.informatik.ultimate.smtinterpol.LogProxy;
import de.uni_freiburg.informatik.ultimate.smtinterpol.option.OptionMap;
import de.uni_freiburg.informatik.ultimate.smtinterpol.smtlib2.ParseEnvironment;
import de.uni_freiburg.informatik.ultimate.smtinterpol.smtlib2.SMTInterpol;
import java.io.StringReader;

/**
 * SMTInterpol (pure Java, no code shared with Z3) re-deciding a query Z3 answered UNSAT. The query
 * crosses over as SMT-LIB 2 text: Z3 prints its assertions (the value bounds) with the query added,
 * and SMTInterpol parses and decides that text on its own. What is trusted of Z3 is then its term
 * construction and its printer, not its decision procedure.
 */
public final class SecondSolver {
  /** What the second solver says of a query. */
  public enum Answer {
    UNSAT,
    SAT,
    UNKNOWN
  }

  public static final String NAME = "SMTInterpol " + de.uni_freiburg.informatik.ultimate.smtinterpol.Version.VERSION;

  private final int timeoutMillis;
  private String reason = "";

  public SecondSolver(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  public String name() {
    return NAME;
  }

  /** Why the last answer was UNKNOWN. */
  public String reason() {
    return reason;
  }

  /** The query Z3's {@code solver} answered UNSAT for {@code query}, as SMT-LIB 2 text. */
  public static String smtlib(Solver solver, BoolExpr query) {
    solver.push();
    try {
      solver.add(query);
      return "(set-logic QF_LRA)\n" + solver.toString();
    } finally {
      solver.pop();
    }
  }

  /** SMTInterpol's answer to the query Z3's {@code solver} answered UNSAT for {@code query}. */
  public Answer decide(Solver solver, BoolExpr query) {
    return decide(smtlib(solver, query));
  }

  /** SMTInterpol's answer to an SMT-LIB 2 script of declarations and assertions (no check-sat). */
  public Answer decide(String script) {
    LogProxy logger = new DefaultLogger();
    logger.setLoglevel(LogProxy.LOGLEVEL_OFF);
    OptionMap options = new OptionMap(logger, true);
    SMTInterpol s = new SMTInterpol(options);
    try {
      s.setOption(":timeout", (long) timeoutMillis);
      new ParseEnvironment(s, options) {
        @Override
        public void printSuccess() {}

        @Override
        public void printResponse(Object response) {}

        @Override
        public void printError(String message) {
          throw new IllegalArgumentException("SMTInterpol cannot read the query: " + message); // never decide what was not read
        }
      }.parseStream(new StringReader(script), "query");
      Script.LBool r = s.checkSat();
      if (r == Script.LBool.UNSAT) return Answer.UNSAT;
      if (r == Script.LBool.SAT) return Answer.SAT;
      reason = String.valueOf(s.getInfo(":reason-unknown"));
      return Answer.UNKNOWN;
    } catch (RuntimeException e) {
      reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return Answer.UNKNOWN;
    } finally {
      s.exit();
    }
  }
}

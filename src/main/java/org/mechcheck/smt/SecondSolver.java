package org.mechcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.Solver;
import de.uni_freiburg.informatik.ultimate.logic.Logics;
import de.uni_freiburg.informatik.ultimate.logic.Rational;
import de.uni_freiburg.informatik.ultimate.logic.Sort;
import de.uni_freiburg.informatik.ultimate.logic.Term;
import de.uni_freiburg.informatik.ultimate.logic.Script;
import de.uni_freiburg.informatik.ultimate.smtinterpol.DefaultLogger;
import de.uni_freiburg.informatik.ultimate.smtinterpol.LogProxy;
import de.uni_freiburg.informatik.ultimate.smtinterpol.option.OptionMap;
import de.uni_freiburg.informatik.ultimate.smtinterpol.smtlib2.ParseEnvironment;
import de.uni_freiburg.informatik.ultimate.smtinterpol.smtlib2.SMTInterpol;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SMTInterpol (pure Java, no code shared with Z3) re-deciding a query Z3 answered UNSAT. What is
 * trusted of Z3 is its term construction, not its decision procedure. A query crosses over either
 * as SMT-LIB 2 text (Z3 prints its assertions with the query added, and SMTInterpol parses that
 * text), or, in a search, as terms: {@link Translation} walks Z3's terms node by node into
 * SMTInterpol's, each shared node once.
 *
 * <p>In a search the query is split before it is decided, in two ways that can only make the
 * second solver's task harder to pass, never easier (each part is a subset of what Z3 answered
 * UNSAT, and a subset that is UNSAT makes the whole UNSAT): a disjunction is decided one disjunct
 * at a time, and each disjunct with only the definitions its constants reach. A definition left
 * out is one of a constant the part does not mention, which the part therefore leaves free. The
 * JFR profile that asked for this put 91% of a certified DSIC search in SMTInterpol, most of it
 * deciding one disjunction over every informing set's summary at once.
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

  /**
   * SMTInterpol's answer to the query {@code violation} against what Z3's {@code solver} asserts,
   * as terms, split as the class comment says: UNSAT only when every disjunct is.
   */
  public Answer decide(Solver solver, BoolExpr violation, Tuning tuning) {
    if (!tuning.split()) return decide(solver, violation);
    SMTInterpol s = interpol(quiet());
    try {
      s.setOption(":global-declarations", true);
      s.setLogic(Logics.QF_LRA);
      Translation t = new Translation(s);
      Map<String, List<BoolExpr>> definitionsOf = new HashMap<>();
      for (BoolExpr a : solver.getAssertions()) {
        String d = Translation.defines(a);
        if (d == null) s.assertTerm(t.term(a));
        else definitionsOf.computeIfAbsent(d, k -> new ArrayList<>()).add(a);
      }
      // the defined constants each constant's definitions mention, walked once for every disjunct that reaches them
      Map<String, Set<String>> uses = new HashMap<>();
      for (Expr<?> part : violation.isOr() ? violation.getArgs() : new Expr<?>[] {violation}) {
        Set<String> reached = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(Translation.defined(part));
        while (!todo.isEmpty()) {
          String c = todo.pop();
          if (reached.add(c)) todo.addAll(uses.computeIfAbsent(c, k -> Translation.defined(definitionsOf.getOrDefault(k, List.of()))));
        }
        s.push(1);
        for (String c : reached) for (BoolExpr a : definitionsOf.getOrDefault(c, List.of())) s.assertTerm(t.term(a));
        s.assertTerm(t.term(part));
        Script.LBool r = s.checkSat();
        if (r == Script.LBool.UNKNOWN) reason = String.valueOf(s.getInfo(":reason-unknown"));
        s.pop(1);
        if (r != Script.LBool.UNSAT) return r == Script.LBool.SAT ? Answer.SAT : Answer.UNKNOWN;
      }
      return Answer.UNSAT;
    } catch (RuntimeException e) {
      return undecided(e);
    } finally {
      s.exit();
    }
  }

  /**
   * Re-decides {@code query}, which Z3's {@code solver} answered UNSAT, and counts the answer in
   * {@code stats}: null when this solver agrees, else why the answer is not certified (a
   * disagreement, or no answer), {@code what} naming the query.
   */
  public String recheck(Solver solver, BoolExpr query, Tuning tuning, Stats stats, String what) {
    long t = System.nanoTime();
    Answer a = decide(solver, query, tuning);
    stats.secondNanos += System.nanoTime() - t;
    if (a == Answer.UNSAT) {
      stats.certified++;
      return null;
    }
    if (a == Answer.SAT) {
      stats.disagreements++;
      return "SOLVERS DISAGREE on " + what + ": Z3 says unsat, " + name() + " says sat; not verified";
    }
    return what + ": Z3 says unsat, " + name() + " could not decide (" + reason() + "); not certified";
  }

  /** Options with SMTInterpol's logging off. */
  private static OptionMap quiet() {
    LogProxy logger = new DefaultLogger();
    logger.setLoglevel(LogProxy.LOGLEVEL_OFF);
    return new OptionMap(logger, true);
  }

  private SMTInterpol interpol(OptionMap options) {
    SMTInterpol s = new SMTInterpol(options);
    s.setOption(":timeout", (long) timeoutMillis);
    return s;
  }

  /** A query SMTInterpol could not read or decide: undecided, with why. */
  private Answer undecided(RuntimeException e) {
    reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return Answer.UNKNOWN;
  }

  /**
   * Z3's terms as SMTInterpol's, for the linear real arithmetic a search asks about; any other
   * kind of term is refused (the query is then undecided, never decided on a guess).
   */
  static final class Translation {
    private static final String DEFINED = "defined_";
    private final Script s;
    private final Sort real;
    private final Map<Integer, Term> done = new HashMap<>();
    private final Set<String> declared = new HashSet<>();

    Translation(Script s) {
      this.s = s;
      this.real = s.sort("Real");
    }

    /** The constant a definition of {@link SymbolicMarket.Batch#define} defines ({@code d = t}, or {@code pc => d = t}), or null. */
    static String defines(BoolExpr a) {
      Expr<?> eq = a.isImplies() ? a.getArgs()[1] : a;
      if (!eq.isEq()) return null;
      Expr<?> d = eq.getArgs()[0];
      return d.isConst() && d.getFuncDecl().getName().toString().startsWith(DEFINED) ? d.getFuncDecl().getName().toString() : null;
    }

    /** The defined constants {@code e} mentions. */
    static Set<String> defined(Expr<?> e) {
      return defined(List.of(e));
    }

    /** The defined constants any of {@code es} mentions. */
    static Set<String> defined(List<? extends Expr<?>> es) {
      Set<String> found = new HashSet<>();
      Set<Integer> seen = new HashSet<>();
      ArrayDeque<Expr<?>> todo = new ArrayDeque<>(es);
      while (!todo.isEmpty()) {
        Expr<?> x = todo.pop();
        if (!seen.add(x.getId())) continue;
        if (x.isConst()) {
          String name = x.getFuncDecl().getName().toString();
          if (name.startsWith(DEFINED)) found.add(name);
        } else if (x.isApp()) {
          todo.addAll(List.of(x.getArgs()));
        }
      }
      return found;
    }

    Term term(Expr<?> e) {
      Term t = done.get(e.getId());
      if (t == null) {
        t = translate(e);
        done.put(e.getId(), t);
      }
      return t;
    }

    private Term translate(Expr<?> e) {
      if (e.isRatNum()) {
        RatNum q = (RatNum) e;
        return Rational.valueOf(q.getNumerator().getBigInteger(), q.getDenominator().getBigInteger()).toTerm(real);
      }
      if (e.isIntNum()) return Rational.valueOf(((IntNum) e).getBigInteger(), BigInteger.ONE).toTerm(real);
      if (e.isTrue()) return s.term("true");
      if (e.isFalse()) return s.term("false");
      if (e.isConst()) {
        if (!e.isReal() && !e.isBool()) throw new IllegalArgumentException("a constant neither real nor Boolean: " + e);
        String name = e.getFuncDecl().getName().toString();
        if (declared.add(name)) s.declareFun(name, new Sort[0], e.isReal() ? real : s.sort("Bool"));
        return s.term(name);
      }
      Expr<?>[] a = e.getArgs();
      Term[] args = new Term[a.length];
      for (int k = 0; k < a.length; k++) args[k] = term(a[k]);
      String f = e.isAdd() ? "+" : e.isSub() ? "-" : e.isMul() ? "*" : e.isUMinus() ? "-" : e.isDiv() ? "/"
          : e.isLE() ? "<=" : e.isGE() ? ">=" : e.isLT() ? "<" : e.isGT() ? ">" : e.isEq() ? "="
          : e.isAnd() ? "and" : e.isOr() ? "or" : e.isNot() ? "not" : e.isImplies() ? "=>" : e.isITE() ? "ite" : null;
      if (f == null) throw new IllegalArgumentException("a term outside linear real arithmetic: " + e.getFuncDecl().getName());
      // Z3 builds conjunctions and disjunctions of one or no arguments, which SMT-LIB does not have
      if ((f.equals("and") || f.equals("or")) && args.length < 2) return args.length == 1 ? args[0] : s.term(f.equals("and") ? "true" : "false");
      if ((f.equals("+") || f.equals("*")) && args.length == 1) return args[0];
      return s.term(f, args);
    }
  }

  /** SMTInterpol's answer to an SMT-LIB 2 script of declarations and assertions (no check-sat). */
  public Answer decide(String script) {
    OptionMap options = quiet();
    SMTInterpol s = interpol(options);
    try {
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
      return undecided(e);
    } finally {
      s.exit();
    }
  }
}

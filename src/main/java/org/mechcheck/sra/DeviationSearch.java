package org.mechcheck.sra;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.search.Search;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.smt.PathExplorer;
import org.mechcheck.smt.SecondSolver;
import org.mechcheck.smt.Stats;
import org.mechcheck.smt.Tuning;
import org.mechcheck.smt.Z3Arith;

/**
 * Bounded verification of 001 Theorem 5.3 against the deviations the standard IC search cannot
 * express: message passing (q_i) and computation (f_i). For every network of the class up to a
 * size, every value in the box (Z3 variables), every agent, every deviation of the family: is the
 * agent's expected utility (over all inviter choices, the protocol run on Z3 terms) higher when
 * she deviates, everyone else playing the intended strategy? A model is replayed exactly before it
 * is reported; an UNKNOWN answer is never counted as verified.
 *
 * <p>Families. {@code passing} (the cases of the proof): report to no inviter, or to any two or
 * more (subsets of her inviters, which stage 1 fixes before any of this). {@code choice}: report
 * to one fixed inviter instead of one at random. {@code computation}: pass on
 * max(0, m + d) for a free d of either sign (m the intended maximum), a constant c >= 0 whatever
 * she receives, or her own bid only. d and c are Z3 variables too, so every shift and every
 * constant is covered, not a grid.
 */
public final class DeviationSearch {
  public static final List<String> FAMILIES = List.of("passing", "choice", "computation");

  /** One deviation of one agent: its text and the strategies it plays. */
  public record Dev<N>(String text, String kind, List<Integer> targets, N parameter, Strategies.Passing q, Strategies.Computation<N> f) {}

  /** A confirmed violation: the market with exact values, the agent, the deviation (parameters exact) and both utilities. */
  public record Finding(Market witness, int agent, String family, String kind, List<Integer> targets, BigFraction parameter, String text,
      BigFraction truthful, BigFraction deviating) {}

  public record Result(Finding finding, int bound, long networks, long queries, double seconds, List<ProofRecord.Level> levels, List<String> unknown, boolean timedOut,
      Stats stats) {}

  private DeviationSearch() {}

  /** The agent's inviters as stage 1 fixes them (they depend on the structure only). */
  static List<Integer> inviters(Market m, int agent) {
    Exact a = Exact.INSTANCE;
    Profile<BigFraction> p = Profile.truthful(m, a);
    List<Actor<BigFraction>> actors = Protocol.intended(p);
    new Runtime<>(m, actors, a, Choices.seeded(0)).run();
    return ((SraAgent<BigFraction>) actors.get(agent)).inviters();
  }

  /** The deviations of the family for {@code agent}; {@code fresh} makes the symbolic parameters (or returns exact ones). */
  public static <N> List<Dev<N>> family(String family, List<Integer> inviters, Function<String, N> fresh) {
    List<Dev<N>> out = new ArrayList<>();
    if (family.equals("passing") || family.equals("choice")) {
      if (family.equals("passing")) out.add(new Dev<>("reports to no inviter", "passing", List.of(), null, Strategies.NOBODY, Strategies.max()));
      int k = inviters.size();
      for (int mask = 1; mask < (1 << k); mask++) {
        BitSet chosen = new BitSet();
        List<Integer> ts = new ArrayList<>();
        for (int b = 0; b < k; b++) if ((mask >> b & 1) != 0) { chosen.set(inviters.get(b)); ts.add(inviters.get(b)); }
        if (k == 1) continue; // her only inviter: the intended strategy itself
        if ((ts.size() >= 2) != family.equals("passing")) continue; // passing: several; choice: one fixed
        out.add(new Dev<>("reports to " + ts, "passing", ts, null, Strategies.to(chosen), Strategies.max()));
      }
    } else if (family.equals("computation")) {
      N d = fresh.apply("d");
      out.add(new Dev<>("passes on max(0, maximum + d)", "shift", List.of(), d, Strategies.ONE_AT_RANDOM, Strategies.shifted(d, "d")));
      N c = fresh.apply("c");
      out.add(new Dev<>("passes on a constant c", "constant", List.of(), c, Strategies.ONE_AT_RANDOM, Strategies.constant(c, "c")));
      out.add(new Dev<>("passes on her own bid only", "own-only", List.of(), null, Strategies.ONE_AT_RANDOM, Strategies.ownOnly()));
    } else {
      throw new IllegalArgumentException("unknown family " + family);
    }
    return out;
  }

  /** The expected outcome when everyone plays the intended strategy. */
  static <N> Outcome<N> intended(Profile<N> p, Arith<N> a) {
    return Protocol.expectation(p.market(), () -> Protocol.agents(p, v -> null), a);
  }

  /** The agent's expected utility when she plays {@code dev} (null: intended) and everyone else the intended strategy. */
  public static <N> N utility(Profile<N> p, int agent, Dev<N> dev, N value, Arith<N> a) {
    Outcome<N> o = Protocol.expectation(p.market(), () -> Protocol.agents(p, v -> v == agent && dev != null
        ? new SraAgent<>(false, Protocol.revelation(p, v), dev.q(), dev.f()) : null), a);
    return o.utility(agent, value, a.zero(), a);
  }

  /** The search, on one thread, Z3 alone; {@code progress} sees networks done. {@code timeLimit} in seconds (0: none). */
  public static Result run(String family, NetworkClass nc, int maxAgents, BigFraction box, int timeoutMillis, double timeLimit, java.util.function.LongConsumer progress) {
    return run(family, nc, maxAgents, box, timeoutMillis, timeLimit, 1, false, counting(progress));
  }

  /** A listener that passes on the networks done only. */
  public static Search.Listener counting(java.util.function.LongConsumer progress) {
    return new Search.Listener() {
      @Override
      public void level(int agents, long networks) {}

      @Override
      public void network(long done) {
        progress.accept(done);
      }
    };
  }

  /**
   * The search, the networks of each size shared by {@code threads} workers (one Z3 context each).
   * What it finds does not depend on how many: the first network in enumeration order with a
   * confirmed deviation, and the networks counted up to it, as one worker would count them. With
   * {@code certify}, SMTInterpol re-decides every UNSAT answer, and a network where it does not
   * agree (or cannot say) stays undecided, as in a search of bids and informing sets. The
   * listener hears of each size, each network done, the time the size is expected still to take
   * (the search's own cost model, {@link Search.Estimate}) and each size verified.
   */
  public static Result run(String family, NetworkClass nc, int maxAgents, BigFraction box, int timeoutMillis, double timeLimit, int threads,
      boolean certify, Search.Listener listener) {
    long start = System.nanoTime();
    long deadline = timeLimit > 0 ? start + (long) (timeLimit * 1e9) : Long.MAX_VALUE;
    List<ProofRecord.Level> levels = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    long networks = 0;
    int bound = 0;
    List<Worker> workers = new ArrayList<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mechcheck-deviations");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int t = 0; t < threads; t++) workers.add(new Worker(family, box, timeoutMillis, certify));
      for (int n = 1; n <= maxAgents; n++) {
        if (System.nanoTime() > deadline) return new Result(null, bound, networks, queries(workers), secs(start), levels, unknown, true, stats(workers));
        long levelStart = System.nanoTime(), q0 = queries(workers);
        List<Market> nets = Enumerator.stream(nc, n).toList();
        Search.Estimate estimate = new Search.Estimate(Enumerator.costs(nc, n), threads);
        listener.level(n, nets.size());
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Object[] results = new Object[nets.size()];
        boolean[] finished = new boolean[nets.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger firstFinding = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (Worker w : workers) {
          work.add(pool.submit(() -> {
            try (TimeLimit limit = new TimeLimit(deadline, w.ctx)) {
              try {
                for (int k; (k = next.getAndIncrement()) < nets.size() && k < firstFinding.get() && !stopped.get(); ) {
                  if (System.nanoTime() > deadline) {
                    stopped.set(true);
                    break;
                  }
                  Market m = nets.get(k);
                  long t0 = System.nanoTime();
                  estimate.started(k, t0);
                  Object r = sra.refusal(m).isPresent() ? null : w.check(m);
                  results[k] = r; // read once every worker is done (Future.get orders it)
                  finished[k] = true;
                  if (r instanceof Finding) firstFinding.accumulateAndGet(k, Math::min);
                  estimate.finished(k, (System.nanoTime() - t0) / 1e9);
                  listener.network(done.incrementAndGet());
                  double left = estimate.remaining();
                  if (!Double.isNaN(left)) listener.remaining(left);
                }
              } catch (org.mechcheck.num.Cancelled | com.microsoft.z3.Z3Exception stop) {
                if (!limit.fired()) throw stop;
                stopped.set(true); // the network it was on stays undecided
              }
            }
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : work) {
          while (true) {
            try {
              f.get(5, java.util.concurrent.TimeUnit.SECONDS);
              break;
            } catch (java.util.concurrent.TimeoutException tick) { // the estimate again, as the networks still running take longer
              double left = estimate.remaining();
              if (!Double.isNaN(left)) listener.remaining(left);
            } catch (java.util.concurrent.ExecutionException e) {
              if (e.getCause() instanceof RuntimeException r) throw r;
              throw new IllegalStateException(e.getCause());
            }
          }
        }
        boolean undecided = false;
        long count = 0;
        for (int k = 0; k < nets.size(); k++) {
          if (!finished[k]) return new Result(null, bound, networks, queries(workers), secs(start), levels, unknown, true, stats(workers)); // the time limit
          count++;
          networks++;
          if (results[k] instanceof Finding f) return new Result(f, bound, networks, queries(workers), secs(start), levels, unknown, false, stats(workers));
          if (results[k] instanceof String u) {
            undecided = true;
            if (unknown.size() < 10) unknown.add(nets.get(k).name() + ": " + u);
          }
        }
        ProofRecord.Level level = new ProofRecord.Level(n, count, queries(workers) - q0, (System.nanoTime() - levelStart) / 1e9);
        levels.add(level);
        if (!undecided && bound == n - 1) {
          bound = n;
          listener.verified(level);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, bound, networks, queries(workers), secs(start), levels, unknown, true, stats(workers));
    } finally {
      pool.shutdownNow();
      for (Worker w : workers) w.ctx.close();
    }
    return new Result(null, bound, networks, queries(workers), secs(start), levels, unknown, false, stats(workers));
  }

  private static final Protocol sra = new Protocol();

  /**
   * One worker's Z3: its context, the solver that explores, the one that answers the queries, the
   * second solver (null: Z3 alone), and its counts.
   */
  private static final class Worker {
    final String family;
    final BigFraction box;
    final Context ctx = new Context();
    final Stats stats = new Stats();
    final Solver solver, queries;
    final Tuning tuning = Tuning.current();
    final SecondSolver second;
    final PathExplorer explorer;
    final Z3Arith z;

    Worker(String family, BigFraction box, int timeoutMillis, boolean certify) {
      this.family = family;
      this.box = box;
      solver = Tuning.solver(ctx, timeoutMillis);
      queries = tuning.definitions() ? Tuning.solver(ctx, timeoutMillis) : solver;
      second = certify ? new SecondSolver(timeoutMillis) : null;
      explorer = new PathExplorer(ctx, solver, stats);
      z = new Z3Arith(explorer);
    }

    Object check(Market m) {
      return checkNetwork(m, this);
    }
  }

  private static long queries(List<Worker> workers) {
    long q = 0;
    for (Worker w : workers) q += w.stats.queries;
    return q;
  }

  private static Stats stats(List<Worker> workers) {
    Stats total = new Stats();
    for (Worker w : workers) total.add(w.stats);
    return total;
  }

  /** Interrupts the searching thread and Z3 at the deadline, unless closed first. */
  private static final class TimeLimit implements AutoCloseable {
    private final Thread searcher = Thread.currentThread();
    private final Thread watchdog;
    private boolean closed;
    private boolean fired;

    TimeLimit(long deadline, Context ctx) {
      watchdog = new Thread(() -> {
        try {
          for (long wait; (wait = deadline - System.nanoTime()) > 0; ) Thread.sleep(wait / 1_000_000 + 1);
        } catch (InterruptedException closedFirst) {
          return;
        }
        synchronized (this) {
          if (closed) return;
          fired = true;
          searcher.interrupt();
          ctx.interrupt();
        }
      }, "mechcheck-time-limit");
      watchdog.setDaemon(true);
      if (deadline != Long.MAX_VALUE) watchdog.start();
    }

    synchronized boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
      }
      watchdog.interrupt();
      if (fired) Thread.interrupted(); // the searcher's flag was for this search only
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * A confirmed Finding, an UNKNOWN note (String), or null when the family holds on this structure.
   * The queries go to {@code queries} (the exploring solver itself, or one of their own on which
   * the intended utility is stated once per agent, see {@code Tuning.definitions}); with
   * {@code Tuning.oneQuery} an agent's deviations are asked as one disjunction, and only a model
   * that does not replay sends them to be asked one by one, as without it.
   */
  @SuppressWarnings("unchecked")
  private static Object checkNetwork(Market m, Worker w) {
    Context ctx = w.ctx;
    Solver solver = w.solver, queries = w.queries;
    PathExplorer explorer = w.explorer;
    Z3Arith z = w.z;
    BigFraction box = w.box;
    int n = m.size();
    ArithExpr<RealSort>[] value = new ArithExpr[n];
    boolean own = queries != solver;
    solver.push();
    if (own) queries.push();
    try {
      for (int v = 1; v < n; v++) {
        value[v] = ctx.mkRealConst("v_" + m.id(v));
        for (Solver each : own ? List.of(solver, queries) : List.of(solver)) {
          each.add(ctx.mkGe(value[v], z.zero()));
          if (box != null) each.add(ctx.mkLe(value[v], z.of(box))); // null: unbounded
        }
      }
      Profile<ArithExpr<RealSort>> p = Profile.of(m, v -> z.zero(), v -> value[v], z);
      String unknown = null;
      // everyone playing the intended strategy is one run whoever's utility is read off it
      List<PathExplorer.Path<Outcome<ArithExpr<RealSort>>>> intended = w.tuning.sharedRun() ? explorer.explore(() -> intended(p, z)) : null;
      for (int i = 1; i < n; i++) {
        if (!p.graph().informed(i)) continue;
        final int agent = i;
        ArithExpr<RealSort> uInt = summary(ctx, intended != null
            ? intended.stream().map(path -> new PathExplorer.Path<>(path.condition(), path.result().utility(agent, value[agent], z.zero(), z))).toList()
            : explorer.explore(() -> utility(p, agent, null, value[agent], z)));
        if (own) { // defined for this agent's queries only: the next agent's do not carry it
          queries.push();
          ArithExpr<RealSort> d = ctx.mkRealConst("intended_" + m.id(agent));
          queries.add(ctx.mkEq(d, uInt));
          uInt = d;
        }
        Object r;
        try {
          r = checkAgent(m, agent, p, uInt, value, w);
        } finally {
          if (own) queries.pop();
        }
        if (r instanceof Finding) return r;
        if (r instanceof String u && unknown == null) unknown = u;
      }
      return unknown;
    } finally {
      solver.pop();
      if (own) queries.pop();
    }
  }

  /** One agent's deviations of the family against her intended utility {@code uInt}: a Finding, the first UNKNOWN note, or null. */
  private static Object checkAgent(Market m, int agent, Profile<ArithExpr<RealSort>> p, ArithExpr<RealSort> uInt, ArithExpr<RealSort>[] value, Worker w) {
    Context ctx = w.ctx;
    Z3Arith z = w.z;
    String family = w.family;
    boolean oneQuery = w.tuning.oneQuery();
    String unknown = null;
    List<Dev<ArithExpr<RealSort>>> devs = new ArrayList<>();
    List<BoolExpr> gains = new ArrayList<>();
    for (Dev<ArithExpr<RealSort>> dev : DeviationSearch.<ArithExpr<RealSort>>family(family, inviters(m, agent), name -> ctx.mkRealConst(name + "_" + m.id(agent)))) {
      ArithExpr<RealSort> uDev = summary(ctx, w.explorer.explore(() -> utility(p, agent, dev, value[agent], z)));
      List<BoolExpr> cs = new ArrayList<>(List.of(ctx.mkGt(uDev, uInt)));
      if (dev.kind().equals("constant")) cs.add(ctx.mkGe(dev.parameter(), z.zero()));
      devs.add(dev);
      gains.add(PathExplorer.and(ctx, cs));
      if (!oneQuery) { // asked as it comes: a gain found stops the explorations
        Object r = ask(w, gains.get(gains.size() - 1), List.of(dev), List.of(gains.get(gains.size() - 1)), m, agent, value);
        if (r instanceof Finding) return r;
        if (note(r) != null && unknown == null) unknown = note(r);
      }
    }
    if (!oneQuery || gains.isEmpty()) return unknown;
    Object r = ask(w, PathExplorer.or(ctx, gains), devs, gains, m, agent, value);
    // the second solver already decides a disjunction one disjunct at a time: asking them one by one would decide the same again
    if (r instanceof NotCertified c) return c.note();
    if (!(r instanceof String) || gains.size() == 1) return r;
    for (int k = 0; k < gains.size(); k++) { // the disjunction's model did not replay, or Z3 could not say: one query each
      Object each = ask(w, gains.get(k), List.of(devs.get(k)), List.of(gains.get(k)), m, agent, value);
      if (each instanceof Finding) return each;
      if (note(each) != null && unknown == null) unknown = note(each);
    }
    return unknown;
  }

  /**
   * Asks whether {@code query} (one of the {@code gains} of the deviations {@code devs}, or their
   * disjunction) can hold: null when not, a Finding when a deviation it credits replays with a
   * gain, else a note of why not.
   */
  private static Object ask(Worker w, BoolExpr query, List<Dev<ArithExpr<RealSort>>> devs, List<BoolExpr> gains, Market m, int agent,
      ArithExpr<RealSort>[] value) {
    int n = m.size();
    Solver solver = w.queries;
    Stats stats = w.stats;
    String family = w.family;
    long t = System.nanoTime();
    Status s = solver.check(query);
    stats.solverNanos += System.nanoTime() - t;
    stats.queries++;
    String what = devs.size() == 1 ? "'" + devs.get(0).text() + "'" : devs.size() + " deviations";
    if (s == Status.UNSATISFIABLE) return w.second == null ? null : certified(w, query, m.id(agent) + " " + what);
    if (s == Status.UNKNOWN) return m.id(agent) + " " + what + ": " + solver.getReasonUnknown();
    Model model = solver.getModel();
    BigFraction[] values = new BigFraction[n];
    for (int v = 1; v < n; v++) values[v] = Z3Arith.exact(model.eval(value[v], true));
    for (int k = 0; k < devs.size(); k++) {
      if (devs.size() > 1 && !model.eval(gains.get(k), true).isTrue()) continue;
      Dev<ArithExpr<RealSort>> dev = devs.get(k);
      BigFraction param = dev.parameter() == null ? null : Z3Arith.exact(model.eval(dev.parameter(), true));
      Finding f = confirm(m.withTypes(m.name(), values, new BigFraction[n]), agent, family, dev.kind(), dev.targets(), param);
      if (f != null) return f;
    }
    return "Z3 model for " + m.id(agent) + " " + what + " did not replay exactly";
  }

  /** An UNSAT answer of Z3's that the second solver did not re-decide as UNSAT: the network stays undecided. */
  private record NotCertified(String note) {}

  /** The note of an undecided answer (a String, or a {@link NotCertified}), else null. */
  private static String note(Object answer) {
    return answer instanceof String u ? u : answer instanceof NotCertified c ? c.note() : null;
  }

  /** null when the second solver agrees that {@code query} is UNSAT, else why the answer is not certified. */
  private static NotCertified certified(Worker w, BoolExpr query, String what) {
    String why = w.second.recheck(w.queries, query, w.tuning, w.stats, what);
    return why == null ? null : new NotCertified(why);
  }

  /** Replays a deviation exactly: a Finding when it gains, else null. */
  public static Finding confirm(Market witness, int agent, String family, String kind, List<Integer> targets, BigFraction parameter) {
    Exact a = Exact.INSTANCE;
    Profile<BigFraction> p = Profile.truthful(witness, a);
    BigFraction value = witness.agent(agent).value();
    Dev<BigFraction> dev = exactDev(kind, targets, parameter);
    BigFraction t = utility(p, agent, null, value, a), d = utility(p, agent, dev, value, a);
    if (d.compareTo(t) <= 0) return null;
    return new Finding(witness, agent, family, kind, targets, parameter, dev.text(), t, d);
  }

  /** The deviation of a kind with exact parameters (as saved in a finding). */
  public static Dev<BigFraction> exactDev(String kind, List<Integer> targets, BigFraction parameter) {
    switch (kind) {
      case "passing": {
        BitSet chosen = new BitSet();
        for (int x : targets) chosen.set(x);
        return new Dev<>(targets.isEmpty() ? "reports to no inviter" : "reports to " + targets, kind, targets, null,
            targets.isEmpty() ? Strategies.NOBODY : Strategies.to(chosen), Strategies.max());
      }
      case "shift":
        return new Dev<>("passes on max(0, maximum + " + Rationals.format(parameter) + ")", kind, List.of(), parameter, Strategies.ONE_AT_RANDOM,
            Strategies.shifted(parameter, Rationals.format(parameter)));
      case "constant":
        return new Dev<>("passes on the constant " + Rationals.format(parameter), kind, List.of(), parameter, Strategies.ONE_AT_RANDOM,
            Strategies.constant(parameter, Rationals.format(parameter)));
      case "own-only":
        return new Dev<>("passes on her own bid only", kind, List.of(), null, Strategies.ONE_AT_RANDOM, Strategies.ownOnly());
      default:
        throw new IllegalArgumentException("unknown deviation kind '" + kind + "'");
    }
  }

  @SuppressWarnings("unchecked")
  private static ArithExpr<RealSort> summary(Context ctx, List<PathExplorer.Path<ArithExpr<RealSort>>> paths) {
    ArithExpr<RealSort> t = paths.get(paths.size() - 1).result();
    for (int k = paths.size() - 2; k >= 0; k--) t = (ArithExpr<RealSort>) ctx.mkITE(paths.get(k).condition(), paths.get(k).result(), t);
    return t;
  }
}

package org.mechcheck.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.smt.Stats;
import org.mechcheck.store.ProofRecord;

/**
 * Bounded verification of one claim: every network of the class with 1, 2, ..., maxAgents
 * agents (one per isomorphism class, fewest edges first), every valuation in the box, every
 * deviation, asked of Z3. The violating network returned is the first in enumeration order of
 * the smallest size that has one (deterministic whatever the number of threads); it is shrunk
 * further. Otherwise the claim holds up to the largest size whose every network was decided
 * (UNKNOWN answers and the time limit stop that bound short). Every enumerated market has the
 * search's number of units for sale (1 unless given). A network still running when the time
 * limit passes is stopped at the mechanism's next comparison (or abandoned, after a grace, if
 * it makes none) and counted as undecided.
 */
public final class Search {

  /** Progress of a running search, for the progress bar. */
  public interface Listener {
    void level(int agents, long networks);

    void network(long done);

    /** A size whose every network was decided and verified. */
    default void verified(ProofRecord.Level level) {}
  }

  public record Result(
      Market counterexample, Violation violation, Market unshrunk, int bound, long networks, long queries, Stats stats,
      double seconds, List<ProofRecord.Level> levels, List<String> unknown, boolean timedOut, List<Stats> levelStats) {

    public boolean refuted() {
      return counterexample != null;
    }
  }

  private final Mechanism mechanism;
  private final Property property;
  private final Benchmark benchmark;
  private final NetworkClass networkClass;
  private final BigFraction box;
  private final int timeoutMillis;
  private final int threads;
  private final int units;

  public Search(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, BigFraction box, int timeoutMillis, int threads) {
    this(mechanism, property, benchmark, networkClass, box, timeoutMillis, threads, 1);
  }

  /** A search whose enumerated markets have {@code units} units for sale (multi-unit mechanisms). */
  public Search(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, BigFraction box, int timeoutMillis, int threads,
      int units) {
    if (units < 1) throw new IllegalArgumentException("units must be at least 1, got " + units);
    this.units = units;
    this.mechanism = mechanism;
    this.property = property;
    this.benchmark = benchmark;
    this.networkClass = networkClass;
    this.box = box;
    this.timeoutMillis = timeoutMillis;
    this.threads = Math.max(1, threads);
  }

  /** One size's networks, shared by the workers in enumeration order. */
  private final class Level {
    final Iterator<Market> networks;
    long next;
    long firstViolation = Long.MAX_VALUE;
    SymbolicChecker.Result violation;
    final List<String> unknown = new ArrayList<>();
    boolean undecided;
    boolean timedOut;
    final AtomicLong done = new AtomicLong();

    Level(int agents) {
      networks = Enumerator.stream(networkClass, agents).map(m -> m.withUnits(units)).iterator();
    }

    synchronized Object[] take(long deadline) {
      if (System.nanoTime() > deadline) timedOut = true;
      if (timedOut || failure != null || !networks.hasNext() || next > firstViolation) return null;
      return new Object[] {next++, networks.next()};
    }

    Throwable failure;
    private final java.util.Map<Thread, String> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    /** No more networks are handed out: the time limit passed. */
    synchronized void stop() {
      timedOut = true;
    }

    /** No more networks are handed out: a check failed (the first failure is kept). */
    synchronized void fail(Throwable t) {
      if (failure == null) failure = t;
    }

    /** The network the calling worker is on (null: none). */
    void running(Market m) {
      if (m == null) inFlight.remove(Thread.currentThread());
      else inFlight.put(Thread.currentThread(), m.name());
    }

    List<String> inFlight() {
      return List.copyOf(inFlight.values());
    }

    synchronized void report(long index, Market m, SymbolicChecker.Result r) {
      if (r.status() == SymbolicChecker.Status3.VIOLATED && index < firstViolation) {
        firstViolation = index;
        violation = r;
      } else if (r.status() == SymbolicChecker.Status3.UNKNOWN) {
        undecided = true;
        if (unknown.size() < 10) unknown.add(m.name() + ": " + r.note());
      }
    }
  }

  public Result run(int maxAgents, double timeLimitSeconds, Listener listener) {
    long start = System.nanoTime();
    long deadline = timeLimitSeconds > 0 ? start + (long) (timeLimitSeconds * 1e9) : Long.MAX_VALUE;
    List<ProofRecord.Level> levels = new ArrayList<>();
    List<Stats> levelStats = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    long networks = 0;
    int bound = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mechcheck-search");
      t.setDaemon(true); // a mechanism that never returns must not keep the process alive
      return t;
    });
    List<SymbolicChecker> checkers = new ArrayList<>();
    boolean abandoned = false;
    try {
      for (int t = 0; t < threads; t++) checkers.add(pool.submit(() -> new SymbolicChecker(box, timeoutMillis)).get());
      for (int n = 1; n <= maxAgents; n++) {
        long levelStart = System.nanoTime(), queriesBefore = queries(checkers);
        Stats statsBefore = total(checkers);
        listener.level(n, Enumerator.count(networkClass, n));
        Level level = new Level(n);
        List<Future<?>> work = new ArrayList<>();
        List<Thread> running = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (SymbolicChecker z3 : checkers) {
          work.add(pool.submit(() -> {
            running.add(Thread.currentThread());
            try {
              Object[] item;
              while ((item = level.take(deadline)) != null) {
                Market m = (Market) item[1];
                level.running(m);
                if (mechanism.refusal(m).isEmpty()) level.report((Long) item[0], m, z3.check(mechanism, m, property, benchmark));
                level.running(null);
                listener.network(level.done.incrementAndGet());
              }
            } catch (org.mechcheck.num.Cancelled stopped) {
              level.stop(); // the network it was on stays undecided
            } catch (RuntimeException | Error failed) {
              level.fail(failed); // the other workers finish their network before it is rethrown
            } finally {
              running.remove(Thread.currentThread());
            }
            return null;
          }));
        }
        if (!await(work, deadline, running, checkers)) {
          abandoned = true;
          level.stop();
          for (String name : level.inFlight()) unknown.add(name + ": still running " + GRACE_NANOS / 1_000_000_000 + " s after the time limit; abandoned, undecided");
        }
        if (level.failure != null) {
          if (level.failure instanceof RuntimeException r) throw r; // a mechanism's own failure, as it is
          throw (Error) level.failure;
        }
        networks += level.done.get();
        unknown.addAll(level.unknown);
        if (level.violation != null) {
          Shrinker shrinker = new Shrinker(mechanism, property, benchmark, networkClass);
          Market small = shrinker.shrink(level.violation.witness());
          return result(small, shrinker.violation(small), level.violation.witness(), bound, networks, checkers, start, levels, unknown, false, levelStats);
        }
        if (level.timedOut) return result(null, null, null, bound, networks, checkers, start, levels, unknown, true, levelStats);
        levels.add(new ProofRecord.Level(n, level.done.get(), queries(checkers) - queriesBefore, (System.nanoTime() - levelStart) / 1e9));
        levelStats.add(total(checkers).since(statsBefore));
        if (!level.undecided && bound == n - 1) {
          bound = n;
          listener.verified(levels.get(levels.size() - 1));
        }
      }
      return result(null, null, null, bound, networks, checkers, start, levels, unknown, false, levelStats);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("search interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r && !(r instanceof org.mechcheck.num.Cancelled)) throw r; // a mechanism's own failure, as it is
      throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
    } finally {
      if (abandoned) {
        pool.shutdownNow(); // a worker still inside the mechanism keeps its Z3 context: closing it under her would crash
      } else {
        for (SymbolicChecker z3 : checkers) pool.submit(z3::close);
        pool.shutdown();
      }
    }
  }

  /** How long past the time limit a running network may take to stop before it is abandoned. */
  static final long GRACE_NANOS = 2_000_000_000L;

  /**
   * Waits for the workers. Past the time limit the workers still running are interrupted (their
   * mechanism stops at its next comparison) and Z3 is told to stop; false when one has not
   * finished within the grace after that.
   */
  private static boolean await(List<Future<?>> work, long deadline, List<Thread> running, List<SymbolicChecker> checkers)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    boolean stopping = false;
    for (Future<?> f : work) {
      while (true) {
        if (deadline == Long.MAX_VALUE) {
          f.get();
          break;
        }
        long wait = (stopping ? deadline + GRACE_NANOS : deadline) - System.nanoTime();
        try {
          f.get(Math.max(wait, 1), java.util.concurrent.TimeUnit.NANOSECONDS);
          break;
        } catch (java.util.concurrent.TimeoutException late) {
          if (stopping) return false;
          stopping = true;
          for (Thread t : running) t.interrupt();
          for (SymbolicChecker z3 : checkers) z3.interrupt();
        }
      }
    }
    return true;
  }


  private static long queries(List<SymbolicChecker> checkers) {
    long q = 0;
    for (SymbolicChecker z3 : checkers) q += z3.stats().queries;
    return q;
  }

  private static Stats total(List<SymbolicChecker> checkers) {
    Stats s = new Stats();
    for (SymbolicChecker z3 : checkers) s.add(z3.stats());
    return s;
  }

  private static Result result(Market cx, Violation v, Market unshrunk, int bound, long networks, List<SymbolicChecker> checkers, long start,
      List<ProofRecord.Level> levels, List<String> unknown, boolean timedOut, List<Stats> levelStats) {
    Stats s = total(checkers);
    return new Result(cx, v, unshrunk, bound, networks, s.queries, s, (System.nanoTime() - start) / 1e9, levels, unknown, timedOut, List.copyOf(levelStats));
  }

  /** A listener that reports nothing. */
  public static final Listener SILENT = new Listener() {
    @Override
    public void level(int agents, long networks) {}

    @Override
    public void network(long done) {}
  };
}

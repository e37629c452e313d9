package org.mechcheck.search;

import java.util.ArrayList;
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
 * agents (one per isomorphism class, fewest edges first), every valuation (in the box, when one is
 * given), every deviation, asked of Z3. The violating network returned is the first in enumeration order of
 * the smallest size that has one (deterministic whatever the number of threads); it is shrunk
 * further. Otherwise the claim holds up to the largest size whose every network was decided
 * (UNKNOWN answers and the time limit stop that bound short). Every enumerated market has the
 * search's number of units for sale (1 unless given). A network still running when the time
 * limit passes is stopped at the mechanism's next comparison (or abandoned, after a grace, if
 * it makes none) and counted as undecided.
 *
 * <p>A search can be one shard of several ({@link #shard}): it then searches, at every size, the
 * slice of the enumeration {@link Enumerator#slice} deals to it (balanced by expected cost), in
 * enumeration order, and does not shrink what it finds: {@code mechcheck merge} puts the shards'
 * partial records together and picks the violation an unsharded search would have picked.
 *
 * <p>Progress: the listener hears of each network as it is finished, and of an estimate of the
 * time the size still needs, from the cost model ({@link Enumerator#costs}) fitted to the times
 * of the networks finished so far (the networks still to come are the larger ones).
 */
public final class Search {

  /** Progress of a running search, for the progress bar. */
  public interface Listener {
    void level(int agents, long networks);

    void network(long done);

    /** A size whose every network was decided and verified. */
    default void verified(ProofRecord.Level level) {}

    /** Seconds the current size is expected still to take (NaN while there is nothing to go by). */
    default void remaining(double seconds) {}

    /** A size done, whatever it found (the shard's partial record is written from these). */
    default void finished(LevelReport report) {}
  }

  /**
   * What the search of one size found: networks searched and queries asked, seconds, where the
   * time went, whether every network of the size (of the shard's slice) was searched and decided,
   * and the enumeration position of the first violating network (-1: none) with its confirmed
   * witness.
   */
  public record LevelReport(int agents, long networks, long queries, double seconds, Stats stats, boolean complete, boolean undecided,
      long firstViolation, Market witness, List<String> unknown) {
    public LevelReport {
      unknown = List.copyOf(unknown);
    }
  }

  public record Result(
      Market counterexample, Violation violation, Market unshrunk, int bound, long networks, long queries, Stats stats,
      double seconds, List<ProofRecord.Level> levels, List<String> unknown, boolean timedOut, List<LevelReport> reports) {

    public boolean refuted() {
      return counterexample != null;
    }

    /** Where the time went at each size in {@link #levels} (the sizes searched to the end). */
    public List<Stats> levelStats() {
      return reports.stream().filter(r -> r.complete() && r.firstViolation() < 0).map(LevelReport::stats).toList();
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
  private final int shard;
  private final int shards;
  private org.mechcheck.property.Others others = org.mechcheck.property.Others.ALL;
  private boolean certify;

  /** The others' reports an IC search ranges over (default {@code ALL}: dominant-strategy IC). */
  public Search others(org.mechcheck.property.Others o) {
    this.others = o;
    return this;
  }

  /** Whether a second solver re-decides every UNSAT answer (a disagreement leaves the network undecided). */
  public Search certify(boolean c) {
    this.certify = c;
    return this;
  }

  /** A single-unit search: values and costs in [0, box], each Z3 query limited to {@code timeoutMillis}, {@code threads} workers. */
  public Search(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, BigFraction box, int timeoutMillis, int threads) {
    this(mechanism, property, benchmark, networkClass, box, timeoutMillis, threads, 1);
  }

  /** A search whose enumerated markets have {@code units} units for sale (multi-unit mechanisms). */
  public Search(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, BigFraction box, int timeoutMillis, int threads,
      int units) {
    this(mechanism, property, benchmark, networkClass, box, timeoutMillis, threads, units, 0, 1);
  }

  private Search(Mechanism mechanism, Property property, Benchmark benchmark, NetworkClass networkClass, BigFraction box, int timeoutMillis, int threads,
      int units, int shard, int shards) {
    if (units < 1) throw new IllegalArgumentException("units must be at least 1, got " + units);
    if (shards < 1 || shard < 0 || shard >= shards) throw new IllegalArgumentException("shard " + (shard + 1) + " of " + shards);
    this.units = units;
    this.mechanism = mechanism;
    this.property = property;
    this.benchmark = benchmark;
    this.networkClass = networkClass;
    this.box = box;
    this.timeoutMillis = timeoutMillis;
    this.threads = Math.max(1, threads);
    this.shard = shard;
    this.shards = shards;
  }

  /** The same search restricted to shard {@code index} (0-based) of {@code count}: at every size, the slice {@link Enumerator#slice} deals it. */
  public Search shard(int index, int count) {
    return new Search(mechanism, property, benchmark, networkClass, box, timeoutMillis, threads, units, index, count).others(others).certify(certify);
  }

  /** One size's networks (the shard's slice), shared by the workers in enumeration order. */
  private final class Level {
    final int agents;
    final int[] positions;
    final double[] cost;
    int next;
    long firstViolation = Long.MAX_VALUE;
    int firstViolationSlot = -1;
    SymbolicChecker.Result violation;
    final List<String> unknown = new ArrayList<>();
    boolean undecided;
    boolean timedOut;
    final AtomicLong done = new AtomicLong();
    final Estimate estimate;

    Level(int agents) {
      this.agents = agents;
      double[] all = Enumerator.costs(networkClass, agents);
      positions = shards == 1 ? java.util.stream.IntStream.range(0, all.length).toArray() : Enumerator.slice(networkClass, agents, shard, shards);
      cost = new double[positions.length];
      for (int i = 0; i < positions.length; i++) cost[i] = all[positions[i]];
      estimate = new Estimate(cost, threads);
    }

    /** The next network: its place in this slice and the market, or null when there is none to hand out. */
    synchronized Item take(long deadline) {
      if (System.nanoTime() > deadline) timedOut = true;
      if (timedOut || failure != null || next >= positions.length || positions[next] > firstViolation) return null;
      int k = next++;
      return new Item(k, positions[k], Enumerator.stream(networkClass, agents, new int[] {positions[k]}).findFirst().orElseThrow().withUnits(units));
    }

    Throwable failure;
    private final java.util.Map<Thread, String> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    /** No more networks are handed out: the time limit passed. */
    synchronized void stop() {
      timedOut = true;
    }

    /** Whether the time limit stopped this level (whatever a worker throws after that is the stop reaching it). */
    synchronized boolean stopped() {
      return timedOut;
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

    synchronized void report(int slot, long index, Market m, SymbolicChecker.Result r) {
      if (r.status() == SymbolicChecker.Status3.VIOLATED && index < firstViolation) {
        firstViolation = index;
        firstViolationSlot = slot;
        violation = r;
      } else if (r.status() == SymbolicChecker.Status3.UNKNOWN) {
        undecided = true;
        if (unknown.size() < 10) unknown.add(m.name() + ": " + r.note());
      }
    }

    /**
     * Networks searched: after a violation, those up to the first violating one in enumeration order,
     * which is what one worker would have searched; networks a second worker had already taken past
     * it finish too, but how many depends on timing, and a count that changes from run to run cannot
     * be quoted.
     */
    synchronized long searched() {
      return violation == null ? done.get() : firstViolationSlot + 1;
    }

    /** Every network of the slice was handed out and finished (none abandoned, none left after a violation). */
    synchronized boolean complete() {
      return !timedOut && failure == null && next >= positions.length && violation == null && inFlight.isEmpty();
    }
  }

  /** A network handed out: its place in the slice, its position in the enumeration, the market. */
  private record Item(int slot, int position, Market market) {}

  /** Searches every network of the class with 1, 2, ..., {@code maxAgents} agents (0 for {@code timeLimitSeconds}: no limit). */
  public Result run(int maxAgents, double timeLimitSeconds, Listener listener) {
    long start = System.nanoTime();
    long deadline = timeLimitSeconds > 0 ? start + (long) (timeLimitSeconds * 1e9) : Long.MAX_VALUE;
    List<ProofRecord.Level> levels = new ArrayList<>();
    List<LevelReport> reports = new ArrayList<>();
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
      for (int t = 0; t < threads; t++) checkers.add(pool.submit(() -> new SymbolicChecker(box, timeoutMillis, others, certify)).get());
      for (int n = 1; n <= maxAgents; n++) {
        if (System.nanoTime() > deadline) return result(null, null, null, bound, networks, checkers, start, levels, unknown, true, reports); // not even counting the next size
        long levelStart = System.nanoTime(), queriesBefore = queries(checkers);
        Stats statsBefore = total(checkers);
        Level level = new Level(n);
        listener.level(n, level.positions.length);
        List<Future<?>> work = new ArrayList<>();
        List<Thread> running = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (SymbolicChecker z3 : checkers) {
          work.add(pool.submit(() -> {
            running.add(Thread.currentThread());
            try {
              Item item;
              while ((item = level.take(deadline)) != null) {
                Market m = item.market();
                level.running(m);
                long t0 = System.nanoTime();
                level.estimate.started(item.slot(), t0);
                if (mechanism.refusal(m).isEmpty()) level.report(item.slot(), item.position(), m, z3.check(mechanism, m, property, benchmark));
                level.running(null);
                level.estimate.finished(item.slot(), (System.nanoTime() - t0) / 1e9);
                listener.network(level.done.incrementAndGet());
                double left = level.estimate.remaining();
                if (!Double.isNaN(left)) listener.remaining(left);
              }
            } catch (org.mechcheck.num.Cancelled stopped) {
              level.stop(); // the network it was on stays undecided
            } catch (RuntimeException | Error failed) {
              // past the limit Z3 is told to stop mid-call, and may then throw from that call or refuse
              // the next ("push canceled", no model after a check it cut short): the network stays undecided
              if (level.stopped() || Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) level.stop();
              else level.fail(failed); // the other workers finish their network before it is rethrown
            } finally {
              running.remove(Thread.currentThread());
            }
            return null;
          }));
        }
        if (!await(work, deadline, level, running, checkers, listener)) {
          abandoned = true;
          level.stop();
          for (String name : level.inFlight()) unknown.add(name + ": still running " + GRACE_NANOS / 1_000_000_000 + " s after the time limit; abandoned, undecided");
        }
        if (level.failure != null) {
          if (level.failure instanceof RuntimeException r) throw r; // a mechanism's own failure, as it is
          throw (Error) level.failure;
        }
        networks += level.searched();
        unknown.addAll(level.unknown);
        double seconds = (System.nanoTime() - levelStart) / 1e9;
        long levelQueries = queries(checkers) - queriesBefore;
        LevelReport report = new LevelReport(n, level.searched(), levelQueries, seconds, total(checkers).since(statsBefore), level.complete(),
            level.undecided, level.violation == null ? -1 : level.firstViolation, level.violation == null ? null : level.violation.witness(), level.unknown);
        reports.add(report);
        listener.finished(report);
        if (level.violation != null) {
          if (shards > 1) { // the merge shrinks the violation it picks
            return result(level.violation.witness(), level.violation.violation(), level.violation.witness(), bound, networks, checkers, start, levels, unknown,
                false, reports);
          }
          Shrinker shrinker = new Shrinker(mechanism, property, benchmark, networkClass, others).until(deadline);
          Market small = shrinker.shrink(level.violation.witness());
          return result(small, shrinker.violation(small), level.violation.witness(), bound, networks, checkers, start, levels, unknown, false, reports);
        }
        if (level.timedOut) return result(null, null, null, bound, networks, checkers, start, levels, unknown, true, reports);
        levels.add(new ProofRecord.Level(n, level.done.get(), levelQueries, seconds));
        if (!level.undecided && bound == n - 1) {
          bound = n;
          listener.verified(levels.get(levels.size() - 1));
        }
      }
      return result(null, null, null, bound, networks, checkers, start, levels, unknown, false, reports);
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

  /**
   * The time a size still needs: the cost model's weights w of the networks of the slice, and the
   * seconds t of those finished, fitted as t = a * w^b (least squares on logarithms for b, clamped
   * to [0, 3]); the networks not yet finished, weighted so, divided among the threads. The scale a
   * is taken from the latest networks (the last tenth finished, at least 20) and from those still
   * running, each counted with the time it has run so far: the model misses some of the growth
   * along the enumeration (on CSM's IR search at n = 5 an a fitted to every finished network
   * promised 3 to 5 minutes for the last 20), and a network that has run longer than the model
   * gives it shows that the networks to come cost more. A running network is expected to need what
   * the model gives it less what it has had. Recomputed at most twice a second.
   */
  public static final class Estimate {
    private final double[] weight;
    private final boolean[] finished;
    private final long[] startedAt;
    private final int threads;
    private double sx, sy, sxx, sxy;
    private int count;
    /** The latest finished networks, oldest first: slot and seconds. */
    private final java.util.ArrayDeque<double[]> recent = new java.util.ArrayDeque<>();
    private long computedAt;
    private double last = Double.NaN;

    public Estimate(double[] weight, int threads) {
      this.weight = weight;
      this.finished = new boolean[weight.length];
      this.startedAt = new long[weight.length];
      this.threads = threads;
    }

    /** A worker began the network in {@code slot}, at {@code nanos} (System.nanoTime). */
    public synchronized void started(int slot, long nanos) {
      startedAt[slot] = nanos;
    }

    public synchronized void finished(int slot, double seconds) {
      finished[slot] = true;
      startedAt[slot] = 0;
      double x = Math.log(Math.max(weight[slot], 1e-9)), y = Math.log(Math.max(seconds, 1e-6));
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      count++;
      recent.addLast(new double[] {slot, seconds});
      while (recent.size() > Math.max(20, count / 10)) recent.removeFirst();
    }

    /** The exponent b of the fit so far (1 until there is a spread of weights to fit it to). */
    synchronized double exponent() {
      double var = sxx - sx * sx / count;
      if (count < 5 || var < 1e-6) return 1;
      return Math.max(0, Math.min(3, (sxy - sx * sy / count) / var));
    }

    /** Seconds of wall-clock time the networks not yet finished are expected to take; NaN before the first network. */
    public synchronized double remaining() {
      return remaining(System.nanoTime());
    }

    /** {@link #remaining()} as of {@code now} (System.nanoTime). */
    synchronized double remaining(long now) {
      if (count == 0) return Double.NaN;
      if (now - computedAt < 500_000_000L && !Double.isNaN(last)) return last;
      double b = exponent(), seconds = 0, weighted = 0;
      for (double[] r : recent) {
        seconds += r[1];
        weighted += Math.pow(Math.max(weight[(int) r[0]], 1e-9), b);
      }
      for (int i = 0; i < weight.length; i++) {
        if (startedAt[i] != 0) {
          seconds += (now - startedAt[i]) / 1e9;
          weighted += Math.pow(Math.max(weight[i], 1e-9), b);
        }
      }
      double a = weighted > 0 ? seconds / weighted : 0, rest = 0;
      for (int i = 0; i < weight.length; i++) {
        if (finished[i]) continue;
        double expected = a * Math.pow(Math.max(weight[i], 1e-9), b);
        rest += startedAt[i] != 0 ? Math.max(0, expected - (now - startedAt[i]) / 1e9) : expected;
      }
      computedAt = now;
      last = rest / threads;
      return last;
    }
  }

  /** How long past the time limit a running network may take to stop before it is abandoned. */
  static final long GRACE_NANOS = 2_000_000_000L;

  /**
   * Waits for the workers. Past the time limit the workers still running are interrupted (their
   * mechanism stops at its next comparison) and Z3 is told to stop; false when one has not
   * finished within the grace after that.
   */
  private static boolean await(List<Future<?>> work, long deadline, Level level, List<Thread> running, List<SymbolicChecker> checkers, Listener listener)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    boolean stopping = false;
    for (Future<?> f : work) {
      while (true) {
        boolean limited = deadline != Long.MAX_VALUE;
        long left = limited ? (stopping ? deadline + GRACE_NANOS : deadline) - System.nanoTime() : Long.MAX_VALUE;
        try {
          f.get(Math.max(Math.min(left, TICK_NANOS), 1), java.util.concurrent.TimeUnit.NANOSECONDS);
          break;
        } catch (java.util.concurrent.TimeoutException late) {
          if (left > TICK_NANOS) { // a tick: the estimate again, as the networks still running take longer
            double remaining = level.estimate.remaining();
            if (!Double.isNaN(remaining)) listener.remaining(remaining);
            continue;
          }
          if (stopping) return false;
          stopping = true;
          level.stop(); // first, so that a worker sees the stop before Z3's cancellation reaches it
          for (Thread t : running) t.interrupt();
          for (SymbolicChecker z3 : checkers) z3.interrupt();
        }
      }
    }
    return true;
  }

  /** How often the estimate is refreshed while no network finishes. */
  private static final long TICK_NANOS = 5_000_000_000L;

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
      List<ProofRecord.Level> levels, List<String> unknown, boolean timedOut, List<LevelReport> reports) {
    Stats s = total(checkers);
    return new Result(cx, v, unshrunk, bound, networks, s.queries, s, (System.nanoTime() - start) / 1e9, levels, unknown, timedOut, List.copyOf(reports));
  }

  /** A listener that reports nothing. */
  public static final Listener SILENT = new Listener() {
    @Override
    public void level(int agents, long networks) {}

    @Override
    public void network(long done) {}
  };
}

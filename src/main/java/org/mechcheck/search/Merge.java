package org.mechcheck.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.store.InputException;
import org.mechcheck.store.PartialRecord;
import org.mechcheck.store.ProofRecord;

/**
 * The shards of one search, put together as the unsharded search would have found it. The parts
 * must be the N slices of one search: the same subject (claim, mechanism, property, benchmark,
 * class, box, units, mechanism source, command), the same bound, the same version (commit, code
 * digest, Z3) and options (Z3 timeout), each shard 1..N exactly once, and at every size each
 * part must have searched as many networks as its slice holds ({@link Enumerator#slice}). Then the
 * sizes are taken in order, as the search takes them: a size every part searched to the end with
 * no violation is verified (networks, queries, seconds and paths summed over the parts; its bound
 * stays short if a network was undecided); at the first size some part did not finish, the
 * violation at the smallest enumeration position among the parts that found one at that size is
 * the search's counterexample, the one the unsharded search picks (the first violating network of
 * the smallest size); with none, the bound ends before that size.
 */
public final class Merge {
  private Merge() {}

  /**
   * The combined search: the levels verified (to {@code bound}), the violation picked (null: none),
   * notes (a part that stopped early, a violation at a later size), and the parts' totals.
   */
  public record Result(ProofRecord.Subject subject, int maxAgents, int shards, List<ProofRecord.Level> levels, int bound, PartialRecord.Violation violation,
      int violationShard, List<String> notes, List<String> unknown, long paths, double seconds, double solverSeconds, boolean timedOut, String secondSolver) {

    public boolean refuted() {
      return violation != null;
    }

    public Market witness() {
      return violation == null ? null : violation.witness();
    }
  }

  public static Result merge(List<String> files, List<PartialRecord> parts) {
    if (parts.isEmpty()) throw new InputException("merge: no partial records given");
    PartialRecord first = parts.get(0);
    String a = files.get(0);
    TreeMap<Integer, Integer> byShard = new TreeMap<>();
    for (int k = 0; k < parts.size(); k++) {
      PartialRecord p = parts.get(k);
      String f = files.get(k);
      same(a, f, "the search (claim, mechanism, property, benchmark, class, box, units, command, quantifier)", subjectKey(first.subject()), subjectKey(p.subject()));
      same(a, f, "mechanismSource", first.subject().source(), p.subject().source());
      same(a, f, "maxAgents", first.maxAgents(), p.maxAgents());
      same(a, f, "shard.count", first.shards(), p.shards());
      same(a, f, "version.commit (mechcheck's commit)", first.version().commit(), p.version().commit());
      same(a, f, "version.code (mechcheck's classes)", first.version().code(), p.version().code());
      same(a, f, "version.z3", first.version().z3(), p.version().z3());
      same(a, f, "z3Timeout", first.z3Timeout(), p.z3Timeout());
      same(a, f, "secondSolver", first.secondSolver(), p.secondSolver());
      Integer earlier = byShard.put(p.shard(), k);
      if (earlier != null) {
        throw new InputException(f + ": shard " + p.shard() + " of " + p.shards() + " is also " + files.get(earlier) + ": the slices overlap; give each shard once");
      }
    }
    int shards = first.shards();
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= shards; i++) if (!byShard.containsKey(i)) missing.add(i);
    if (!missing.isEmpty()) throw new InputException("merge: shard" + (missing.size() == 1 ? " " : "s ") + join(missing) + " of " + shards + " missing");
    NetworkClass nc = NetworkClass.parse(first.subject().networkClass())
        .orElseThrow(() -> new InputException(a + ": class: unknown network class '" + first.subject().networkClass() + "'"));
    // every part searched its own slice: as many networks as the slice holds, at every size it finished
    for (int k = 0; k < parts.size(); k++) {
      PartialRecord p = parts.get(k);
      for (PartialRecord.Level l : p.levels()) {
        if (l.agents() > p.maxAgents()) throw new InputException(files.get(k) + ": levels: size " + l.agents() + " is beyond maxAgents " + p.maxAgents());
        int slice = Enumerator.slice(nc, l.agents(), p.shard() - 1, shards).length;
        if (l.complete() && l.networks() != slice) {
          throw new InputException(files.get(k) + ": levels[" + (l.agents() - 1) + "].networks: " + l.networks() + " networks with " + l.agents()
              + " agents, but shard " + p.shard() + " of " + shards + " has " + slice + " (another enumeration or slicing)");
        }
      }
    }
    List<ProofRecord.Level> levels = new ArrayList<>();
    List<String> notes = new ArrayList<>(), unknown = new ArrayList<>();
    long paths = 0;
    double seconds = 0, solver = 0;
    boolean timedOut = false;
    for (PartialRecord p : parts) {
      paths += p.paths();
      seconds += p.seconds();
      solver += p.solverSeconds();
      unknown.addAll(p.unknown());
      timedOut |= p.timedOut();
    }
    int bound = 0;
    PartialRecord.Violation picked = null;
    int pickedShard = 0;
    for (int n = 1; n <= first.maxAgents(); n++) {
      boolean all = true, undecided = false;
      long nets = 0, qs = 0;
      double secs = 0;
      for (PartialRecord p : parts) {
        PartialRecord.Level l = n <= p.levels().size() ? p.levels().get(n - 1) : null;
        if (l == null || !l.complete()) all = false;
        if (l != null) {
          nets += l.networks();
          qs += l.queries();
          secs += l.seconds();
          undecided |= l.undecided();
        }
      }
      if (all) {
        levels.add(new ProofRecord.Level(n, nets, qs, secs));
        if (!undecided && bound == n - 1) bound = n;
        continue;
      }
      for (PartialRecord p : byShard.values().stream().map(parts::get).toList()) {
        PartialRecord.Violation v = p.violation();
        if (v != null && v.agents() == n && (picked == null || v.position() < picked.position())) {
          picked = v;
          pickedShard = p.shard();
        }
      }
      for (PartialRecord p : byShard.values().stream().map(parts::get).toList()) {
        PartialRecord.Level l = n <= p.levels().size() ? p.levels().get(n - 1) : null;
        boolean stoppedByItsViolation = p.violation() != null && p.violation().agents() == n;
        if (l == null && !stoppedByItsViolation) notes.add("shard " + p.shard() + " did not finish the networks with " + n + " agents" + (p.timedOut() ? " (time limit)" : ""));
        else if (l != null && !l.complete() && !stoppedByItsViolation) notes.add("shard " + p.shard() + " did not finish the networks with " + n + " agents" + (p.timedOut() ? " (time limit)" : ""));
      }
      if (picked != null && !notes.isEmpty()) notes.add("the violation picked is the first among the shards that got that far, not necessarily the first of the size");
      break;
    }
    for (PartialRecord p : parts) {
      PartialRecord.Violation v = p.violation();
      if (v != null && v != picked && (picked == null || v.agents() > picked.agents())) {
        notes.add("shard " + p.shard() + " also found a violation with " + v.agents() + " agents (" + v.witness().name() + ")" + (picked == null ? ", but the smaller sizes are not complete in every shard" : ""));
      }
    }
    return new Result(first.subject(), first.maxAgents(), shards, levels, bound, picked, pickedShard, notes, unknown, paths, seconds, solver, timedOut, first.secondSolver());
  }

  private static List<Object> subjectKey(ProofRecord.Subject s) {
    return java.util.Arrays.asList(s.claim(), s.mechanism(), s.property(), s.benchmark(), s.networkClass(), s.box(), s.units(), s.deviations(), s.command(),
        s.quantifier());
  }

  private static void same(String a, String b, String what, Object x, Object y) {
    if (!Objects.equals(x, y)) throw new InputException(b + ": " + what + " differs from " + a + "'s (" + y + " here, " + x + " there): parts of different searches or versions");
  }

  private static String join(List<Integer> xs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < xs.size(); i++) sb.append(i == 0 ? "" : i == xs.size() - 1 ? " and " : ", ").append(xs.get(i));
    return sb.toString();
  }
}

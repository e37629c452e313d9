package org.mechcheck.mutants;

import java.util.List;
import org.mechcheck.search.Search;

/**
 * Runs every variant of the {@link Catalogue} (or only the quick ones) through the bounded search
 * and reports the kill rate: a faulty variant is killed when the search refutes its property on
 * a network of at most its stated size, a harmless one passes when the search verifies every
 * network up to its stated size. {@code scripts/mutants.sh} runs it; the test suite runs the quick
 * ones ({@code MutantsTest}).
 */
public final class MutantSuite {
  private MutantSuite() {}

  /** What the search said of one variant. */
  record Outcome(Catalogue.Entry entry, boolean refuted, int agents, int bound, double seconds, String detail) {
    /** Killed (faulty) or left alone (harmless), at the stated size. */
    boolean asExpected() {
      return entry.faulty() ? refuted && agents <= entry.agents() : !refuted && bound >= entry.agents();
    }
  }

  /** For choosing a faulty variant's entry: the first size at which each property of the original kills it. */
  static void survey(int maxAgents, double limit) {
    for (Catalogue.Entry e : Catalogue.all()) {
      if (!e.faulty()) continue;
      for (org.mechcheck.property.Property p : List.of(org.mechcheck.property.Property.IR, org.mechcheck.property.Property.IC,
          org.mechcheck.property.Property.BB, org.mechcheck.property.Property.REV, org.mechcheck.property.Property.NW, org.mechcheck.property.Property.EFF)) {
        if (p == org.mechcheck.property.Property.NW && e.units() == 1) continue;
        Catalogue.Entry q = new Catalogue.Entry(e.mutant(), true, p, e.networkClass(), e.units() > 1 ? org.mechcheck.property.Benchmark.K_VICKREY : e.benchmark(), e.units(), maxAgents, false);
        Outcome o = run(q, limit);
        System.out.printf("%-52s %s %6.1f s  %s%n", q.id(), o.refuted() ? "killed@" + o.agents() : "survived n<=" + o.bound(), o.seconds(), o.detail());
      }
    }
  }

  static Outcome run(Catalogue.Entry e, double timeLimit) {
    Search.Result r = new Search(e.mutant(), e.property(), e.benchmark(), e.networkClass(), null, 30_000, 2, e.units()).run(e.agents(), timeLimit, Search.SILENT);
    int size = r.refuted() ? r.unshrunk().agentCount() : 0;
    return new Outcome(e, r.refuted(), size, r.bound(), r.seconds(), r.refuted() ? r.violation().detail() : r.networks() + " networks verified");
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("survey")) {
      survey(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
      return;
    }
    boolean all = args.length > 0 && args[0].equals("all");
    double limit = args.length > 1 ? Double.parseDouble(args[1]) : 300;
    List<Catalogue.Entry> entries = Catalogue.all().stream().filter(e -> all || e.quick()).toList();
    int faulty = 0, killed = 0, harmless = 0, flagged = 0;
    for (Catalogue.Entry e : entries) {
      Outcome o = run(e, limit);
      if (e.faulty()) {
        faulty++;
        if (o.asExpected()) killed++;
      } else {
        harmless++;
        if (o.refuted()) flagged++;
      }
      System.out.printf("%-8s %-52s n<=%d  %-8s %6.1f s  %s%n", o.asExpected() ? "ok" : "MISSED", e.id(), e.agents(),
          e.faulty() ? (o.refuted() ? "killed@" + o.agents() : "survived") : (o.refuted() ? "FLAGGED" : "clean"), o.seconds(), o.detail());
    }
    System.out.printf("kill rate: %d of %d faulty variants killed at their stated bound; %d of %d harmless variants flagged%n", killed, faulty, flagged, harmless);
  }
}

package org.mechcheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.property.Others;
import org.mechcheck.sra.DeviationSearch;

/**
 * The engine's optimisations ({@link org.mechcheck.smt.Tuning}) change how many solver calls a
 * search makes, never what it finds: for every registered claim about a network mechanism (every
 * property, benchmark, class and number of units the claims use, and 001's protocol deviations),
 * the search with every optimisation off and with all of them on gives, size by size, the same
 * networks, the same verdict, bound and first violating network. Every optimisation but four keeps
 * the work itself as it was, and is held to more: with all of them on but {@code oneQuery} (which
 * asks one agent's deviations as one query), {@code reuse} (which puts a bid into an explored
 * run instead of exploring it again), {@code sharedRun} (which explores the intended run of a
 * protocol once per network, not once per agent) and {@code shared} (which asks a deviation that is
 * already in its batch only once), the same queries and the same paths too. One thread,
 * so that a refuted search stops at the same network every time. Values are unbounded, as the
 * evidence searches them; IC against truthful others for every claim, and over the others'
 * reports (DSIC) for five IC claims of four mechanisms. Every claim searched with values in
 * [0, 100] too ({@code --box}, which {@code unboxed} leaves to the queries): off and on, the same
 * findings.
 */
class EngineEquivalenceTest {
  /** Sizes compared in the suite: every network of every class up to this many agents. */
  static final int AGENTS = 3;

  /** IC claims compared under the full quantifier too (every claim is compared against truthful others). */
  static final List<String> DSIC = List.of("idm/ic/social", "csm/ic/general", "vcg/ic/general", "idm-tc/ic/tree", "gidm/ic/social-tree-k1");

  /** What a search found and how much it asked, size by size. */
  record Trace(String verdict, int bound, String firstViolation, long networks, long queries, long paths, List<String> levels, List<Long> networksPerSize) {
    /** What it found, without how much it asked. */
    List<Object> found() {
      return List.of(verdict, bound, firstViolation == null ? "none" : firstViolation, networks, networksPerSize);
    }
  }

  @TestFactory
  Stream<DynamicTest> optimisationsLeaveEverySearchAsItWas() throws Exception {
    List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    Stream<DynamicTest> every = claims.stream().filter(c -> !c.modelClaim()).map(c -> DynamicTest.dynamicTest(c.id(), () -> compare(c, Others.TRUTHFUL, "")));
    Stream<DynamicTest> dsic = claims.stream().filter(c -> DSIC.contains(c.id())).map(c -> DynamicTest.dynamicTest(c.id() + " DSIC", () -> compare(c, Others.ALL,
        " over the others' reports")));
    Stream<DynamicTest> boxed = claims.stream().filter(c -> !c.modelClaim() && !c.protocolDeviations()).map(c -> DynamicTest.dynamicTest(c.id() + " boxed", () -> {
      Trace off = with("none", () -> trace(c, AGENTS, Others.TRUTHFUL, BOX)), on = with("", () -> trace(c, AGENTS, Others.TRUTHFUL, BOX));
      assertEquals(off.found(), on.found(), c.id() + ": the search with values in [0, 100], every optimisation off, then on");
    }));
    return Stream.concat(Stream.concat(every, dsic), boxed);
  }

  static final BigFraction BOX = BigFraction.of(100);

  private static void compare(Claim c, Others others, String what) {
    Trace off = with("none", () -> trace(c, AGENTS, others)), same = with("-oneQuery,-reuse,-sharedRun,-shared", () -> trace(c, AGENTS, others)),
        on = with("", () -> trace(c, AGENTS, others));
    assertEquals(off, same, c.id() + ": the search" + what + " with every optimisation off, then every one but oneQuery, reuse, sharedRun and shared on");
    assertEquals(off.found(), on.found(), c.id() + ": the search" + what + " with every optimisation off, then on");
  }

  /** The search of the claim as the evidence runs it (values unbounded; IC over the others' reports {@code others} says). */
  private static Trace trace(Claim c, int agents, Others others) {
    return trace(c, agents, others, null);
  }

  /** As above, with values and costs in [0, box] (null: unbounded); protocol deviations are always boxed. */
  private static Trace trace(Claim c, int agents, Others others, BigFraction box) {
    int n = c.protocolDeviations() ? agents : Math.max(agents, c.units());
    if (c.protocolDeviations()) {
      DeviationSearch.Result r = DeviationSearch.run(c.deviations(), c.networkClass(), n, BOX, 60_000, 0, x -> {});
      List<String> levels = new ArrayList<>();
      for (var l : r.levels()) levels.add(l.agents() + ": " + l.networks() + " networks, " + l.queries() + " queries");
      return new Trace(r.finding() != null ? "refuted" : "verified", r.bound(), r.finding() == null ? null : r.finding().witness().name(), r.networks(),
          r.queries(), r.stats().paths, levels, r.levels().stream().map(l -> (long) l.networks()).toList());
    }
    Search.Result r = new Search(Mechanisms.byName(c.mechanism()).orElseThrow(), c.property(), c.benchmark(), c.networkClass(), box, 60_000, 1,
        c.units()).others(others).run(n, 0, Search.SILENT);
    List<String> levels = new ArrayList<>();
    for (int k = 0; k < r.levels().size(); k++) {
      var l = r.levels().get(k);
      levels.add(l.agents() + ": " + l.networks() + " networks, " + l.queries() + " queries, " + r.levelStats().get(k).paths + " paths");
    }
    return new Trace(r.refuted() ? "refuted" : "verified", r.bound(), r.refuted() ? r.unshrunk().name() : null, r.networks(), r.queries(), r.stats().paths, levels,
        r.levels().stream().map(l -> (long) l.networks()).toList());
  }

  /** Runs {@code body} with the system property mechcheck.tuning set (the engine reads it when it is built). */
  static <T> T with(String tuning, Supplier<T> body) {
    String before = System.getProperty("mechcheck.tuning");
    System.setProperty("mechcheck.tuning", tuning);
    try {
      return body.get();
    } finally {
      if (before == null) System.clearProperty("mechcheck.tuning");
      else System.setProperty("mechcheck.tuning", before);
    }
  }
}

package org.mechcheck.property;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.store.Counterexample;

/**
 * Re-runs a saved counterexample exactly and says whether its violation still shows. Nothing is
 * taken from the file but the market, the agent and the deviation: the numbers are recomputed
 * and compared with the recorded ones.
 *
 * <ul>
 *   <li>IC: the violation shows iff the agent's utility under the deviation exceeds her truthful utility;
 *   <li>IR: iff her truthful utility is below 0 or, with a deviation (whom she informs), her utility under it is;
 *   <li>BB, EFF, REV, LEMMA1: iff {@link Checker} still reports a violation of the property on the
 *       market (for LEMMA1 naming the same intermediary when the file names one).
 * </ul>
 */
public final class Replay {
  private static final Exact A = Exact.INSTANCE;

  /**
   * The replay of {@code counterexample} on {@code mechanism}: whether the violation shows, the
   * recomputed numbers (utilities for IR and IC; revenue or welfare and benchmark otherwise),
   * whether they equal the recorded ones, and one line saying what happened.
   */
  public record Result(
      Counterexample counterexample, String mechanism, boolean violates, BigFraction truthful, BigFraction deviating,
      boolean matchesRecord, String detail) {}

  private Replay() {}

  /** Replays on the counterexample's own mechanism. */
  public static Result of(Counterexample c) {
    Mechanism m = Mechanisms.byName(c.mechanism())
        .orElseThrow(() -> new IllegalArgumentException("unknown mechanism '" + c.mechanism() + "'"));
    return on(c, m);
  }

  /** Replays on the mechanisms of {@code fixedBy}, in order: each result should not violate. */
  public static List<Result> fixes(Counterexample c) {
    List<Result> out = new ArrayList<>();
    for (String name : c.fixedBy()) {
      out.add(on(c, Mechanisms.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown mechanism '" + name + "'"))));
    }
    return out;
  }

  /** Replays on another mechanism (e.g. a variant that fixes the flaw); the market must be in its domain. */
  public static Result on(Counterexample c, Mechanism mechanism) {
    Market market = c.market();
    Optional<String> refusal = mechanism.refusal(market);
    if (refusal.isPresent()) throw new IllegalArgumentException("cannot replay on " + mechanism.name() + ": " + refusal.get());
    Profile<BigFraction> truthful = Profile.truthful(market, A);
    Outcome<BigFraction> outcome = mechanism.run(truthful, A);
    return switch (c.property()) {
      case IC, IR -> agentLevel(c, mechanism, truthful, outcome);
      case BB, EFF, REV, NW, EQ, LEMMA1 -> marketLevel(c, mechanism, truthful, outcome);
    };
  }

  private static Result agentLevel(Counterexample c, Mechanism mech, Profile<BigFraction> truthful, Outcome<BigFraction> outcome) {
    Market market = c.market();
    int v = c.agent();
    if (v <= 0) throw new IllegalArgumentException(c.property() + " counterexample without an agent");
    String who = market.id(v);
    BigFraction t = utility(outcome, v);
    Deviation d = c.deviation();
    BigFraction dv = t;
    if (d != null && !d.isTruthful()) {
      Profile<BigFraction> p = truthful.deviate(v, d.bid() == null ? null : A.of(d.bid()), d.informs());
      dv = utility(mech.run(p, A), v);
    }
    boolean violates;
    String what;
    if (c.property() == Property.IC) {
      violates = d != null && dv.compareTo(t) > 0;
      what = who + ": truthful utility " + Rationals.format(t) + ", deviating " + Rationals.format(dv)
          + (violates ? " (gains " + Rationals.format(dv.subtract(t)) + ")" : " (no gain)");
    } else {
      violates = t.signum() < 0 || dv.signum() < 0;
      what = who + ": truthful utility " + Rationals.format(t) + (d == null ? "" : ", deviating " + Rationals.format(dv))
          + (violates ? " (below 0)" : " (not below 0)");
    }
    return result(c, mech, violates, t, dv, what);
  }

  private static Result marketLevel(Counterexample c, Mechanism mech, Profile<BigFraction> truthful, Outcome<BigFraction> outcome) {
    Market market = c.market();
    BigFraction t, dv;
    switch (c.property()) {
      case BB -> {
        t = outcome.revenue(A);
        dv = BigFraction.ZERO;
      }
      case EFF -> {
        t = Checker.welfare(outcome);
        dv = Checker.optimalWelfare(truthful, A);
      }
      case NW -> {
        t = outcome.unitsAllocated();
        dv = BigFraction.of(market.units());
      }
      case REV -> {
        t = outcome.revenue(A);
        dv = c.benchmark().value(truthful, A);
      }
      default -> {
        t = BigFraction.ZERO;
        dv = BigFraction.ZERO;
      }
    }
    Benchmark bench = c.benchmark() == null ? Benchmark.VICKREY : c.benchmark();
    if (c.property() == Property.EQ) {
      t = BigFraction.ZERO;
      dv = BigFraction.ZERO;
    }
    List<Violation> found = new Checker(mech, bench).check(market, EnumSet.of(c.property()));
    Violation hit = null;
    for (Violation v : found) {
      if (v.property() != c.property()) continue;
      if (c.property() == Property.LEMMA1 && c.agent() >= 0 && v.agent() != c.agent()) continue;
      hit = v;
      break;
    }
    if (hit != null) {
      t = hit.truthful();
      dv = hit.deviating();
    }
    String what = switch (c.property()) {
      case BB -> "revenue " + Rationals.format(t);
      case EFF -> "welfare " + Rationals.format(t) + ", optimal " + Rationals.format(dv);
      case REV -> "revenue " + Rationals.format(t) + ", " + bench.id() + " benchmark " + Rationals.format(dv);
      case NW -> Rationals.format(t) + " of " + Rationals.format(dv) + " units allocated";
      default -> hit != null ? hit.detail() : "Lemma 1 holds" + (c.agent() >= 0 ? " for " + market.id(c.agent()) : "");
    };
    if (hit != null && c.property() != Property.LEMMA1) what = hit.detail();
    if (hit == null && c.property() == Property.EQ) what = "the outcome equals " + bench.id() + "'s";
    return result(c, mech, hit != null, t, dv, what);
  }

  private static Result result(Counterexample c, Mechanism mech, boolean violates, BigFraction t, BigFraction dv, String what) {
    boolean matches = t.compareTo(c.truthful()) == 0 && dv.compareTo(c.deviating()) == 0;
    return new Result(c, mech.name(), violates, t, dv, matches, what);
  }

  private static BigFraction utility(Outcome<BigFraction> o, int v) {
    Market m = o.market();
    return o.utility(v, m.agent(v).value(), m.agent(v).cost(), A);
  }
}

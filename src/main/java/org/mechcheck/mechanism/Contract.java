package org.mechcheck.mechanism;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.num.Exact;

/**
 * One {@code ensures} clause of the JML contract a mechanism writes on its {@code run}: the
 * clause as the JML comment has it (whitespace aside; {@code ContractsTest} holds the two
 * together) and its check on an exact outcome, written with the same pure methods, over
 * {@code profile}, {@code arith} and {@code result} as the clause names them.
 *
 * <p>{@link #run} is where exact runs pass through the contracts: property checks, replays and
 * {@code mechcheck run} call it, and with assertions on (as in the tests) every clause of the
 * mechanism's {@link Mechanism#contracts} is checked on every outcome, so that a contract that
 * stops holding fails a test. Without assertions it costs nothing.
 */
public record Contract(String jml, Check check) {

  /** The clause on one run: the profile it ran on, the arithmetic, the outcome. */
  @FunctionalInterface
  public interface Check {
    boolean holds(Profile<BigFraction> profile, Arith<BigFraction> arith, Outcome<BigFraction> result);
  }

  /** The clauses of the mechanism's contract that this outcome breaks (empty: it keeps them all). */
  public static List<String> broken(Mechanism mechanism, Profile<BigFraction> profile, Outcome<BigFraction> result) {
    List<String> out = new ArrayList<>();
    for (Contract c : mechanism.contracts()) {
      if (!c.check().holds(profile, Exact.INSTANCE, result)) out.add(c.jml());
    }
    return out;
  }

  /** True, or AssertionError naming the clauses the outcome breaks: for {@code assert}. */
  public static boolean hold(Mechanism mechanism, Profile<BigFraction> profile, Outcome<BigFraction> result) {
    List<String> broken = broken(mechanism, profile, result);
    if (!broken.isEmpty()) {
      throw new AssertionError(mechanism.name() + " on " + profile.market().name() + " breaks its contract: ensures " + String.join("; ensures ", broken));
    }
    return true;
  }

  /** The mechanism's exact outcome on the profile, its contract checked when assertions are on. */
  public static Outcome<BigFraction> run(Mechanism mechanism, Profile<BigFraction> profile) {
    Outcome<BigFraction> o = mechanism.run(profile, Exact.INSTANCE);
    assert hold(mechanism, profile, o);
    return o;
  }
}

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

  // the clauses several mechanisms' contracts share, each as its JML says it

  /** One unit: at most one winner. */
  public static final Contract ONE_WINNER = new Contract("\\result.winners().length <= 1", (profile, arith, result) -> result.winners().length <= 1);

  /** k units: at most k winners. */
  public static final Contract AT_MOST_K_WINNERS = new Contract("\\result.winners().length <= profile.market().units()",
      (profile, arith, result) -> result.winners().length <= profile.market().units());

  /** An agent who never hears of the sale pays nothing. */
  public static final Contract UNINFORMED_PAY_NOTHING = new Contract(
      "(\\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\\result.payment(v), arith.zero()))",
      (profile, arith, result) -> java.util.stream.IntStream.range(1, profile.market().size())
          .allMatch(v -> profile.graph().informed(v) || arith.eq(result.payment(v), arith.zero())));

  /** An agent who never hears of the sale pays nothing and wins nothing. */
  public static final Contract UNINFORMED_PAY_AND_WIN_NOTHING = new Contract(
      "(\\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\\result.payment(v), arith.zero()) && \\result.allocation(v).signum() == 0)",
      (profile, arith, result) -> java.util.stream.IntStream.range(1, profile.market().size())
          .allMatch(v -> profile.graph().informed(v) || arith.eq(result.payment(v), arith.zero()) && result.allocation(v).signum() == 0));

  /** Every winner hears of the sale. */
  public static final Contract WINNERS_INFORMED = new Contract(
      "(\\forall int i; 0 <= i && i < \\result.winners().length; profile.graph().informed(\\result.winners()[i]))",
      (profile, arith, result) -> java.util.Arrays.stream(result.winners()).allMatch(w -> profile.graph().informed(w)));

  /** A sale goes along a trading chain from the seller to a bidder. */
  public static final Contract CHAIN_TO_A_BIDDER = new Contract(
      "\\result.sold() ==> \\result.chains().get(0)[0] == 0 && profile.market().isBidder(\\result.winners()[0])",
      (profile, arith, result) -> !result.sold() || result.chains().get(0)[0] == 0 && profile.market().isBidder(result.winners()[0]));

  /** A randomised mechanism hands the item out with probability 1 exactly when someone is informed. */
  public static final Contract SOLD_WHEN_ANYONE_IS_INFORMED = new Contract(
      "\\result.unitsAllocated().compareTo(profile.graph().informed().isEmpty() ? BigFraction.ZERO : BigFraction.ONE) == 0",
      (profile, arith, result) -> result.unitsAllocated().compareTo(profile.graph().informed().isEmpty() ? BigFraction.ZERO : BigFraction.ONE) == 0);

  /** No trading chain: the item moves otherwise. */
  public static final Contract NO_CHAIN = new Contract("\\result.chains().isEmpty()", (profile, arith, result) -> result.chains().isEmpty());

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

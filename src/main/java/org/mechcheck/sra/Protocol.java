package org.mechcheck.sra;

import org.mechcheck.mechanism.Contract;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;

/**
 * The sequential resale auction as a mechanism ({@code sra}): every agent plays the intended
 * message passing and computation, and reveals what the report profile says (her bid, whom she
 * invites); the outcome is the exact expectation over every random choice of an inviter,
 * enumerated (each run of the distributed protocol weighted by its probability). This is what
 * 001 §3 calls the centralized reduction of the protocol, computed by running the protocol.
 */
public final class Protocol implements Mechanism {
  /** The most random outcomes enumerated; networks that could need more are refused with the bound. */
  public static final long RUN_LIMIT = 100_000;

  @Override
  public String name() {
    return "sra";
  }

  @Override
  public String description() {
    return "sequential resale auction, the distributed protocol run with in-process agents; exact expectation over the inviter choices";
  }

  @Override
  public String source() {
    return "001 §4.1 (Eq. 1, 2), §5.1";
  }

  @Override
  public String domain() {
    return "single unit; every agent a bidder; at most " + RUN_LIMIT + " combinations of inviter choices";
  }

  /** 001's message-passing and computational actions, searched by {@link DeviationSearch} (see {@link ProtocolDeviations}). */
  @Override
  public java.util.List<String> deviationFamilies() {
    return DeviationSearch.FAMILIES;
  }

  @Override
  public Optional<String> refusal(Market market) {
    Optional<String> outside = org.mechcheck.mechanism.SingleUnitSocial.refusal(name(), market);
    if (outside.isPresent()) return outside;
    BigInteger bound = choiceBound(market);
    if (bound.compareTo(BigInteger.valueOf(RUN_LIMIT)) > 0) {
      return Optional.of("sra enumerates every random choice; " + market.name() + " may need up to " + bound + " runs (limit " + RUN_LIMIT + ")");
    }
    return Optional.empty();
  }

  /**
   * A bound on the runs of any report profile: an agent chooses among her a inviters (stage 2)
   * and, holding the item at most once, among at most b tied invitees (stage 3), with a + b at
   * most her degree d, so a·b &lt;= max(d, d²/4); the seller chooses among at most her degree.
   */
  public static BigInteger choiceBound(Market m) {
    BigInteger b = BigInteger.valueOf(Math.max(1, m.neighbours(0).length));
    for (int v = 1; v < m.size(); v++) {
      long d = m.neighbours(v).length;
      b = b.multiply(BigInteger.valueOf(Math.max(1, Math.max(d, d * d / 4))));
    }
    return b;
  }

  /** The intended agents revealing what the profile says. */
  public static <N> List<Actor<N>> intended(Profile<N> p) {
    return agents(p, v -> null);
  }

  /** The intended agents, except where {@code override} gives another actor for a node. */
  public static <N> List<Actor<N>> agents(Profile<N> p, IntFunction<Actor<N>> override) {
    List<Actor<N>> actors = new ArrayList<>();
    for (int v = 0; v < p.market().size(); v++) {
      Actor<N> a = override.apply(v);
      actors.add(a != null ? a : SraAgent.intended(v == 0, revelation(p, v)));
    }
    return actors;
  }

  /** t_v as the profile reports it; the seller informs all her neighbours. */
  public static <N> Strategies.Revelation<N> revelation(Profile<N> p, int v) {
    return new Strategies.Revelation<>(v == 0 ? null : p.bid(v), p.informs(v));
  }

  // the item goes to one informed agent with probability 1 (none when nobody is informed), along no trading chain
  /*@ also
    @ ensures (\forall int v; 0 < v && v < profile.market().size(); !profile.graph().informed(v) ==> arith.eq(\result.payment(v), arith.zero()) && \result.allocation(v).signum() == 0);
    @ ensures \result.unitsAllocated().compareTo(profile.graph().informed().isEmpty() ? BigFraction.ZERO : BigFraction.ONE) == 0;
    @ ensures \result.chains().isEmpty();
    @*/
  @Override
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    return expectation(profile.market(), () -> intended(profile), arith);
  }

  /** The exact expectation of the protocol over every inviter choice, for the actors {@code make} builds afresh for each run. */
  @SuppressWarnings("unchecked")
  public static <N> Outcome<N> expectation(Market market, java.util.function.Supplier<List<Actor<N>>> make, Arith<N> arith) {
    int n = market.size();
    BigFraction[] alloc = Outcome.zeros(n);
    N[] pay = (N[]) new Object[n];
    Arrays.fill(pay, arith.zero());
    Choices.Enumeration choices = new Choices.Enumeration();
    long runs = 0;
    List<Incident> incidents = new ArrayList<>();
    while (choices.next()) {
      if (++runs > RUN_LIMIT) throw new org.mechcheck.store.InputException(market.name() + ": sra: more than " + RUN_LIMIT + " combinations of random choices to enumerate");
      Runtime.Result<N> r = new Runtime<>(market, make.get(), arith, choices).run();
      BigFraction prob = choices.probability();
      incidents.addAll(r.incidents());
      if (r.holder() != 0) alloc[r.holder()] = alloc[r.holder()].add(prob);
      for (Ledger.Entry<N> e : r.ledger()) {
        N x = arith.mul(e.price(), prob);
        pay[e.buyer()] = arith.add(pay[e.buyer()], x);
        if (e.seller() != 0) pay[e.seller()] = arith.sub(pay[e.seller()], x);
      }
    }
    return new Outcome<>(market, alloc, Outcome.zeros(n), List.of(), pay, Map.of("runs", runs, "incidents", incidents.size()));
  }

  /** One run: the intended agents of {@code profile} with seeded random choices. */
  public static <N> Runtime.Result<N> once(Profile<N> profile, Arith<N> arith, long seed) {
    return new Runtime<>(profile.market(), intended(profile), arith, Choices.seeded(seed)).run();
  }

  /** A set of one node. */
  static BitSet only(int v) {
    BitSet b = new BitSet();
    b.set(v);
    return b;
  }

  @Override
  public List<Contract> contracts() {
    return List.of(Contract.UNINFORMED_PAY_AND_WIN_NOTHING, Contract.SOLD_WHEN_ANYONE_IS_INFORMED, Contract.NO_CHAIN);
  }
}

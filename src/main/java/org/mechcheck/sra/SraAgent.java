package org.mechcheck.sra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mechcheck.mechanism.Prices;
import org.mechcheck.num.Arith;

/**
 * One participant of the sequential resale auction (001 §4.1), seller or buyer, playing the
 * strategies she is given: t (her bid and whom she invites), q (which inviters hear her
 * aggregated bid) and f (how she aggregates). Stage 3 follows the local-auction rules (Eq. 1, 2).
 *
 * <p>Readings (spec/sra.md): an invitation is accepted iff its sender joined the sale before the
 * receiver did (so inviters always precede invitees and the inviter graph is acyclic); a local
 * auction is a second-price auction among the holder's invitees with reserve her purchase price:
 * the top bidder (ties at random) buys at max(p_i, b2nd) iff her bid reaches p_i and the
 * holder's bid is below that price; the original seller never keeps the item.
 */
public final class SraAgent<N> implements Actor<N> {
  private final boolean seller;
  private final Strategies.Revelation<N> t;
  private final Strategies.Passing q;
  private final Strategies.Computation<N> f;

  private long joined = -1;
  private final List<Integer> inviters = new ArrayList<>();
  private final List<Integer> invitees = new ArrayList<>();
  private final Map<Integer, N> received = new TreeMap<>();
  private final Set<Integer> answered = new HashSet<>();
  private boolean aggregating;
  private boolean reported;
  private List<Integer> targets = List.of();
  private boolean auctionOpen;
  private final Map<Integer, N> bids = new TreeMap<>();

  public SraAgent(boolean seller, Strategies.Revelation<N> t, Strategies.Passing q, Strategies.Computation<N> f) {
    this.seller = seller;
    this.t = t;
    this.q = q;
    this.f = f;
  }

  /** The intended strategy with revelation t. */
  public static <N> SraAgent<N> intended(boolean seller, Strategies.Revelation<N> t) {
    return new SraAgent<>(seller, t, Strategies.ONE_AT_RANDOM, Strategies.max());
  }

  @Override
  public void start(Env<N> env) {
    if (!seller) return;
    joined = env.now();
    for (int w : env.neighbours()) env.send(w, new Message.Invite<>(joined));
  }

  @Override
  public void receive(int from, Message<N> m, Env<N> env) {
    if (m instanceof Message.Invite<N> inv) {
      invited(from, inv.joined(), env);
    } else if (m instanceof Message.Accept<N>) {
      invitees.add(from);
    } else if (m instanceof Message.Report<N> r) {
      received.put(from, r.bid());
      answered.add(from);
      afterChange(env);
    } else if (m instanceof Message.Withhold<N>) {
      answered.add(from);
      afterChange(env);
    } else if (m instanceof Message.Update<N> u) {
      if (auctionOpen && bids.containsKey(from)) bids.put(from, u.bid());
      else received.put(from, u.bid());
      afterChange(env);
    } else if (m instanceof Message.Withdraw<N>) {
      received.remove(from);
      afterChange(env);
    } else if (m instanceof Message.Call<N>) {
      called(from, env);
    } else if (m instanceof Message.Bid<N> b) {
      if (auctionOpen) bids.put(from, b.bid());
    } else if (m instanceof Message.Sold<N>) {
      holdAuction(env);
    }
  }

  private void invited(int from, long theirs, Env<N> env) {
    if (seller) {
      env.send(from, new Message.Decline<>());
      return;
    }
    if (joined < 0) {
      joined = env.now();
      inviters.add(from);
      env.send(from, new Message.Accept<>());
      for (int w = t.invites().nextSetBit(0); w >= 0; w = t.invites().nextSetBit(w + 1)) {
        if (w != from) env.send(w, new Message.Invite<>(joined));
      }
    } else if (theirs < joined) {
      inviters.add(from);
      env.send(from, new Message.Accept<>());
    } else {
      env.send(from, new Message.Decline<>());
    }
  }

  @Override
  public void aggregate(Env<N> env) {
    if (joined < 0 || seller) return;
    aggregating = true;
    afterChange(env);
  }

  private N aggregated(Arith<N> a) {
    return f.aggregate(new ArrayList<>(received.values()), t.bid(), a);
  }

  /** Stage 2: report once every invitee has answered; afterwards, pass every change on (re-aggregation). */
  private void afterChange(Env<N> env) {
    if (seller || !aggregating) return;
    if (!reported) {
      if (!answered.containsAll(invitees)) return;
      reported = true;
      targets = q.targets(List.copyOf(inviters), env);
      N agg = aggregated(env.arith());
      for (int x : inviters) env.send(x, targets.contains(x) ? new Message.Report<>(agg) : new Message.Withhold<>());
      return;
    }
    N agg = aggregated(env.arith());
    for (int x : targets) env.send(x, new Message.Update<>(agg));
  }

  /** Stage 3: join the caller's local auction, disconnecting from every other inviter. */
  private void called(int from, Env<N> env) {
    for (int x : targets) if (x != from) env.send(x, new Message.Withdraw<>());
    targets = List.of(from);
    env.send(from, new Message.Bid<>(aggregated(env.arith())));
  }

  @Override
  public void allocate(Env<N> env) {
    if (seller) holdAuction(env);
  }

  private void holdAuction(Env<N> env) {
    if (invitees.isEmpty()) return; // nobody to sell to: she keeps the item
    auctionOpen = true;
    bids.clear();
    for (int j : invitees) bids.put(j, null);
    for (int j : invitees) env.send(j, new Message.Call<>());
  }

  @Override
  public boolean quiet(Env<N> env) {
    if (!auctionOpen) return false;
    auctionOpen = false;
    Arith<N> a = env.arith();
    List<Integer> who = new ArrayList<>();
    List<N> vals = new ArrayList<>();
    for (Map.Entry<Integer, N> e : bids.entrySet()) {
      if (e.getValue() == null) continue; // called but never bid
      who.add(e.getKey());
      vals.add(e.getValue());
    }
    if (who.isEmpty()) return true;
    // the highest bidder; ties at random (001 leaves them to chance), from her own generator
    N best = a.maxOr(vals.get(0), vals.subList(1, vals.size())); // no floor: a tie set is never empty, whatever the bids
    List<Integer> tied = new ArrayList<>();
    for (int k = 0; k < vals.size(); k++) if (a.ge(vals.get(k), best)) tied.add(k);
    int top = tied.get(env.choose(tied.size()));
    List<N> others = new ArrayList<>(vals);
    others.remove(top);
    N paid = seller ? a.zero() : purchasePrice(env);
    N price = Prices.resale(a, paid, others);
    boolean sells = a.ge(vals.get(top), paid) && (seller || a.lt(t.bid(), price));
    if (sells) {
      int entry = env.record(env.ledger().size(), who.get(top), price);
      env.send(who.get(top), new Message.Sold<>(entry));
    }
    return true;
  }

  private N purchasePrice(Env<N> env) {
    List<Ledger.Entry<N>> l = env.ledger();
    for (int k = l.size() - 1; k >= 0; k--) if (l.get(k).buyer() == env.self()) return l.get(k).price();
    return env.arith().zero();
  }

  /** Her inviters, in the order they invited her (for tests and the deviation checker). */
  public List<Integer> inviters() {
    return List.copyOf(inviters);
  }
}

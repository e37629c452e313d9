package org.mechcheck.sra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mechcheck.network.Market;
import org.mechcheck.num.Arith;

/**
 * Runs the sequential resale auction with in-process actors. The runtime is the network: it
 * alone knows the graph, delivers each message to a neighbour of its sender (first in, first
 * out), keeps the ledger and signals the stages: stage 1 (diffusion) from the seller's start
 * until nothing is in flight, then stage 2 (aggregation) until quiet, then stage 3 (local
 * auctions, each closing when nothing is in flight). Refused actions (a message to a
 * non-neighbour, a local auction called or a sale recorded by an agent who does not hold the
 * item, a ledger entry rewritten) are recorded as incidents and thrown back to the agent.
 */
public final class Runtime<N> {
  /** What a run leaves: the ledger, the final holder (0: not sold), the refusals and the number of messages. */
  public record Result<N>(List<Ledger.Entry<N>> ledger, int holder, List<Incident> incidents, long messages) {}

  private record Envelope<N>(int from, int to, Message<N> m) {}

  private static final long MAX_MESSAGES = 50_000_000L;

  private final Market market;
  private final List<Actor<N>> actors;
  private final Arith<N> arith;
  private final Choices choices;
  private final Ledger<N> ledger = new Ledger<>();
  private final List<Incident> incidents = new ArrayList<>();
  private final ArrayDeque<Envelope<N>> queue = new ArrayDeque<>();
  private final List<Env<N>> envs = new ArrayList<>();
  private long clock;
  private long messages;

  public Runtime(Market market, List<Actor<N>> actors, Arith<N> arith, Choices choices) {
    if (actors.size() != market.size()) throw new IllegalArgumentException("one actor per node: " + market.size() + " nodes, " + actors.size() + " actors");
    this.market = market;
    this.actors = List.copyOf(actors);
    this.arith = arith;
    this.choices = choices;
    for (int v = 0; v < market.size(); v++) envs.add(new NodeEnv(v));
  }

  public Result<N> run() {
    act(0, () -> actors.get(0).start(envs.get(0)));
    drain();
    for (int v = 0; v < market.size(); v++) {
      int node = v;
      act(v, () -> actors.get(node).aggregate(envs.get(node)));
    }
    drain();
    act(0, () -> actors.get(0).allocate(envs.get(0)));
    drain();
    boolean acted = true;
    while (acted) {
      acted = false;
      for (int v = 0; v < market.size(); v++) {
        int node = v;
        boolean[] did = {false};
        act(v, () -> did[0] = actors.get(node).quiet(envs.get(node)));
        acted |= did[0];
        drain();
      }
    }
    return new Result<>(ledger.entries(), ledger.holder(), List.copyOf(incidents), messages);
  }

  private void drain() {
    while (!queue.isEmpty()) {
      Envelope<N> e = queue.poll();
      if (++messages > MAX_MESSAGES) {
        incidents.add(new Incident("runaway", "runtime", "more than " + MAX_MESSAGES + " messages; the run is stopped"));
        queue.clear();
        return;
      }
      clock++;
      act(e.to(), () -> actors.get(e.to()).receive(e.from(), e.m(), envs.get(e.to())));
    }
  }

  /** Runs an agent's handler; a refused action has been recorded already and ends only that handler. */
  private void act(int v, Runnable r) {
    try {
      r.run();
    } catch (ProtocolException refused) {
      // recorded in incidents when thrown
    }
  }

  private ProtocolException refuse(String kind, int v, String detail) {
    Incident i = new Incident(kind, market.id(v), detail);
    incidents.add(i);
    return new ProtocolException(i);
  }

  private final class NodeEnv implements Env<N> {
    private final int self;

    NodeEnv(int self) {
      this.self = self;
    }

    public int self() {
      return self;
    }

    public int[] neighbours() {
      return market.neighbours(self).clone();
    }

    public long now() {
      return ++clock;
    }

    public void send(int to, Message<N> m) {
      if (to < 0 || to >= market.size() || !market.adjacent(self, to)) {
        throw refuse("message to a non-neighbour", self, m.getClass().getSimpleName() + " to node " + (to >= 0 && to < market.size() ? market.id(to) : "#" + to) + ", who is not her neighbour");
      }
      if (m instanceof Message.Call<N> && ledger.holder() != self) {
        throw refuse("local auction without the item", self, "calls " + market.id(to) + " to a local auction, but the ledger says " + market.id(ledger.holder()) + " holds the item");
      }
      if (m instanceof Message.Sold<N> s) {
        List<Ledger.Entry<N>> l = ledger.entries();
        if (s.entry() < 0 || s.entry() >= l.size() || l.get(s.entry()).seller() != self || l.get(s.entry()).buyer() != to || s.entry() != l.size() - 1) {
          throw refuse("sale not in the ledger", self, "tells " + market.id(to) + " she bought the item, but ledger entry " + s.entry() + " does not record that sale as the last one");
        }
      }
      queue.add(new Envelope<>(self, to, m));
    }

    public List<Ledger.Entry<N>> ledger() {
      return ledger.entries();
    }

    public int holder() {
      return ledger.holder();
    }

    public int record(int at, int buyer, N price) {
      Ledger.Entry<N> e = new Ledger.Entry<>(self, buyer, price);
      String why = ledger.refusal(at, e, v -> v >= 0 && v < market.size() ? market.id(v) : "#" + v);
      if (why == null && !market.adjacent(self, buyer)) why = market.id(buyer) + " is not a neighbour of " + market.id(self);
      if (why != null) throw refuse("ledger write refused", self, why);
      ledger.append(e);
      return at;
    }

    public int choose(int k) {
      if (k <= 0) throw new IllegalArgumentException("a choice among " + k + " options");
      return k == 1 ? 0 : choices.choose(self, k);
    }

    public Arith<N> arith() {
      return arith;
    }
  }

  /** For reports: node ids by number, e.g. of an incident or a ledger entry. */
  public String id(int v) {
    return market.id(v);
  }

  static int[] copy(int[] a) {
    return Arrays.copyOf(a, a.length);
  }
}

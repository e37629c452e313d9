package org.mechcheck.sra;

import java.util.List;
import org.mechcheck.num.Arith;

/**
 * Everything an agent can reach: her own node, her neighbours, a clock, the messages she sends,
 * the ledger and her own random choices. Nothing here leads to the network: an agent knows who
 * her neighbours are, not who theirs are.
 */
public interface Env<N> {
  int self();

  /** Her neighbours, in node order (the seller is node 0). */
  int[] neighbours();

  /** A logical clock: strictly increasing over the run. */
  long now();

  /** Sends to a neighbour; anything else is refused ({@link ProtocolException}) and recorded. */
  void send(int to, Message<N> m);

  /** The ledger, read-only. */
  List<Ledger.Entry<N>> ledger();

  /** The holder of the item according to the ledger. */
  int holder();

  /** Appends a sale to the ledger at position {@code at}; refused and recorded unless the agent holds the item and {@code at} is the end. */
  int record(int at, int buyer, N price);

  /** A uniform choice among {@code k} options, from the agent's own seeded generator (or an enumeration of all of them). */
  int choose(int k);

  Arith<N> arith();
}

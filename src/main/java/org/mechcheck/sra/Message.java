package org.mechcheck.sra;

/**
 * What agents of the sequential resale auction send each other (001 §4.1). Every message goes
 * from a node to one of its neighbours; the runtime refuses any other.
 */
public sealed interface Message<N> {

  /** Stage 1: join the sale; {@code joined} is when the sender joined (her place in the join order). */
  record Invite<N>(long joined) implements Message<N> {}

  /** Stage 1: the invitation is accepted: the sender is now the receiver's invitee. */
  record Accept<N>() implements Message<N> {}

  /** Stage 1: the invitation is declined (the sender joined before the inviter did). */
  record Decline<N>() implements Message<N> {}

  /** Stage 2: the sender's aggregated bid, to an inviter she reports to. */
  record Report<N>(N bid) implements Message<N> {}

  /** Stage 2: the sender does not report to this inviter. */
  record Withhold<N>() implements Message<N> {}

  /** Re-aggregation: the sender's aggregated bid changed. */
  record Update<N>(N bid) implements Message<N> {}

  /** Stage 3: the sender joins another inviter's local auction and stops reporting to this one. */
  record Withdraw<N>() implements Message<N> {}

  /** Stage 3: the holder of the item calls her invitees to her local auction. */
  record Call<N>() implements Message<N> {}

  /** Stage 3: a participant's bid in the local auction (her current aggregated bid). */
  record Bid<N>(N bid) implements Message<N> {}

  /** Stage 3: the receiver won the local auction; her purchase is ledger entry {@code entry}. */
  record Sold<N>(int entry) implements Message<N> {}
}

package org.mechcheck.sra;

/** An in-process agent: reacts to messages and to the runtime's stage signals, through its {@link Env} only. */
public interface Actor<N> {
  /** The seller starts the sale (stage 1); other agents ignore it. */
  default void start(Env<N> env) {}

  void receive(int from, Message<N> m, Env<N> env);

  /** Stage 2 begins (stage 1 is quiet): aggregate once every invitee has answered. */
  default void aggregate(Env<N> env) {}

  /** Stage 3 begins: the seller holds the first local auction. */
  default void allocate(Env<N> env) {}

  /** Nothing is in flight: a local auction waiting for bids can close. Returns whether the agent acted. */
  default boolean quiet(Env<N> env) {
    return false;
  }
}

package org.mechcheck.claims;

import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.plugin.Extension;
import org.mechcheck.store.EvidenceStore;
import org.mechcheck.store.ProofRecord;

/**
 * The families of deviations beyond bids and informing sets that one mechanism's IC claims may
 * name ({@code "deviations"} in a claim, {@code --deviations} on {@code search}): a distributed
 * protocol's message passing and computation, say. Registered as a service of this interface;
 * its {@link #name} is the mechanism's, and the mechanism lists the families in
 * {@code Mechanism.deviationFamilies()}. It searches its families and judges their claims from
 * the evidence it saved.
 */
public interface DeviationFamilies extends Extension {
  /** The mechanism whose families these are. */
  @Override
  String name();

  /** How a proof record of these families compared utilities (e.g. in expectation over the protocol's random choices). */
  String utility();

  /** A bounded search of one family over the class's networks up to {@code maxAgents}; {@code progress} sees networks done. */
  Result search(String family, NetworkClass networkClass, int maxAgents, BigFraction box, int timeoutMillis, double timeLimitSeconds, LongConsumer progress);

  /** The same search on {@code threads} workers, for families that can share the networks out (the others search on one). */
  default Result search(String family, NetworkClass networkClass, int maxAgents, BigFraction box, int timeoutMillis, double timeLimitSeconds, int threads,
      LongConsumer progress) {
    return search(family, networkClass, maxAgents, box, timeoutMillis, timeLimitSeconds, progress);
  }

  /** Whether {@link #search(String, NetworkClass, int, BigFraction, int, double, int, boolean, org.mechcheck.search.Search.Listener)} can have a second solver re-decide its UNSAT answers. */
  default boolean certifies() {
    return false;
  }

  /**
   * The same search, with {@code certify}: a second solver re-decides every UNSAT answer, and a
   * network it does not agree on stays undecided; {@link Result#stats} counts the answers it
   * certified. The listener hears what a search of bids and informing sets tells its own (each
   * size, each network done, the time the size still needs, each size verified) as far as the
   * families can tell it: by default, the networks done. Families that cannot certify (see
   * {@link #certifies}) refuse {@code certify}.
   */
  default Result search(String family, NetworkClass networkClass, int maxAgents, BigFraction box, int timeoutMillis, double timeLimitSeconds, int threads,
      boolean certify, org.mechcheck.search.Search.Listener listener) {
    if (certify) throw new org.mechcheck.store.InputException("--certify: " + name() + "'s deviation families have no second solver");
    return search(family, networkClass, maxAgents, box, timeoutMillis, timeLimitSeconds, threads, listener::network);
  }

  /** A claim's verdict from the store's evidence (its counterexample files and proof record), or from a search within the budget. */
  Verdict evaluate(Claim claim, EvidenceStore store, int budgetAgents, double budgetSeconds);

  /** A confirmed deviation that gains: the network with exact values, and what the agent does. */
  interface Finding {
    Market witness();

    /** One line: who deviates how, and her utilities. */
    String describe();

    /** The finding shrunk towards small numbers, still confirmed. */
    Finding shrink();

    /** Saves it as a counterexample file of its own kind; returns the file. */
    java.nio.file.Path save(EvidenceStore store, String claim, String foundBy);

    /** What {@link #save} would write, as one JSON object ({@code search --json} prints it); by default the claim, the witness and the description. */
    default com.fasterxml.jackson.databind.node.ObjectNode json(String claim, String foundBy) {
      com.fasterxml.jackson.databind.node.ObjectNode o = org.mechcheck.store.NetworkJson.MAPPER.createObjectNode();
      o.put("claim", claim).set("network", org.mechcheck.store.NetworkJson.toJson(witness()));
      o.put("detail", describe()).put("foundBy", foundBy);
      return o;
    }
  }

  /** A search's result: a finding, or the sizes verified ({@code levels} per size, complete or not); {@code stats} says where the time went. */
  record Result(Finding finding, int bound, long networks, long queries, double seconds, List<ProofRecord.Level> levels, List<String> unknown,
      boolean timedOut, org.mechcheck.smt.Stats stats) {
    /** A result without a breakdown of the time. */
    public Result(Finding finding, int bound, long networks, long queries, double seconds, List<ProofRecord.Level> levels, List<String> unknown,
        boolean timedOut) {
      this(finding, bound, networks, queries, seconds, levels, unknown, timedOut, new org.mechcheck.smt.Stats());
    }
  }
}

package org.mechcheck.sra;

import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.DeviationFamilies;
import org.mechcheck.claims.Verdict;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.store.EvidenceStore;

/**
 * sra's families of protocol deviations (001 Theorem 5.3: message passing q_i and computation
 * f_i), searched by {@link DeviationSearch} and judged from {@link DeviationEvidence}: expected
 * utilities over every inviter choice, everyone else playing the intended strategy.
 */
public final class ProtocolDeviations implements DeviationFamilies {
  @Override
  public String name() {
    return "sra";
  }

  @Override
  public String utility() {
    return "expected over every inviter choice";
  }

  @Override
  public Result search(String family, NetworkClass nc, int maxAgents, BigFraction box, int timeoutMillis, double timeLimit, LongConsumer progress) {
    return search(family, nc, maxAgents, box, timeoutMillis, timeLimit, 1, progress);
  }

  @Override
  public Result search(String family, NetworkClass nc, int maxAgents, BigFraction box, int timeoutMillis, double timeLimit, int threads, LongConsumer progress) {
    return search(family, nc, maxAgents, box, timeoutMillis, timeLimit, threads, false, DeviationSearch.counting(progress));
  }

  @Override
  public boolean certifies() {
    return true;
  }

  @Override
  public Result search(String family, NetworkClass nc, int maxAgents, BigFraction box, int timeoutMillis, double timeLimit, int threads, boolean certify,
      org.mechcheck.search.Search.Listener listener) {
    DeviationSearch.Result r = DeviationSearch.run(family, nc, maxAgents, box, timeoutMillis, timeLimit, threads, certify, listener);
    return new Result(r.finding() == null ? null : new Found(r.finding()), r.bound(), r.networks(), r.queries(), r.seconds(), r.levels(), r.unknown(),
        r.timedOut(), r.stats());
  }

  @Override
  public Verdict evaluate(Claim claim, EvidenceStore store, int budgetAgents, double budgetSeconds) {
    return DeviationEvidence.evaluate(claim, store, budgetAgents, budgetSeconds);
  }

  private record Found(DeviationSearch.Finding f) implements Finding {
    @Override
    public Market witness() {
      return f.witness();
    }

    @Override
    public String describe() {
      return DeviationEvidence.describe(f);
    }

    @Override
    public Finding shrink() {
      return new Found(DeviationEvidence.shrink(f));
    }

    @Override
    public Path save(EvidenceStore store, String claim, String foundBy) {
      return DeviationEvidence.save(store, claim, f, foundBy);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode json(String claim, String foundBy) {
      return DeviationEvidence.toJson(claim, f, foundBy);
    }
  }
}

package org.mechcheck.datatrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.mechcheck.plugin.Registry;
import org.mechcheck.store.EvidenceKind;
import org.mechcheck.store.NetworkJson;

/** The evidence kind of data trading's counterexample files ({@link CounterexampleFiles}), for {@code replay}. */
public final class DatatradeCounterexamples implements EvidenceKind {
  @Override
  public String name() {
    return CounterexampleFiles.FORMAT;
  }

  @Override
  public Replayed replay(Path file, JsonNode root, Registry registry) {
    CounterexampleFiles.Replay r = CounterexampleFiles.replay(file);
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("file", file.toString()).put("claim", r.claim()).put("tieBreak", r.tieBreak()).put("violates", r.reproduces()).put("detail", r.detail());
    String line = file + "  datatrade " + r.claim() + " (tie-break " + r.tieBreak() + ")  " + r.detail() + "  " + (r.reproduces() ? "still violates" : "NO LONGER REPRODUCES");
    return new Replayed(r.reproduces(), line, o);
  }
}

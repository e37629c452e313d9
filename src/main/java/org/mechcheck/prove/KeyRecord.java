package org.mechcheck.prove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * {@code proofs/key/summary.json} ({@code mechcheck-key/1}): what the last complete KeY run
 * closed, with each closed contract's saved proof beside it. Claims that rest on a kernel
 * contract cite it from here.
 */
public final class KeyRecord {
  public static final String FORMAT = "mechcheck-key/1";
  public static final String COMMAND = "mechcheck prove";

  /** One contract as recorded: closed or not, the time it took, and the proof file when closed. */
  public record Entry(String method, boolean closed, double seconds, String strategy, String proof) {}

  private KeyRecord() {}

  public static Path folder(Path home) {
    return home.resolve("proofs").resolve("key");
  }

  public static Path file(Path home) {
    return folder(home).resolve("summary.json");
  }

  /** Written whole, through a temporary file, only after every contract was tried. */
  public static void write(Path home, List<KeyProver.Result> results, KeyZ3 z3, double seconds) throws IOException {
    ObjectNode root = NetworkJson.MAPPER.createObjectNode();
    root.put("format", FORMAT).put("key", "2.12.3").put("z3", z3.version()).put("solver", z3.description())
        .put("command", COMMAND).put("date", Instant.now().toString()).put("seconds", Math.round(seconds * 10) / 10.0);
    ArrayNode list = root.putArray("contracts");
    for (KeyProver.Result r : results) {
      ObjectNode o = list.addObject();
      o.put("method", r.method()).put("contract", r.contract()).put("closed", r.closed())
          .put("seconds", Math.round(r.seconds() * 10) / 10.0).put("nodes", r.nodes()).put("strategy", r.strategy())
          .put("integers", r.semantics().label);
      if (!r.z3().isEmpty()) {
        ObjectNode answers = o.putObject("z3Answers");
        r.z3().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> answers.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue()));
      }
      if (r.closed()) o.put("proof", "proofs/key/" + KeyProver.fileName(r.contract()));
      else o.put("openGoals", r.openGoals());
    }
    Path target = file(home);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "summary", ".tmp");
    Files.writeString(tmp, NetworkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The recorded contracts by method name; empty when no run was recorded. */
  public static Map<String, Entry> read(Path home) {
    Path f = file(home);
    Map<String, Entry> out = new LinkedHashMap<>();
    if (!Files.exists(f)) return out;
    JsonNode root = NetworkJson.readTree(f);
    if (!FORMAT.equals(root.path("format").asText())) throw new InputException(f + ": format: expected \"" + FORMAT + "\"");
    for (JsonNode c : root.path("contracts")) {
      out.put(c.path("method").asText(), new Entry(c.path("method").asText(), c.path("closed").asBoolean(), c.path("seconds").asDouble(),
          c.path("strategy").asText(), c.hasNonNull("proof") ? c.get("proof").asText() : null));
    }
    return out;
  }
}

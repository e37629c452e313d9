package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The researcher's source a piece of evidence was made from: the mechanism file (or plugin jar)
 * as named on the command line, and its SHA-256. A claims run compares it with the file as it is
 * now and calls the evidence stale when they differ. Absent for shipped mechanisms.
 */
public record MechanismSource(String file, String sha256) {
  public ObjectNode toJson() {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("file", file).put("sha256", sha256);
    return o;
  }

  /** The {@code mechanismSource} object of an evidence file, or null when there is none. */
  public static MechanismSource read(JsonNode o, String label) {
    JsonNode s = o.get("mechanismSource");
    if (s == null || s.isNull()) return null;
    if (!s.isObject() || !s.path("file").isTextual() || !s.path("sha256").isTextual() || !s.get("sha256").asText().matches("[0-9a-f]{64}")) {
      throw new InputException(label + ": mechanismSource: must be {\"file\": ..., \"sha256\": 64 hex digits}");
    }
    return new MechanismSource(s.get("file").asText(), s.get("sha256").asText());
  }

  /** The first 12 hex digits, for messages. */
  public String shortSha() {
    return sha256.substring(0, 12);
  }
}

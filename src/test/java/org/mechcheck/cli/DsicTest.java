package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.NetworkJson;

/**
 * IC under the quantifier the claims state (issue 14, item 2). The silent-pair bonus pays an agent
 * 1 when she and an informed neighbour do not report each other: against truthful others nobody can
 * earn it, so the old quantifier verifies the mechanism; under dominant-strategy IC a neighbour who
 * withholds her makes withholding him back pay, and the search must find that, name the neighbour's
 * report in the counterexample, and replay it exactly.
 */
class DsicTest {
  @TempDir Path dir;

  private Path file() throws Exception {
    Path f = dir.resolve("SilentPairBonus.java");
    Files.copy(Path.of("src/test/resources/trust/SilentPairBonus.java"), f);
    return f;
  }

  @Test
  void theTruthfulQuantifierMissesWhatDsicFinds() throws Exception {
    Path f = file();
    CliTest.Result truthful = CliTest.run("search", "--mechanism-file", f.toString(), "--property", "IC", "--class", "social", "--max-agents", "3", "--others", "truthful");
    assertEquals(0, truthful.status(), truthful.toString());
    assertTrue(truthful.out().contains("verified on every network with up to 3 agents"), truthful.out());

    CliTest.Result dsic = CliTest.run("search", "--mechanism-file", f.toString(), "--property", "IC", "--class", "social", "--max-agents", "3",
        "--evidence", dir.toString(), "--save");
    assertEquals(1, dsic.status(), dsic.toString());
    assertTrue(dsic.out().contains("REFUTED by a network with 2 agents"), dsic.out());
    Path saved;
    try (var s = Files.list(dir.resolve("counterexamples"))) {
      saved = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode cx = NetworkJson.readTree(saved);
    String agent = cx.get("agent").asText();
    JsonNode others = cx.get("others");
    assertTrue(others != null && others.size() == 1, "the counterexample names the one neighbour's report it needs: " + cx);
    String neighbour = others.fieldNames().next();
    assertTrue(others.get(neighbour).isEmpty(), "the neighbour informs nobody: " + others);
    JsonNode invites = cx.get("deviation").get("invites");
    assertTrue(invites.isArray() && !invites.toString().contains("\"" + neighbour + "\""), agent + " withholds " + neighbour + " back: " + cx.get("deviation"));
    assertEquals(1, org.mechcheck.num.Rationals.parse(cx.get("deviating").get("utility").asText())
        .subtract(org.mechcheck.num.Rationals.parse(cx.get("truthful").get("utility").asText())).compareTo(org.apache.commons.numbers.fraction.BigFraction.ONE) + 1,
        "her gain is the bonus, 1");

    CliTest.Result replay = CliTest.run("replay", "--mechanism-file", f.toString(), saved.toString());
    assertEquals(0, replay.status(), replay.toString());
    // without the neighbour's report the deviation gains nothing: the field is what reproduces it
    ObjectNode without = (ObjectNode) cx.deepCopy();
    without.remove("others");
    Path plain = dir.resolve("without-others.json");
    Files.writeString(plain, NetworkJson.MAPPER.writeValueAsString(without));
    CliTest.Result lost = CliTest.run("replay", "--mechanism-file", f.toString(), plain.toString());
    assertEquals(1, lost.status(), lost.toString());
  }
}

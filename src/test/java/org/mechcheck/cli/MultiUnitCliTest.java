package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line with k units: run and check of GIDM on the worked example, and search --units with bad input. */
class MultiUnitCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** run --json: the reference winners, one unit each, no chain (units move along critical agents). */
  @Test
  void runGidmOnTheWorkedExample() throws IOException {
    CliTest.Result r = CliTest.run("run", "--mechanism", "gidm", "--network", CliTest.reference("gidm-example-k5.json").toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    JsonNode o = JSON.readTree(r.out());
    JsonNode want = CliTest.file(CliTest.reference("gidm-example-k5.json")).get("expected").get("gidm");
    List<String> winners = new ArrayList<>(), expected = new ArrayList<>();
    o.get("allocation").fieldNames().forEachRemaining(winners::add);
    want.get("allocation").fieldNames().forEachRemaining(expected::add);
    winners.sort(null);
    expected.sort(null);
    assertEquals(expected, winners);
    o.get("allocation").forEach(x -> assertEquals("1", x.asText()));
    assertFalse(o.has("chain"), "no trading chain");
    want.get("payments").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), o.get("payments").get(e.getKey()).asText(), e.getKey()));
    assertEquals(want.get("revenue").asText(), o.get("revenue").asText());
  }

  /** check: by default NW and REV against k-vickrey are asked too with more than one unit; only EFF fails there. */
  @Test
  void checkGidmOnTheWorkedExample() throws IOException {
    CliTest.Result r = CliTest.run("check", "--mechanism", "gidm", "--network", CliTest.reference("gidm-example-k5.json").toString(), "--json");
    assertEquals(1, r.status(), r.toString());
    JsonNode v = JSON.readTree(r.out()).get("violations");
    assertEquals(1, v.size(), r.toString());
    assertEquals("EFF", v.get(0).get("property").asText());
    CliTest.Result nw = CliTest.run("check", "--mechanism", "gidm", "--network", CliTest.reference("gidm-example-k5.json").toString(),
        "--property", "NW", "--property", "REV", "--benchmark", "k-vickrey");
    assertEquals(0, nw.status(), nw.toString());
    CliTest.assertBadInput(CliTest.run("check", "--mechanism", "gidm", "--network", CliTest.reference("gidm-example-k5.json").toString(),
        "--benchmark", "nope"));
  }

  @Test
  void searchUnitsBadInput() {
    CliTest.Result zero = CliTest.run("search", "--mechanism", "gidm", "--property", "IC", "--class", "social-tree", "--max-agents", "3", "--units", "0");
    CliTest.assertBadInput(zero);
    assertTrue(zero.err().contains("--units"), zero.toString());
    CliTest.Result more = CliTest.run("search", "--mechanism", "gidm", "--property", "IC", "--class", "social-tree", "--max-agents", "2", "--units", "3");
    CliTest.assertBadInput(more);
    assertTrue(more.err().contains("--units 3") && more.err().contains("--max-agents 2"), more.toString());
    CliTest.Result single = CliTest.run("search", "--mechanism", "idm", "--property", "IC", "--class", "social-tree", "--max-agents", "3", "--units", "2");
    CliTest.assertBadInput(single);
    assertTrue(single.err().contains("units"), single.toString());
    CliTest.Result mismatch = CliTest.run("search", "--mechanism", "gidm", "--property", "IC", "--class", "social-tree", "--max-agents", "3",
        "--units", "3", "--claim", "gidm/ic/social-tree");
    CliTest.assertBadInput(mismatch);
    assertTrue(mismatch.err().contains("2 units"), mismatch.toString());
    CliTest.assertBadInput(CliTest.run("search", "--mechanism", "gidm", "--property", "IC", "--class", "social-tree", "--max-agents", "3", "--units", "two"));
  }

  /** A small search with --units: the summary names the claim of that many units. */
  @Test
  void searchWithUnitsFindsTheRegisteredClaim() throws IOException {
    CliTest.Result r = CliTest.run("search", "--mechanism", "gidm", "--property", "BB", "--class", "social-tree", "--max-agents", "3", "--units", "3", "--json");
    assertEquals(0, r.status(), r.toString());
    List<String> lines = r.out().lines().toList();
    JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("gidm/bb/social-tree-k3", summary.get("claim").asText());
    assertEquals("verified", summary.get("verdict").asText());
    assertEquals(3, summary.get("bound").asInt());
  }
}

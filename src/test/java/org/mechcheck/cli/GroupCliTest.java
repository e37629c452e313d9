package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.NetworkJson;

/** {@code mechcheck group}: the JSON shape, the pictures, bad input. */
class GroupCliTest {
  @TempDir Path dir;

  @Test
  void jsonHasExactlyTheDocumentedFieldsAndTheSlidesNumbers() throws Exception {
    CliTest.Result r = CliTest.run("group", "--member", "U(0,2)", "--member", "U(0,3)", "--json", "--random", "50", "--others", "20000");
    assertEquals(0, r.status(), r.toString());
    JsonNode j = NetworkJson.MAPPER.readTree(r.out());
    assertEquals(List.of("weights", "postedPrice", "revenuePerMember", "revenueTotal", "bic", "interimIr"), iterator(j));
    assertEquals(Math.sqrt(3.0 / 7), j.get("weights").get(0).asDouble(), 1e-8);
    assertEquals(0.78, j.get("postedPrice").asDouble(), 0.01);
    assertEquals(0.35, j.get("revenuePerMember").get("posted").asDouble(), 0.005);
    assertEquals(2 * j.get("revenuePerMember").get("optimal").asDouble(), j.get("revenueTotal").get("optimal").asDouble(), 1e-12);
    assertEquals(List.of("optimal", "posted"), iterator(j.get("revenueTotal")));
    assertEquals(List.of("maxGain"), iterator(j.get("bic")));
    assertEquals(List.of("minUtility"), iterator(j.get("interimIr")));
  }

  private static List<String> iterator(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void textShowsClosedFormsAndWritesThePictures() throws Exception {
    Path out = dir.resolve("pics");
    CliTest.Result r = CliTest.run("group", "--member", "U(0,2)", "--member", "U(0,3)", "--out", out.toString(), "--random", "20", "--others", "5000");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("sqrt(3/7)"), r.out());
    assertTrue(r.out().contains("(5 - sqrt(7))/3"), r.out());
    for (String f : List.of("allocation-region.png", "allocation-region.svg", "interim-allocation.png", "interim-allocation.svg")) assertTrue(Files.size(out.resolve(f)) > 0, f);
    assertTrue(Files.readString(out.resolve("allocation-region.svg")).contains("<svg"));
  }

  @Test
  void givenWeightsShowTheNotIrLine() {
    CliTest.Result r = CliTest.run("group", "--member", "U(0,2)", "--member", "U(0,3)", "--weights", "0,1", "--random", "10", "--others", "5000");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("member 1 at value 0 would have interim utility 0 - 0.75 = -0.75"), r.out());
  }

  @Test
  void badInputExitsWithTwoAndOneLine() {
    String[][] cases = {
      {"group"},
      {"group", "--member", "U(0,2"},
      {"group", "--member", "U(-1,2)"},
      {"group", "--member", "U(0,2)", "--member", "U(0,3)", "--weights", "0.5,0.6"},
      {"group", "--member", "U(0,2)", "--member", "U(0,3)", "--weights", "1"},
      {"group", "--member", "D(1:1/2,2:1/4)"},
    };
    String[] reasons = {"at least one member", "not a distribution", "negative support", "add up to 11/10, not 1", "1 weights for 2 members", "add up to 3/4"};
    for (int k = 0; k < cases.length; k++) {
      CliTest.Result r = CliTest.run(cases[k]);
      assertEquals(2, r.status(), String.join(" ", cases[k]) + ": " + r);
      assertEquals(1, r.errLines().size(), r.toString());
      assertTrue(r.err().contains(reasons[k]), r.err());
    }
  }
}

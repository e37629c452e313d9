package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `datatrade solve`: a model file solves; every kind of bad input exits 2 with one line naming the entry. */
class DatatradeCliTest {
  @TempDir Path dir;

  private CliTest.Result solve(String json) throws IOException {
    Path f = dir.resolve("m.json");
    Files.writeString(f, json);
    return CliTest.run("datatrade", "solve", "--model", f.toString());
  }

  private static final String Q = "\"Q\": [[\"1/2\", \"1/2\", 0], [0, \"1/2\", \"1/2\"], [0, 0, 1]]";

  @Test
  void solvesAModelFile() throws IOException {
    CliTest.Result r = solve("{\"n\": 2, \"grid\": [0, \"1/2\", 1], \"v0\": 1, " + Q + ", \"mechanism\": \"TBDS\", \"alpha\": \"1/2\"}");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("SW "), r.out());
  }

  private void bad(String json, String expected) throws IOException {
    CliTest.Result r = solve(json);
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void badInputExitsTwoNamingTheEntry() throws IOException {
    bad("{\"n\": 2, \"grid\": [0, \"1/2\", 1], " + Q + ", \"t\": [[1, 0, 0], [\"2/3\", \"1/2\", 0]]}", "t[2]: trade 2's shares sum to 7/6 > 1");
    bad("{\"n\": 2, \"grid\": [0, \"1/2\", 1], " + Q + ", \"t\": [[1, 0, 0], [0, \"1/2\", \"1/2\"]]}", "t[2][2]: share 1/2 of trade 2 goes to player 2");
    bad("{\"n\": 2, \"grid\": [0, \"1/2\", 1], \"Q\": [[\"1/2\", \"1/3\", 0], [0, \"1/2\", \"1/2\"], [0, 0, 1]]}", "Q[1][0]: row sums to 5/6, not 1");
    bad("{\"n\": 2, \"grid\": [0, 1], " + Q + "}", "Q: 3 rows but the grid has 2 values");
    bad("{\"n\": 0, \"grid\": [0, \"1/2\", 1], " + Q + "}", "n: chain length 0");
  }
}

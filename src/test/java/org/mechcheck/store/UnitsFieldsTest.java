package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.store.ProofRecord;

/** The optional {@code units} field of claims, proof records and counterexample files: default 1, validated, written only when not 1. */
class UnitsFieldsTest {
  @TempDir Path dir;

  private static ObjectNode counterexample(String name) throws IOException {
    return (ObjectNode) NetworkJson.MAPPER.readTree(Files.readString(Path.of("counterexamples", name)));
  }

  @Test
  void counterexampleUnits() throws IOException {
    ObjectNode gidm = counterexample("gidm-IC-c24fbefc.json");
    assertEquals(2, gidm.get("units").asInt(), "a multi-unit counterexample states its units");
    Counterexample c = CounterexampleJson.parse(gidm, "gidm", "gidm");
    assertEquals(2, c.units());
    assertEquals(2, CounterexampleJson.toJson(c).get("units").asInt());
    // older files have no top-level units: 1, and nothing is written for 1
    ObjectNode vcg = counterexample("vcg-BB-7e491ce3.json");
    assertFalse(vcg.has("units"));
    Counterexample one = CounterexampleJson.parse(vcg, "vcg", "vcg");
    assertEquals(1, one.units());
    assertFalse(CounterexampleJson.toJson(one).has("units"));
    // the field must agree with the network
    gidm.put("units", 3);
    InputException e = assertThrows(InputException.class, () -> CounterexampleJson.parse(gidm, "f.json", "f"));
    assertTrue(e.getMessage().contains("units") && e.getMessage().contains("f.json"), e.getMessage());
    gidm.put("units", 0);
    assertThrows(InputException.class, () -> CounterexampleJson.parse(gidm, "f.json", "f"));
  }

  @Test
  void proofRecordUnits() throws IOException {
    ProofRecord old = ProofRecord.read(Path.of("proofs/idm-tc_ic_tree.json"));
    assertEquals(1, old.units(), "records without the field are single-unit");
    assertFalse(old.toJson().has("units"));
    ProofRecord two = new ProofRecord("gidm/ic/x", "gidm", "IC", "vickrey", "social-tree", 3, "100", 7, 9, 11, "z3", 1, 1, "cmd --units 2", "d",
        List.of(new ProofRecord.Level(1, 1, 1, 0)), 2);
    Path f = dir.resolve("r.json");
    Files.writeString(f, NetworkJson.MAPPER.writeValueAsString(two.toJson()));
    assertEquals(2, ProofRecord.read(f).units());
    ObjectNode bad = two.toJson();
    bad.put("units", "two");
    Files.writeString(f, NetworkJson.MAPPER.writeValueAsString(bad));
    InputException e = assertThrows(InputException.class, () -> ProofRecord.read(f));
    assertTrue(e.getMessage().contains("units"), e.getMessage());
  }

  private Path claims(String entry) throws IOException {
    Path f = dir.resolve("claims.json");
    Files.writeString(f, "{\"claims\": [" + entry + "]}");
    return f;
  }

  @Test
  void claimUnits() throws IOException {
    String common = "\"domain\": \"social\", \"class\": \"social\", \"source\": \"s\", \"statement\": \"t\"";
    List<Claim> idm = ClaimRegistry.read(claims("{\"id\": \"idm/ic/social\", \"mechanism\": \"idm\", \"property\": \"IC\", " + common + "}"));
    assertEquals(1, idm.get(0).units());
    List<Claim> gidm = ClaimRegistry.read(claims("{\"id\": \"gidm/ic/social\", \"mechanism\": \"gidm\", \"property\": \"IC\", \"units\": 3, " + common + "}"));
    assertEquals(3, gidm.get(0).units());
    for (String bad : List.of(
        "{\"id\": \"gidm/ic/social\", \"mechanism\": \"gidm\", \"property\": \"IC\", " + common + "}",
        "{\"id\": \"gidm/ic/social\", \"mechanism\": \"gidm\", \"property\": \"IC\", \"units\": 0, " + common + "}",
        "{\"id\": \"idm/ic/social\", \"mechanism\": \"idm\", \"property\": \"IC\", \"units\": 2, " + common + "}")) {
      Path f = claims(bad);
      InputException e = assertThrows(InputException.class, () -> ClaimRegistry.read(f), bad);
      assertTrue(e.getMessage().contains("units") && e.getMessage().contains("claims[0]"), e.getMessage());
    }
  }

  /** Every registered claim of a multi-unit mechanism states its units; the ids follow spec/README.md's scheme. */
  @Test
  void registeredMultiUnitClaims() {
    for (Claim c : ClaimRegistry.read(Path.of("spec/claims.json"))) {
      if (!c.mechanism().equals("gidm") && !c.mechanism().equals("vcg-k")) {
        assertEquals(1, c.units(), c.id());
        continue;
      }
      String base = c.mechanism() + "/" + c.property().name().toLowerCase() + "/" + c.networkClass().id();
      assertEquals(c.units() == 2 ? base : base + "-k" + c.units(), c.id());
    }
  }
}

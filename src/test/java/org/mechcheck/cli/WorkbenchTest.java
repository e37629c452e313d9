package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.network.Market;
import org.mechcheck.store.NetworkJson;

/**
 * A researcher's own mechanism through every command, as a source file and as a plugin jar, with
 * her claims and evidence kept apart from mechcheck's; and every way her file can be wrong.
 */
class WorkbenchTest {
  @TempDir Path dir;

  static Path source(String name) {
    return Path.of("src/test/resources/workbench").resolve(name);
  }

  private Path copy(String name) throws IOException {
    Path to = dir.resolve(Path.of(name).getFileName());
    Files.copy(source(name), to);
    return to;
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  @Test
  void runsAFileLikeAShippedMechanism() throws Exception {
    Path net = CliTest.reference("gidm-example-k1.json");
    CliTest.Result r = CliTest.run("run", "--mechanism-file", source("PayYourBid.java").toString(), "--network", net.toString(), "--json");
    assertEquals(0, r.status(), r.toString());
    // pay-your-bid: the highest informed bid wins and pays itself (computed here from the file, not from the mechanism)
    Market m = NetworkJson.read(net, true).market();
    int best = 1;
    for (int v = 1; v < m.size(); v++) if (m.agent(v).value().compareTo(m.agent(best).value()) > 0) best = v;
    JsonNode o = NetworkJson.MAPPER.readTree(r.out());
    assertEquals("pay-your-bid", o.get("mechanism").asText());
    assertEquals("1", o.get("allocation").get(m.id(best)).asText());
    assertEquals(org.mechcheck.num.Rationals.format(m.agent(best).value()), o.get("payments").get(m.id(best)).asText());
    assertEquals("0", o.get("utilities").get(m.id(best)).asText(), "she pays her value");
  }

  @Test
  void aPackagedClassLoadsToo() {
    CliTest.Result r = CliTest.run("mechanisms", "--mechanism-file", source("pkg/PayYourBid.java").toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("packaged-pay-your-bid") && r.out().contains("pkg/PayYourBid.java"), r.out());
  }

  @Test
  void searchClaimsAndReplayKeepHerEvidenceBesideHerClaims() throws Exception {
    Path file = copy("PayYourBid.java");
    Path claims = dir.resolve("claims.json");
    Files.writeString(claims, """
        {"claims": [
          {"id": "pay-your-bid/ir/social", "mechanism": "pay-your-bid", "property": "IR", "class": "social", "domain": "social networks",
           "source": "my notes", "statement": "nobody pays more than her bid", "expected": "verified"},
          {"id": "pay-your-bid/ic/social", "mechanism": "pay-your-bid", "property": "IC", "class": "social", "domain": "social networks",
           "source": "my notes", "statement": "truthful bidding is dominant", "expected": "refuted"}
        ]}
        """);
    String f = file.toString(), c = claims.toString();
    CliTest.Result ic = CliTest.run("search", "--mechanism-file", f, "--claims", c, "--property", "IC", "--class", "social", "--max-agents", "3", "--save");
    assertEquals(0, ic.status(), "the claim expects the refutation: " + ic);
    assertTrue(ic.out().contains("pay-your-bid/ic/social: REFUTED"), ic.out());
    CliTest.Result ir = CliTest.run("search", "--mechanism-file", f, "--claims", c, "--property", "IR", "--class", "social", "--max-agents", "3", "--save");
    assertEquals(0, ir.status(), ir.toString());
    List<Path> saved;
    try (Stream<Path> s = Files.list(dir.resolve("counterexamples"))) {
      saved = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertEquals(1, saved.size());
    String sha = sha256(file);
    assertEquals(sha, CliTest.file(saved.get(0)).get("mechanismSource").get("sha256").asText());
    assertEquals(sha, CliTest.file(dir.resolve("proofs/pay-your-bid_ir_social.json")).get("mechanismSource").get("sha256").asText());
    assertFalse(Files.exists(Path.of("proofs/pay-your-bid_ir_social.json")), "never in mechcheck's own proofs/");

    CliTest.Result table = CliTest.run("claims", "--mechanism-file", f, "--claims", c, "--json");
    assertEquals(0, table.status(), table.toString());
    JsonNode list = NetworkJson.MAPPER.readTree(table.out()).get("claims");
    assertEquals(2, list.size());
    assertEquals("verified", list.get(0).get("verdict").asText());
    assertEquals(3, list.get(0).get("bound").asInt());
    assertEquals("refuted", list.get(1).get("verdict").asText());

    CliTest.Result replay = CliTest.run("replay", "--mechanism-file", f, dir.resolve("counterexamples").toString());
    assertEquals(0, replay.status(), replay.toString());
    assertTrue(replay.out().contains("still violates"), replay.out());

    // the source changes: the proof record no longer speaks for it; the counterexample still replays on it
    Files.writeString(file, Files.readString(file) + "\n// a later version\n");
    JsonNode after = NetworkJson.MAPPER.readTree(CliTest.run("claims", "--mechanism-file", f, "--claims", c, "--json").out()).get("claims");
    assertEquals("unknown", after.get(0).get("verdict").asText());
    assertTrue(after.get(0).get("note").asText().startsWith("stale evidence: proofs/pay-your-bid_ir_social.json was made from PayYourBid.java with SHA-256 "
        + sha.substring(0, 12)), after.get(0).get("note").asText());
    assertEquals("refuted", after.get(1).get("verdict").asText());
    assertTrue(after.get(1).get("note").asText().contains("still replays"), after.get(1).get("note").asText());
  }

  @Test
  void herEvidenceIsNeverSavedInMechchecksOwnFolders() {
    // the tests run in mechcheck's checkout: without --claims or --evidence that is where a save would go
    CliTest.Result r = CliTest.run("search", "--mechanism-file", source("PayYourBid.java").toString(), "--property", "IR", "--class", "social",
        "--max-agents", "2", "--save");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().contains("is your mechanism") && r.err().contains("not saved in mechcheck's own"), r.err());
  }

  @Test
  void aFileThatDoesNotCompileShowsJavacsLines() {
    CliTest.Result r = CliTest.run("run", "--mechanism-file", source("Broken.java").toString(), "--network", CliTest.reference("gidm-example-k1.json").toString());
    assertEquals(2, r.status(), r.toString());
    List<String> lines = r.errLines();
    assertEquals("mechcheck: " + source("Broken.java") + ": does not compile:", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(source("Broken.java") + ":2: error: incompatible types")), r.err());
    assertTrue(lines.stream().anyMatch(l -> l.matches(".*Broken.java:1: error: Broken is not abstract and does not override abstract method.*")), r.err());
    assertEquals("2 errors", lines.get(lines.size() - 1));
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void everyWrongFileIsOneLineAndExitTwo() {
    String net = CliTest.reference("gidm-example-k1.json").toString();
    record Case(String file, String says) {}
    for (Case k : List.of(new Case("NotAMechanism.java", "NotAMechanism does not implement org.mechcheck.mechanism.Mechanism"),
        new Case("NoDefaultConstructor.java", "NoDefaultConstructor has no public no-argument constructor"),
        new Case("Clash.java", "two mechanisms are named 'csm': org.mechcheck.mechanism.Csm (shipped with mechcheck) and Clash ("),
        new Case("Thrower.java", "Thrower.java: Thrower.run threw IllegalStateException: more than two bidders (Thrower.java:34)"),
        new Case("Missing.java", "Missing.java: no such file"))) {
      CliTest.Result r = CliTest.run("run", "--mechanism-file", source(k.file()).toString(), "--network", net);
      assertEquals(2, r.status(), k.file() + ": " + r);
      assertEquals(1, r.errLines().size(), k.file() + ": one line: " + r.err());
      assertTrue(r.err().contains(k.says()), k.file() + ": " + r.err());
    }
  }

  @Test
  void aMechanismThatThrowsStopsTheSearchWithOneLine() {
    CliTest.Result r = CliTest.run("search", "--mechanism-file", source("Thrower.java").toString(), "--property", "IR", "--class", "social",
        "--max-agents", "4", "--evidence", dir.toString());
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().contains("mechcheck: Thrower.java: Thrower.run threw IllegalStateException"), r.err());
  }

  @Test
  void aMechanismThatNeverReturnsIsStoppedByTheTimeLimit() {
    long start = System.nanoTime();
    CliTest.Result r = CliTest.run("search", "--mechanism-file", source("Looper.java").toString(), "--property", "IR", "--class", "social",
        "--max-agents", "4", "--time-limit", "2", "--evidence", dir.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("looper/ir/social: verified on every network with up to 2 agents (time limit reached)"), r.out());
    assertTrue(r.out().contains("unknown: social-n3-") && r.out().contains("abandoned, undecided"), r.out());
    assertTrue(seconds < 30, "the command returns: " + seconds + " s");
  }

  @Test
  void aPluginJarIsFoundThroughServiceLoader() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        source("pkg/PayYourBid.java").toString());
    assertEquals(0, rc, "compiles");
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("auctions.jar")))) {
      Path cls = classes.resolve("org/example/auctions/PayYourBid.class");
      jar.putNextEntry(new JarEntry("org/example/auctions/PayYourBid.class"));
      jar.write(Files.readAllBytes(cls));
      jar.putNextEntry(new JarEntry("META-INF/services/org.mechcheck.mechanism.Mechanism"));
      OutputStream o = jar;
      o.write("org.example.auctions.PayYourBid\n".getBytes(StandardCharsets.UTF_8));
    }
    CliTest.Result list = CliTest.run("mechanisms", "--plugins", plugins.toString(), "--json");
    assertEquals(0, list.status(), list.toString());
    JsonNode ms = NetworkJson.MAPPER.readTree(list.out()).get("mechanisms");
    JsonNode mine = null;
    for (JsonNode m : ms) if (m.get("name").asText().equals("packaged-pay-your-bid")) mine = m;
    assertTrue(mine != null, list.out());
    assertTrue(mine.get("origin").asText().startsWith("plugin jar ") && mine.get("origin").asText().endsWith("auctions.jar"), mine.toString());
    assertEquals(sha256(plugins.resolve("auctions.jar")), mine.get("sha256").asText());
    CliTest.Result run = CliTest.run("run", "--plugins", plugins.toString(), "--mechanism", "packaged-pay-your-bid", "--network",
        CliTest.reference("gidm-example-k1.json").toString());
    assertEquals(0, run.status(), run.toString());
    assertEquals(2, CliTest.run("mechanisms", "--plugins", dir.resolve("nowhere").toString()).status());
  }
}

package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.network.Enumerator;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Others;
import org.mechcheck.property.Property;
import org.mechcheck.search.Search;
import org.mechcheck.store.ProofRecord;

/**
 * Sharded runs: three local shards (search --shard i/3, each writing a partial record) merged with
 * mechcheck merge give the unsharded search's networks and queries at every size, or its first
 * violating network; the slices are disjoint and cover the enumeration; and merge refuses parts
 * that overlap, are missing, or come from another version or other options.
 */
class ShardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private List<Path> shards(String... search) {
    List<Path> parts = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path part = dir.resolve("part-" + i + ".json");
      List<String> args = new ArrayList<>(List.of("search"));
      args.addAll(List.of(search));
      args.addAll(List.of("--shard", i + "/3", "--partial-out", part.toString(), "--threads", "1"));
      CliTest.Result r = CliTest.run(args.toArray(new String[0]));
      assertEquals(0, r.status(), r.toString());
      assertTrue(r.out().contains("shard " + i + "/3"), r.toString());
      parts.add(part);
    }
    return parts;
  }

  @Test
  void threeShardsMergeIntoTheUnshardedRecord() throws Exception {
    // DSIC (the default) to 3 agents, and against truthful others to 4: the quantifier travels with the parts
    for (Others others : Others.values()) {
      int n = others == Others.ALL ? 3 : 4;
      List<String> search = new ArrayList<>(List.of("--mechanism", "idm", "--property", "IC", "--class", "social", "--max-agents", Integer.toString(n)));
      if (others == Others.TRUTHFUL) search.addAll(List.of("--others", "truthful"));
      List<Path> parts = shards(search.toArray(new String[0]));
      Path merged = dir.resolve("merged-" + others + ".json");
      CliTest.Result m = CliTest.run("merge", parts.get(2).toString(), parts.get(0).toString(), parts.get(1).toString(), "--out", merged.toString());
      assertEquals(0, m.status(), m.toString());
      assertTrue(m.out().contains("verified on every network with up to " + n + " agents (merged from 3 shards)"), m.toString());
      ProofRecord rec = ProofRecord.read(merged);
      Search.Result whole = new Search(Mechanisms.byName("idm").orElseThrow(), Property.IC, Benchmark.VICKREY, NetworkClass.SOCIAL, null, 30_000, 1)
          .others(others).run(n, 0, Search.SILENT);
      assertEquals(whole.bound(), rec.maxAgents());
      assertEquals(whole.levels().size(), rec.levels().size());
      for (int k = 0; k < whole.levels().size(); k++) {
        assertEquals(whole.levels().get(k).networks(), rec.levels().get(k).networks(), "networks with " + (k + 1) + " agents");
        assertEquals(whole.levels().get(k).queries(), rec.levels().get(k).queries(), "queries with " + (k + 1) + " agents");
      }
      assertEquals(whole.networks(), rec.networks());
      assertEquals(whole.queries(), rec.queries());
      assertEquals(whole.stats().paths, rec.paths(), "the shards explored the unsharded search's paths between them");
      assertEquals(others == Others.ALL ? ProofRecord.DSIC : ProofRecord.OTHERS_TRUTHFUL, rec.quantifier());
      assertEquals("mechcheck search --mechanism idm --property IC --class social" + (others == Others.TRUTHFUL ? " --others truthful" : "") + " --max-agents " + n,
          rec.command(), "the record reproduces unsharded");
    }
  }

  @Test
  void partsOfAnotherQuantifierAreRefused() throws Exception {
    List<Path> dsic = shards("--mechanism", "idm", "--property", "IC", "--class", "social", "--max-agents", "2");
    Path truthful = dir.resolve("truthful-1.json");
    CliTest.Result t = CliTest.run("search", "--mechanism", "idm", "--property", "IC", "--class", "social", "--max-agents", "2", "--others", "truthful",
        "--shard", "1/3", "--partial-out", truthful.toString());
    assertEquals(0, t.status(), t.toString());
    CliTest.Result m = CliTest.run("merge", truthful.toString(), dsic.get(1).toString(), dsic.get(2).toString());
    assertEquals(2, m.status(), m.toString());
    assertTrue(m.err().contains("differs"), m.toString());
  }

  @Test
  void theMergedCounterexampleIsTheFirstViolatingNetworkOfTheSmallestSize() throws Exception {
    String[] search = {"--mechanism", "vcg", "--property", "BB", "--class", "cs-general", "--max-agents", "4"};
    List<Path> parts = shards(search);
    CliTest.Result m = CliTest.run("merge", parts.get(0).toString(), parts.get(1).toString(), parts.get(2).toString(), "--json");
    Search.Result whole = new Search(Mechanisms.byName("vcg").orElseThrow(), Property.BB, Benchmark.VICKREY, NetworkClass.CS_GENERAL, null, 30_000, 1)
        .run(4, 0, Search.SILENT);
    assertTrue(whole.refuted(), "vcg/bb/general is refuted (000 §3)");
    assertEquals(0, m.status(), "the claim is registered as refuted: " + m);
    JsonNode summary = JSON.readTree(m.out().lines().reduce((a, b) -> b).orElseThrow());
    assertEquals("refuted", summary.path("verdict").asText(), m.toString());
    // the violation the merge picked is the unsharded search's, found by whichever shard holds it
    Set<String> found = new HashSet<>();
    for (Path p : parts) {
      JsonNode v = JSON.readTree(Files.readString(p)).path("violation");
      if (!v.isMissingNode()) found.add(v.path("network").path("name").asText());
    }
    assertTrue(found.contains(whole.unshrunk().name()), found + " holds " + whole.unshrunk().name());
    assertTrue(m.out().lines().findFirst().orElseThrow().contains("mechcheck-counterexample/1"), "then the counterexample, shrunk: " + m);
  }

  @Test
  void theSlicesAreDisjointAndCoverTheEnumeration() {
    for (NetworkClass c : NetworkClass.values()) {
      for (int n = 1; n <= 5; n++) {
        long count = Enumerator.count(c, n);
        for (int shards : new int[] {1, 2, 3, 7}) {
          Set<Integer> seen = new HashSet<>();
          double[] cost = Enumerator.costs(c, n);
          double most = 0, least = Double.MAX_VALUE, biggest = 0;
          for (double w : cost) biggest = Math.max(biggest, w);
          for (int i = 0; i < shards; i++) {
            double load = 0;
            for (int position : Enumerator.slice(c, n, i, shards)) {
              assertTrue(seen.add(position), c + " n=" + n + ": position " + position + " in two slices");
              load += cost[position];
            }
            most = Math.max(most, load);
            least = Math.min(least, load);
          }
          assertEquals(count, seen.size(), c + " n=" + n + " " + shards + " shards: every network in a slice");
          if (count >= shards) assertTrue(most - least <= biggest + 1e-9, c + " n=" + n + ": expected costs differ by at most one network's");
        }
      }
    }
  }

  @Test
  void partsThatDoNotMakeOneSearchAreRefused() throws Exception {
    List<Path> parts = shards("--mechanism", "csm", "--property", "IR", "--class", "cs-general", "--max-agents", "3");
    String a = parts.get(0).toString(), b = parts.get(1).toString(), c = parts.get(2).toString();
    assertRefused(CliTest.run("merge", a, b), "shard 3 of 3 missing");
    assertRefused(CliTest.run("merge", a, b, c, a), "the slices overlap");
    Path edited = dir.resolve("edited.json");
    for (String[] change : new String[][] {{"version", "commit", "0000000000000000000000000000000000000000"}, {"version", "code", "f00d"}, {"", "z3Timeout", "1"},
        {"", "box", "50"}, {"shard", "count", "4"}}) {
      ObjectNode o = (ObjectNode) JSON.readTree(Files.readString(parts.get(1)));
      ObjectNode at = change[0].isEmpty() ? o : (ObjectNode) o.get(change[0]);
      if (change[2].matches("\\d+") && !change[1].equals("commit")) at.put(change[1], Integer.parseInt(change[2]));
      else at.put(change[1], change[2]);
      Files.writeString(edited, JSON.writeValueAsString(o));
      assertRefused(CliTest.run("merge", a, edited.toString(), c), change[1].equals("count") ? "shard.count" : change[1].equals("box") ? "the search" : change[1]);
    }
    ObjectNode o = (ObjectNode) JSON.readTree(Files.readString(parts.get(1)));
    ((ObjectNode) o.get("levels").get(2)).put("networks", 0);
    Files.writeString(edited, JSON.writeValueAsString(o));
    assertRefused(CliTest.run("merge", a, edited.toString(), c), "levels[2].networks");
  }

  private static void assertRefused(CliTest.Result r, String says) {
    assertEquals(2, r.status(), r.toString());
    assertEquals(1, r.errLines().size(), "one line: " + r);
    assertTrue(r.err().contains(says), "says '" + says + "': " + r);
    assertFalse(r.err().contains("Exception"), r.toString());
  }
}

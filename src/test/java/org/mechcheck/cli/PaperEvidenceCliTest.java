package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, report and bundle on the command line: their outputs, and one line with exit 2 on bad input. */
class PaperEvidenceCliTest {
  static final String IDM_TC = "counterexamples/idm-tc-IC-aa01e35a.json";

  @Test
  void exportWritesOneFigureToStdoutOrSeveralIntoAFolder(@TempDir Path dir) throws Exception {
    CliTest.Result one = CliTest.run("export", "--format", "tikz", IDM_TC);
    assertEquals(0, one.status(), one.toString());
    assertTrue(one.out().startsWith("% idm-tc IC counterexample") && one.out().contains("\\begin{tikzpicture}"), one.out().substring(0, 200));
    CliTest.Result many = CliTest.run("export", "--format", "dot", "--out", dir.toString(), "counterexamples", "counterexamples/datatrade");
    assertEquals(0, many.status(), many.toString());
    assertTrue(Files.readString(dir.resolve("idm-tc-IC-aa01e35a.dot")).startsWith("// idm-tc IC"));
    assertTrue(Files.exists(dir.resolve("datatrade_welfare_budget-balanced-high-c784460a.dot")));
  }

  @Test
  void exportRefusesBadInputInOneLine(@TempDir Path dir) throws Exception {
    Path notCx = dir.resolve("n.json");
    Files.writeString(notCx, "{\"format\": \"mechcheck-network/1\"}");
    for (String[] args : new String[][] {{"export", "--format", "png", IDM_TC}, {"export", IDM_TC, "counterexamples/vcg-BB-7e491ce3.json"},
        {"export", notCx.toString()}, {"export", dir.resolve("absent.json").toString()}}) {
      CliTest.Result r = CliTest.run(args);
      assertEquals(2, r.status(), r.toString());
      assertEquals(1, r.errLines().size(), r.toString());
      assertTrue(r.err().startsWith("mechcheck: "), r.toString());
    }
  }

  @Test
  void reportRefusesAFolderItDidNotWrite(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    CliTest.Result r = CliTest.run("report", "--out", dir.toString());
    assertEquals(2, r.status(), r.toString());
    assertEquals("mine", Files.readString(dir.resolve("keep.txt")), "nothing lost");
  }

  @Test
  void aBundleReplaysAndATamperedOneDoesNot(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("b.zip");
    CliTest.Result made = CliTest.run("bundle", "--claim", "idm-tc/ic/general", "csm/ic/general", "--out", zip.toString());
    assertEquals(0, made.status(), made.toString());
    java.util.Set<String> names = new java.util.TreeSet<>();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) names.add(e.getName());
    }
    for (String n : new String[] {"bundle.json", "SHA256SUMS", "spec/claims.json", IDM_TC, "proofs/csm_ic_general.json",
        "src/main/java/org/mechcheck/mechanism/IdmTc.java", "src/main/java/org/mechcheck/mechanism/Csm.java", "spec/csm.md"}) {
      assertTrue(names.contains(n), n + " in " + names);
    }
    CliTest.Result ok = CliTest.run("replay", zip.toString());
    assertEquals(0, ok.status(), ok.toString());
    assertTrue(ok.out().contains("ok        idm-tc/ic/general: refuted") && ok.out().contains("ok        csm/ic/general re-verified up to 3 agents"), ok.out());

    // the same bundle with one byte of the counterexample changed (A's cost 0 -> 1): the checksum catches it
    Path bad = dir.resolve("bad.zip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] b = in.readAllBytes();
        if (e.getName().equals(IDM_TC)) b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"cost\" : 0", "\"cost\" : 1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(b);
        out.closeEntry();
      }
    }
    CliTest.Result no = CliTest.run("replay", bad.toString());
    assertEquals(1, no.status(), no.toString());
    assertTrue(no.out().contains("CHANGED   " + IDM_TC), no.out());

    CliTest.Result unknown = CliTest.run("bundle", "--claim", "no/such/claim", "--out", dir.resolve("x.zip").toString());
    assertEquals(2, unknown.status(), unknown.toString());
    assertTrue(!Files.exists(dir.resolve("x.zip")));
    Path junk = dir.resolve("junk.zip");
    Files.writeString(junk, "not a zip");
    assertEquals(2, CliTest.run("replay", junk.toString()).status());
  }
}

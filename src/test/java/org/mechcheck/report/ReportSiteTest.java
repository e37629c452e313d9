package org.mechcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlImage;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimRegistry;

/**
 * Builds the report and loads it in a browser engine (HtmlUnit, with and without JavaScript):
 * the index lists every registered claim, every claim page loads with its pictures, every link
 * and image of every page points to a file of the site, and the filters select what they say.
 * Where Debian's headless chromium is installed, the same pages are opened in it and saved as
 * screenshots (into target/report-screenshots, or the folder -Dreport.screenshots names).
 */
class ReportSiteTest {
  static Path site;
  static List<Claim> claims;

  @BeforeAll
  static void build() throws IOException {
    site = Files.createTempDirectory("mechcheck-report");
    claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    Site.Result r = new Site(Path.of("").toAbsolutePath(), site, false).build();
    assertEquals(claims.size(), r.claims());
  }

  @AfterAll
  static void clean() throws IOException {
    try (Stream<Path> s = Files.walk(site)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  static WebClient browser(boolean js) {
    WebClient w = new WebClient(BrowserVersion.FIREFOX);
    w.getOptions().setJavaScriptEnabled(js);
    w.getOptions().setCssEnabled(true);
    w.getOptions().setThrowExceptionOnScriptError(true);
    w.getOptions().setThrowExceptionOnFailingStatusCode(true);
    return w;
  }

  @Test
  void indexListsEveryClaimAndEveryPageLinksOnlyToFilesOfTheSite() throws Exception {
    try (WebClient w = browser(false)) {
      HtmlPage index = w.getPage(site.resolve("index.html").toUri().toURL());
      List<HtmlTableRow> rows = index.getByXPath("//table[@id='claims']/tbody/tr");
      assertEquals(claims.size(), rows.size(), "one row per claim");
      Set<String> ids = new HashSet<>();
      for (HtmlTableRow r : rows) ids.add(r.getCell(0).asNormalizedText());
      for (Claim c : claims) assertTrue(ids.contains(c.id()), c.id() + " is listed");

      Set<URI> visited = new HashSet<>();
      List<URI> queue = new ArrayList<>(List.of(index.getUrl().toURI()));
      int claimPages = 0, pictures = 0;
      while (!queue.isEmpty()) {
        URI u = queue.remove(queue.size() - 1);
        if (!visited.add(u)) continue;
        Path file = Path.of(u);
        assertTrue(file.startsWith(site), "stays inside the site: " + u);
        assertTrue(Files.isRegularFile(file), "exists: " + u);
        if (!file.toString().endsWith(".html")) continue;
        HtmlPage p = w.getPage(u.toURL());
        if (file.getParent().getFileName().toString().equals("claims")) {
          claimPages++;
          assertTrue(p.asNormalizedText().contains("verdict"), u + " shows a verdict");
        }
        for (HtmlImage img : p.<HtmlImage>getByXPath("//img")) {
          URI src = u.resolve(img.getSrcAttribute());
          Path svg = Path.of(src);
          assertTrue(Files.isRegularFile(svg), "picture exists: " + src + " on " + u);
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()); // well-formed
          assertTrue(!img.getAltAttribute().isEmpty(), "picture has a text alternative");
          pictures++;
        }
        for (HtmlAnchor a : p.getAnchors()) {
          String href = a.getHrefAttribute();
          assertTrue(!href.startsWith("http") && !href.startsWith("//"), "no link leaves the site: " + href + " on " + u);
          queue.add(u.resolve(href.replaceFirst("#.*$", "")));
        }
        for (DomElement l : p.getElementsByTagName("link")) queue.add(u.resolve(l.getAttribute("href")));
        for (DomElement s : p.getElementsByTagName("script")) queue.add(u.resolve(s.getAttribute("src")));
      }
      assertEquals(claims.size(), claimPages, "every claim page was reached by links");
      long refuted = claims.stream().filter(c -> c.expectsRefutation()).count();
      assertTrue(pictures >= refuted, pictures + " pictures on the pages, at least one per claim the sources call refuted (" + refuted + ")");
    }
  }

  @Test
  void theCertifiedColumnSaysWhatEachProofRecordSays() throws Exception {
    int certified = 0, not = 0;
    try (WebClient w = browser(false)) {
      HtmlPage index = w.getPage(site.resolve("index.html").toUri().toURL());
      for (HtmlTableRow r : index.<HtmlTableRow>getByXPath("//table[@id='claims']/tbody/tr")) {
        String id = r.getCell(0).asNormalizedText(), column = r.getCell(6).asNormalizedText();
        Path record = org.mechcheck.store.ProofRecord.fileFor(Path.of("proofs"), id);
        if (!r.getAttribute("data-verdict").equals("verified") || !Files.exists(record)) continue;
        org.mechcheck.store.ProofRecord rec = org.mechcheck.store.ProofRecord.read(record);
        assertEquals(rec.certified() ? "certified" : "not certified", column, id);
        if (rec.certified()) certified++;
        else not++;
      }
    }
    assertTrue(certified > 0, certified + " certified, " + not + " not");
  }

  @Test
  void everyRefutedClaimShowsItsCounterexamplePicture() throws Exception {
    try (WebClient w = browser(false)) {
      HtmlPage index = w.getPage(site.resolve("index.html").toUri().toURL());
      for (HtmlTableRow r : index.<HtmlTableRow>getByXPath("//table[@id='claims']/tbody/tr")) {
        if (!r.getAttribute("data-verdict").equals("refuted")) continue;
        HtmlPage p = r.getCell(0).<HtmlAnchor>getFirstByXPath(".//a").click();
        List<HtmlImage> imgs = p.getByXPath("//figure/img");
        assertTrue(!imgs.isEmpty(), r.getCell(0).asNormalizedText() + " shows a picture");
        assertTrue(p.asNormalizedText().contains("The replay still shows the violation."), r.getCell(0).asNormalizedText() + ": replayed");
      }
    }
  }

  @Test
  void filtersWithoutScriptsAndWithThem() throws Exception {
    try (WebClient w = browser(false)) {
      HtmlPage index = w.getPage(site.resolve("index.html").toUri().toURL());
      int refuted = index.getByXPath("//table[@id='claims']/tbody/tr[@data-verdict='refuted']").size();
      HtmlPage byVerdict = index.getAnchorByText("refuted").click();
      List<HtmlTableRow> rows = byVerdict.getByXPath("//table[@id='claims']/tbody/tr");
      assertEquals(refuted, rows.size());
      for (HtmlTableRow r : rows) assertEquals("refuted", r.getCell(4).asNormalizedText());
      HtmlPage bySource = index.getAnchorByText("004").click();
      for (HtmlTableRow r : bySource.<HtmlTableRow>getByXPath("//table[@id='claims']/tbody/tr")) assertTrue(r.getCell(1).asNormalizedText().contains("004"));
    }
    try (WebClient w = browser(true)) {
      HtmlPage index = w.getPage(site.resolve("index.html").toUri().toURL());
      List<HtmlTableRow> all = index.getByXPath("//table[@id='claims']/tbody/tr");
      long expected = all.stream().filter(r -> r.getAttribute("data-verdict").equals("refuted") && r.getCell(1).asNormalizedText().contains("001")).count();
      ((HtmlSelect) index.getElementById("f-source")).setSelectedAttribute("001", true);
      ((HtmlSelect) index.getElementById("f-verdict")).setSelectedAttribute("refuted", true);
      long shown = all.stream().filter(r -> !r.hasAttribute("hidden")).count();
      assertTrue(expected > 0);
      assertEquals(expected, shown, "both filters at once");
    }
  }

  @Test
  void screenshotsInHeadlessChromium() throws Exception {
    Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    Assumptions.assumeTrue(chromium != null, "Debian's chromium is not installed (apt-get install chromium); screenshots skipped");
    Path dir = Path.of(System.getProperty("report.screenshots", "target/report-screenshots"));
    Files.createDirectories(dir);
    String[][] shots = {{"index.html", "index.png", "1280,900"}, {"claims/idm-tc_ic_general.html", "claim-idm-tc-ic-general.png", "1280,1160"}};
    for (String[] s : shots) {
      Path profile = Files.createTempDirectory("chromium-profile");
      Path png = dir.resolve(s[1]).toAbsolutePath();
      Files.deleteIfExists(png);
      Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + s[2],
          "--screenshot=" + png, site.resolve(s[0]).toUri().toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
      assertTrue(Files.size(png) > 10_000, "a screenshot of " + s[0]);
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
    }
  }
}

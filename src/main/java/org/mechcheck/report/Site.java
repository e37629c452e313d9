package org.mechcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.ClaimEvaluator;
import org.mechcheck.claims.ClaimRegistry;
import org.mechcheck.claims.Verdict;
import org.mechcheck.export.Explanation;
import org.mechcheck.export.Exports;
import org.mechcheck.export.Figure;
import org.mechcheck.export.Svg;
import org.mechcheck.export.Tikz;
import org.mechcheck.num.Rationals;
import org.mechcheck.prove.KeyRecord;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/**
 * The claims report: a static site built from the claims table and the evidence it cites, that
 * opens from the file system and needs neither a server, the network nor JavaScript. index.html
 * lists every claim; by/ holds the same list filtered by source document and by verdict (plain
 * links; a small script also offers both filters at once where scripts run); claims/ has one page
 * per claim with its evidence: a counterexample's picture and its replayed outcomes, a proof
 * record's sizes, a KeY proof's entry; key.html is the KeY proof summary. Evidence files are
 * copied under evidence/ so that every link stays inside the site. Pages are Mustache templates
 * (HTML-escaped by default).
 */
public final class Site {
  /** What a build wrote. */
  public record Result(int claims, int pages, int pictures, double seconds, Path index) {}

  private final Path home;
  private final Path out;
  private final boolean tikz;
  private final MustacheFactory templates = new DefaultMustacheFactory("org/mechcheck/report/");
  private final Map<String, KeyRecord.Entry> key;
  private final Map<String, String> pictures = new TreeMap<>(); // evidence path -> figure path in the site
  private int pages;

  public Site(Path home, Path out, boolean tikz) {
    this.home = home;
    this.out = out;
    this.tikz = tikz;
    this.key = KeyRecord.read(home);
  }

  public Result build() {
    long start = System.nanoTime();
    List<Claim> claims = ClaimRegistry.read(home.resolve("spec/claims.json"));
    ClaimEvaluator evaluator = new ClaimEvaluator(home);
    List<Verdict> verdicts = new ArrayList<>();
    for (Claim c : claims) verdicts.add(evaluator.evaluate(c));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Verdict v : verdicts) rows.add(row(v));

    Set<String> sources = new LinkedHashSet<>();
    for (String k : Sources.DOCUMENTS.keySet()) for (Verdict v : verdicts) if (Sources.cited(v.claim().source()).contains(k)) sources.add(k);
    for (Verdict v : verdicts) sources.addAll(Sources.cited(v.claim().source()));
    List<String> verdictNames = List.of(Verdict.VERIFIED, Verdict.REFUTED, Verdict.UNKNOWN);

    for (Verdict v : verdicts) claimPage(v);
    List<Map<String, Object>> sourceLinks = new ArrayList<>(), verdictLinks = new ArrayList<>();
    for (String s : sources) {
      List<Map<String, Object>> sel = rows.stream().filter(r -> ((List<?>) r.get("sourceKeys")).contains(s)).toList();
      sourceLinks.add(Map.of("key", s, "title", Sources.title(s), "href", "by/source-" + Sources.slug(s) + ".html", "count", sel.size()));
      index("by/source-" + Sources.slug(s) + ".html", "../", "claims citing " + s + ": " + Sources.title(s), sel, List.of(), List.of());
    }
    for (String vn : verdictNames) {
      List<Map<String, Object>> sel = rows.stream().filter(r -> r.get("verdict").equals(vn)).toList();
      verdictLinks.add(Map.of("key", vn, "href", "by/verdict-" + vn + ".html", "count", sel.size()));
      index("by/verdict-" + vn + ".html", "../", "claims " + vn, sel, List.of(), List.of());
    }
    index("index.html", "", "every claim", rows, sourceLinks, verdictLinks);
    keyPage();
    copyResource("style.css");
    copyResource("filter.js");
    return new Result(verdicts.size(), pages, pictures.size(), (System.nanoTime() - start) / 1e9, out.resolve("index.html"));
  }

  static String slug(String claimId) {
    return claimId.replace('/', '_');
  }

  private Map<String, Object> row(Verdict v) {
    Claim c = v.claim();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", c.id());
    r.put("href", "claims/" + slug(c.id()) + ".html");
    r.put("source", c.source());
    List<String> keys = Sources.cited(c.source());
    r.put("sourceKeys", keys);
    r.put("sourceData", String.join(" ", keys.stream().map(Sources::slug).toList()));
    r.put("statement", c.statement());
    r.put("expected", c.expected());
    r.put("verdict", v.verdict());
    r.put("bound", bound(v));
    r.put("certification", certification(v));
    r.put("agrees", v.agreesWithSource());
    r.put("standing", v.verdict().equals(Verdict.UNKNOWN) ? "unknown" : v.agreesWithSource() ? "as the source says" : "contrary to the source");
    return r;
  }

  /** The bound with what it covers beyond it (quantifier, box), as the claims table words it; certification has its own column. */
  private static String bound(Verdict v) {
    if (v.bound() == null) return "";
    List<String> parts = new ArrayList<>();
    parts.add("n<=" + v.bound());
    if (v.claim().units() != 1) parts.add("k=" + v.claim().units());
    for (String q : v.qualifiers()) if (!certification(q)) parts.add(q);
    return String.join(", ", parts);
  }

  /** "certified" (two solvers agreed on every UNSAT answer), "not certified", or blank where the verdict rests on no bounded search. */
  private static boolean certification(String qualifier) {
    return qualifier.equals(ProofRecord.CERTIFIED) || qualifier.equals(ProofRecord.NOT_CERTIFIED);
  }

  private static String certification(Verdict v) {
    for (String q : v.qualifiers()) if (certification(q)) return q;
    return "";
  }

  private void claimPage(Verdict v) {
    Claim c = v.claim();
    Map<String, Object> page = new LinkedHashMap<>(row(v));
    page.put("root", "../");
    page.put("title", c.id() + " - mechcheck");
    page.put("mechanism", c.mechanism());
    page.put("property", c.propertyText());
    page.put("domain", c.domain());
    page.put("class", c.networkClass() == null ? "" : c.networkClass().id());
    page.put("units", c.units());
    page.put("note", v.note());
    page.put("seconds", String.format(java.util.Locale.ROOT, "%.2f", v.seconds()));
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (String e : v.evidence()) evidence.add(evidence(e));
    page.put("evidence", evidence);
    page.put("noEvidence", evidence.isEmpty());
    write("claims/" + slug(c.id()) + ".html", "claim.mustache", page);
  }

  /** One evidence file: copied into the site, described by its kind. */
  private Map<String, Object> evidence(String rel) {
    Path file = home.resolve(rel);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", rel);
    e.put("href", "../evidence/" + rel);
    copy(file, out.resolve("evidence").resolve(rel));
    if (rel.endsWith(".proof.gz")) {
      e.put("kind", "KeY proof");
      KeyRecord.Entry k = key.values().stream().filter(x -> rel.equals(x.proof())).findFirst().orElse(null);
      if (k != null) {
        e.put("key", Map.of("method", k.method(), "closed", k.closed(), "seconds", k.seconds(), "strategy", k.strategy()));
      }
      return e;
    }
    JsonNode o = NetworkJson.readTree(file);
    String format = o.path("format").asText();
    if (format.equals(ProofRecord.FORMAT)) {
      e.put("kind", "proof record");
      ProofRecord r = ProofRecord.read(file);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("class", r.networkClass());
      p.put("maxAgents", r.maxAgents());
      p.put("values", r.bounded() ? "values and costs in [0, " + r.box() + "]" : "every value and cost at least 0 (unbounded)");
      p.put("quantifier", "IC".equalsIgnoreCase(r.property()) ? org.mechcheck.property.Others.stated(r.quantifier()).label() : "");
      List<String> solvers = new ArrayList<>();
      for (ProofRecord.SolverCount sc : r.solvers()) solvers.add(sc.solver() + " (" + sc.unsat() + " UNSAT answers)");
      p.put("solvers", r.certified() ? "certified: " + String.join(" and ", solvers) + " agreed" : "not certified: Z3 alone");
      p.put("networks", r.networks());
      p.put("queries", r.queries());
      p.put("z3", r.z3());
      p.put("seconds", r.seconds());
      p.put("command", r.command());
      p.put("date", r.date());
      p.put("units", r.units());
      p.put("deviations", o.path("deviations").asText(""));
      List<Map<String, Object>> levels = new ArrayList<>();
      for (ProofRecord.Level l : r.levels()) levels.add(Map.of("agents", l.agents(), "networks", l.networks(), "queries", l.queries(), "seconds", l.seconds()));
      p.put("levels", levels);
      e.put("proof", p);
      return e;
    }
    if (format.endsWith("counterexample/1") || format.equals(org.mechcheck.sra.DeviationEvidence.FORMAT)) {
      e.put("kind", "counterexample");
      Map<String, Object> x = new LinkedHashMap<>();
      Figure f = Exports.figure(file);
      String base = rel.replaceFirst("\\.json$", "");
      String svg = "figures/" + base + ".svg";
      org.mechcheck.store.AtomicFiles.replace(out.resolve(svg), Svg.of(f));
      pictures.put(rel, svg);
      x.put("picture", "../" + svg);
      x.put("alt", f.title());
      if (tikz) {
        org.mechcheck.store.AtomicFiles.replace(out.resolve("figures/" + base + ".tex"), Tikz.of(f));
        x.put("tex", "../figures/" + base + ".tex");
      }
      x.put("foundBy", o.path("foundBy").asText(""));
      x.put("detail", o.path("detail").asText(""));
      Explanation ex = Exports.explanation(file);
      if (ex != null) {
        x.put("finding", ex.finding());
        x.put("reproduces", ex.reproduces());
        x.put("table", table(ex));
      } else {
        var r = org.mechcheck.datatrade.CounterexampleFiles.replay(file);
        x.put("finding", "replayed: " + r.detail() + (r.reproduces() ? "" : " - NO LONGER REPRODUCES"));
        x.put("reproduces", r.reproduces());
        List<String> hyp = new ArrayList<>();
        o.path("hypotheses").forEach(h -> hyp.add(h.asText()));
        x.put("hypotheses", hyp);
        x.put("hasHypotheses", !hyp.isEmpty());
      }
      e.put("counterexample", x);
      return e;
    }
    e.put("kind", format.isEmpty() ? "file" : format);
    List<Map<String, Object>> fields = new ArrayList<>();
    o.fields().forEachRemaining(f -> {
      if (f.getValue().isValueNode()) fields.add(Map.of("name", f.getKey(), "value", f.getValue().asText()));
    });
    e.put("fields", fields);
    e.put("hasFields", !fields.isEmpty());
    return e;
  }

  /** Per agent and outcome: what she wins, pays and keeps. */
  private static Map<String, Object> table(Explanation ex) {
    List<Map<String, Object>> heads = new ArrayList<>();
    for (Explanation.Side s : ex.sides()) heads.add(Map.of("heading", s.heading(), "summary", s.summary()));
    List<Map<String, Object>> rows = new ArrayList<>();
    var m = ex.market();
    for (int v = 1; v < m.size(); v++) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Explanation.Side s : ex.sides()) {
        cells.add(Map.of("wins", Rationals.format(s.outcome().allocation(v)), "pays", Rationals.format(s.outcome().payment(v)),
            "utility", Rationals.format(s.utility(v))));
      }
      var a = m.agent(v);
      rows.add(Map.of("agent", m.id(v), "type", a.isBidder() ? "v=" + Rationals.format(a.value()) : "c=" + Rationals.format(a.cost()),
          "deviator", v == ex.sides().get(ex.sides().size() - 1).deviator(), "cells", cells));
    }
    return Map.of("heads", heads, "rows", rows);
  }

  private void index(String name, String root, String heading, List<Map<String, Object>> rows, List<Map<String, Object>> sources, List<Map<String, Object>> verdicts) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("root", root);
    page.put("title", "mechcheck: " + heading);
    page.put("heading", heading);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> c = new LinkedHashMap<>(r);
      c.put("href", root + r.get("href"));
      rs.add(c);
    }
    page.put("rows", rs);
    page.put("count", rows.size());
    page.put("agree", rows.stream().filter(r -> (Boolean) r.get("agrees")).count());
    page.put("sources", sources.stream().map(s -> withRoot(s, root)).toList());
    page.put("verdicts", verdicts.stream().map(s -> withRoot(s, root)).toList());
    page.put("filters", !sources.isEmpty());
    write(name, "index.mustache", page);
  }

  private static Map<String, Object> withRoot(Map<String, Object> link, String root) {
    Map<String, Object> m = new LinkedHashMap<>(link);
    m.put("href", root + link.get("href"));
    return m;
  }

  private void keyPage() {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("root", "");
    page.put("title", "KeY proofs - mechcheck");
    Path f = KeyRecord.file(home);
    if (Files.exists(f)) {
      JsonNode o = NetworkJson.readTree(f);
      page.put("recorded", true);
      page.put("key", o.path("key").asText());
      page.put("z3", o.path("z3").asText());
      page.put("command", o.path("command").asText());
      page.put("date", o.path("date").asText());
      page.put("seconds", o.path("seconds").asText());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (JsonNode c : o.path("contracts")) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", c.path("method").asText());
        r.put("closed", c.path("closed").asBoolean());
        r.put("seconds", c.path("seconds").asText());
        r.put("nodes", c.path("nodes").asText());
        r.put("strategy", c.path("strategy").asText());
        r.put("integers", c.path("integers").asText());
        if (c.hasNonNull("proof")) {
          String rel = c.get("proof").asText();
          copy(home.resolve(rel), out.resolve("evidence").resolve(rel));
          r.put("href", "evidence/" + rel);
          r.put("proof", rel);
        }
        rows.add(r);
      }
      page.put("contracts", rows);
      copy(f, out.resolve("evidence").resolve(home.relativize(f).toString()));
      page.put("summaryHref", "evidence/" + home.relativize(f));
    }
    write("key.html", "key.mustache", page);
  }

  private void write(String name, String template, Map<String, Object> scope) {
    Mustache t = templates.compile(template);
    StringWriter w = new StringWriter();
    t.execute(w, scope);
    org.mechcheck.store.AtomicFiles.replace(out.resolve(name), w.toString());
    pages++;
  }

  private void copyResource(String name) {
    try (InputStream in = Site.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      org.mechcheck.store.AtomicFiles.replace(out.resolve(name), in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      org.mechcheck.store.AtomicFiles.replace(to, Files.readAllBytes(from));
    } catch (IOException e) {
      throw new InputException(from + ": cannot read (" + e.getMessage() + ")");
    }
  }
}

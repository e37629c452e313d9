package org.mechcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mechcheck.smt.Stats;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ProofRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The speed of the exhaustive search, measured: for each workload (mechanism, property, class,
 * bound) this build's {@code search} runs in a fresh JVM, and so does a baseline build's when one
 * is given, alternately (A B A B ...), so that both meet the same load on a shared machine. Each
 * run's figures come from the search's own JSON summary (the baseline's human line for protocol
 * deviations, which older builds print only so); the table gives medians over the rounds, the
 * ratio of the medians, and for this build the split of its threads' time between Z3's queries,
 * Z3's feasibility checks, path exploration (the mechanism re-executed in Java, with the terms it
 * builds) and the rest, per size.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Speed of the exhaustive search per (mechanism, property, class, n), where the time goes, and a baseline build run back to back.")
final class BenchCommand implements Callable<Integer> {
  /** What issue 15 aims at: CSM's IC on cs-general to 5 agents, IDM's IC on social to 5, SRA's computation deviations on social to 4. */
  static final List<String> TARGETS = List.of("csm:IC:cs-general:5", "idm:IC:social:5", "sra:IC/computation:social:4");

  @Parameters(arity = "0..*", paramLabel = "WORKLOAD",
      description = "mechanism:property:class:max-agents, or mechanism:IC/family:class:max-agents for a family of protocol deviations (default: "
          + "csm:IC:cs-general:5 idm:IC:social:5 sra:IC/computation:social:4)")
  List<String> workloads;

  @Option(names = "--baseline", paramLabel = "JAR", description = "another build's mechcheck-cli.jar, run alternately with this one (its checkout is the folder above target/ unless --baseline-home)")
  Path baseline;

  @Option(names = "--baseline-home", paramLabel = "DIR", description = "the baseline's checkout (for its spec/claims.json)") Path baselineHome;
  @Option(names = "--baseline-name", description = "what to call the baseline in the table (default: the jar's checkout's folder name)") String baselineName;
  @Option(names = "--tuning", description = "instead of another jar, this build with optimisations off as the baseline: none, or the ones named (name,name; mechcheck.tuning's -name,-name)") String tuning;
  @Option(names = "--rounds", defaultValue = "1", description = "runs of each build per workload (default 1); medians are quoted") int rounds;
  @Option(names = "--threads", defaultValue = "2", description = "search threads (default 2)") int threads;
  @Option(names = "--time-limit", defaultValue = "0", description = "seconds per run (0: none); a run cut short is marked") double timeLimit;
  @Option(names = "--json", paramLabel = "FILE", description = "every run's figures as JSON") Path json;
  @Option(names = "--others", paramLabel = "all|truthful", description = "this build's IC searches only: the others' reports searched (search --others); truthful is the work a baseline older than the DSIC quantifier does") String others;
  @Option(names = "--box", paramLabel = "B", description = "this build's searches only: values and costs in [0, B] (search --box), as a baseline older than unbounded values searched them") String box;
  @Option(names = "--markdown", paramLabel = "FILE", description = "the table as Markdown") Path markdown;

  /** One workload: what {@code search} is asked. */
  record Workload(String mechanism, String property, String family, String networkClass, int maxAgents) {
    static Workload parse(String s) {
      String[] p = s.split(":");
      if (p.length != 4) throw new InputException("workload '" + s + "': expected mechanism:property:class:max-agents");
      String prop = p[1], family = null;
      int slash = prop.indexOf('/');
      if (slash >= 0) {
        family = prop.substring(slash + 1);
        prop = prop.substring(0, slash);
      }
      int n;
      try {
        n = Integer.parseInt(p[3]);
      } catch (NumberFormatException e) {
        throw new InputException("workload '" + s + "': max-agents '" + p[3] + "' is not a whole number");
      }
      if (n < 1) throw new InputException("workload '" + s + "': max-agents must be at least 1");
      return new Workload(p[0], prop, family, p[2], n);
    }

    List<String> args(int threads, double timeLimit) {
      List<String> a = new ArrayList<>(List.of("search", "--mechanism", mechanism, "--property", property, "--class", networkClass, "--max-agents",
          Integer.toString(maxAgents), "--json"));
      if (family != null) a.addAll(List.of("--deviations", family));
      else a.addAll(List.of("--threads", Integer.toString(threads)));
      if (timeLimit > 0) a.addAll(List.of("--time-limit", Double.toString(timeLimit)));
      return a;
    }

    @Override
    public String toString() {
      return mechanism + " " + property + (family == null ? "" : "/" + family) + " " + networkClass + " n<=" + maxAgents;
    }
  }

  /** One run of one build: its summary (null fields when the build does not say). */
  record Run(String build, double seconds, long networks, long queries, String verdict, int bound, boolean timedOut, JsonNode summary, String load, double cpu) {}

  @Override
  public Integer call() throws Exception {
    List<Workload> ws = new ArrayList<>();
    for (String w : workloads == null || workloads.isEmpty() ? TARGETS : workloads) ws.add(Workload.parse(w));
    if (rounds < 1) throw new InputException("--rounds must be at least 1");
    if (baseline != null && tuning != null) throw new InputException("--baseline and --tuning: give one baseline");
    Path home = Home.get();
    List<String> extra = new ArrayList<>();
    if (others != null) extra.addAll(List.of("--others", others));
    if (box != null) extra.addAll(List.of("--box", box));
    Build a = new Build("this build" + (extra.isEmpty() ? "" : " (" + String.join(" ", extra) + ")"), classPath(), home, null);
    a.extra = List.copyOf(extra);
    Build b = null;
    if (baseline != null) {
      if (!Files.isRegularFile(baseline)) throw new InputException("--baseline: " + baseline + ": no such jar");
      Path bh = baselineHome != null ? baselineHome : baseline.toAbsolutePath().getParent().getParent();
      if (!Files.isRegularFile(bh.resolve("spec/claims.json"))) {
        throw new InputException("--baseline-home: " + bh + " is not a mechcheck checkout (no spec/claims.json)");
      }
      b = new Build(baselineName != null ? baselineName : bh.getFileName().toString(), baseline.toAbsolutePath().toString(), bh, null);
    } else if (tuning != null) {
      // the names alone: a value beginning with '-' reads as an option on the command line
      String off = tuning.trim().equals("none") ? "none" : String.join(",", java.util.Arrays.stream(tuning.split(",")).map(String::trim).map(n -> n.startsWith("-") ? n : "-" + n).toList());
      try {
        org.mechcheck.smt.Tuning.parse(off);
      } catch (IllegalArgumentException e) {
        throw new InputException("--tuning: " + e.getMessage());
      }
      b = new Build(baselineName != null ? baselineName : "this build, tuning " + off, classPath(), home, off);
    }
    System.err.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load " + load() + "; " + rounds + " round" + (rounds == 1 ? "" : "s")
        + (b == null ? "" : ", " + a.name + " and " + b.name + " alternately"));
    ObjectNode out = NetworkJson.MAPPER.createObjectNode();
    out.put("machine", Runtime.getRuntime().availableProcessors() + " cores").put("threads", threads).put("rounds", rounds);
    if (b != null) out.put("baseline", b.name);
    ArrayNode rows = out.putArray("workloads");
    StringBuilder md = new StringBuilder();
    Table table = new Table("workload", "n", "networks", "queries", "feasibility", "paths", "seconds", "networks/s", "queries/s", "Z3 queries", "Z3 feasibility",
        "exploration", "rest", b == null ? "" : b.name + " s", b == null ? "" : "speed-up");
    md.append("| workload | n | networks | queries | feasibility checks | paths | seconds | networks/s | queries/s | Z3 queries | Z3 feasibility | exploration | rest |")
        .append(b == null ? "\n" : " " + b.name + " s | speed-up |\n").append("|---".repeat(b == null ? 13 : 15)).append("|\n");
    for (Workload w : ws) {
      List<Run> as = new ArrayList<>(), bs = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        as.add(a.run(w));
        report(w, as.get(as.size() - 1));
        if (b != null) {
          bs.add(b.run(w));
          report(w, bs.get(bs.size() - 1));
        }
      }
      ObjectNode row = rows.addObject();
      row.put("workload", w.toString());
      ArrayNode ra = row.putArray("runs");
      for (Run r : as) ra.add(runJson(r));
      ArrayNode rb = row.putArray("baselineRuns");
      for (Run r : bs) rb.add(runJson(r));
      Run median = medianRun(as);
      double am = median(as), bm = bs.isEmpty() ? Double.NaN : median(bs);
      row.put("seconds", am).put("cpuSeconds", medianCpu(as));
      if (!bs.isEmpty()) row.put("baselineSeconds", bm).put("speedup", bm / am).put("baselineCpuSeconds", medianCpu(bs)).put("cpuSpeedup", medianCpu(bs) / medianCpu(as));
      // per size, this build's median run; then the total with the ratio of medians
      JsonNode levels = median.summary == null ? null : median.summary.path("levels");
      int t = median.summary == null ? threads : median.summary.path("threads").asInt(threads);
      if (levels != null) {
        for (JsonNode l : levels) {
          String[] cells = cells(w.toString(), Integer.toString(l.path("agents").asInt()), l, t, "", "");
          table.row(cells);
          md.append(markdownRow(cells));
        }
      }
      String mark = median.timedOut ? " (time limit)" : "";
      String[] cells = cells(w + mark, "total", median.summary == null ? totals(median) : median.summary, t,
          b == null ? "" : fmt(bm) + (bs.stream().anyMatch(Run::timedOut) ? " (time limit)" : ""),
          b == null ? "" : String.format(Locale.ROOT, "%.2fx (CPU %.2fx)", bm / am, medianCpu(bs) / medianCpu(as)));
      table.row(cells);
      md.append(markdownRow(cells));
      if (!bs.isEmpty()) {
        Run bmRun = medianRun(bs);
        if (bmRun.networks != median.networks || !bmRun.verdict.equals(median.verdict) || bmRun.bound != median.bound) {
          System.err.println("note: " + w + ": the builds disagree (" + a.name + ": " + median.verdict + ", bound " + median.bound + ", " + median.networks + " networks; "
              + b.name + ": " + bmRun.verdict + ", bound " + bmRun.bound + ", " + bmRun.networks + " networks)");
        }
      }
    }
    System.out.print(table);
    if (b != null) System.out.println("speed-up: the baseline's median seconds over this build's, same workload, runs alternated");
    System.out.println("Z3 queries, Z3 feasibility, exploration and rest: shares of the search threads' time (seconds x threads)");
    if (json != null) Files.writeString(json, NetworkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
    if (markdown != null) Files.writeString(markdown, md.toString());
    return 0;
  }

  private static String markdownRow(String[] cells) {
    StringBuilder sb = new StringBuilder("|");
    for (String c : cells) if (c != null) sb.append(' ').append(c).append(" |");
    return sb.append('\n').toString();
  }

  private String[] cells(String what, String n, JsonNode l, int t, String base, String ratio) {
    double s = l.path("seconds").asDouble();
    double thread = s * t;
    double q = l.path("querySeconds").asDouble(), f = l.path("feasibilitySeconds").asDouble(), e = l.path("exploreSeconds").asDouble();
    List<String> c = new ArrayList<>(Arrays.asList(what, n, Long.toString(l.path("networks").asLong()), Long.toString(l.path("queries").asLong()),
        l.has("feasibilityChecks") ? Long.toString(l.path("feasibilityChecks").asLong()) : "-", l.has("paths") ? Long.toString(l.path("paths").asLong()) : "-", fmt(s),
        fmt(l.path("networks").asLong() / Math.max(s, 1e-9)), fmt(l.path("queries").asLong() / Math.max(s, 1e-9)),
        l.has("querySeconds") ? pct(q, thread) : "-", l.has("feasibilitySeconds") ? pct(f, thread) : "-", l.has("exploreSeconds") ? pct(e - f, thread) : "-",
        l.has("exploreSeconds") ? pct(thread - q - e, thread) : "-"));
    if (!base.isEmpty() || !ratio.isEmpty() || baseline != null || tuning != null) {
      c.add(base);
      c.add(ratio);
    } else {
      c.add(null);
      c.add(null);
    }
    return c.stream().map(x -> x == null ? "" : x).toArray(String[]::new);
  }

  private static String pct(double part, double whole) {
    return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
  }

  private static String fmt(double x) {
    if (Double.isNaN(x)) return "-";
    return x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : x >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
  }

  private static void report(Workload w, Run r) {
    System.err.printf(Locale.ROOT, "%s, %s: %.2f s (%.1f s CPU), %d networks, %d queries, %s%s (load %s)%n", w, r.build, r.seconds, r.cpu, r.networks, r.queries,
        r.verdict, r.timedOut ? ", time limit" : "", r.load);
  }

  private static ObjectNode runJson(Run r) {
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("build", r.build).put("seconds", r.seconds).put("cpuSeconds", r.cpu).put("networks", r.networks).put("queries", r.queries).put("verdict", r.verdict).put("bound", r.bound)
        .put("timedOut", r.timedOut).put("load", r.load);
    if (r.summary != null) o.set("summary", r.summary);
    return o;
  }

  static double median(List<Run> runs) {
    double[] s = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double medianCpu(List<Run> runs) {
    double[] s = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** A run's totals where its search gave no breakdown per size (a deviation search, an older build). */
  private static JsonNode totals(Run r) {
    return NetworkJson.MAPPER.createObjectNode().put("networks", r.networks()).put("queries", r.queries()).put("seconds", r.seconds());
  }

  private static Run medianRun(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Run::seconds));
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  private static String load() {
    try {
      String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return l[0] + " " + l[1] + " " + l[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * CPU seconds of this process's finished children (Linux: /proc/self/stat, cutime and cstime
   * in clock ticks of 1/100 s), NaN elsewhere: a run's CPU time is less at the mercy of other
   * processes than its wall time.
   */
  static double childCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static final Pattern HUMAN = Pattern.compile("\\((\\d+) networks, (\\d+) queries, ([0-9.]+) s\\)");

  /** A build to run: its class path, its checkout, and the optimisations it turns off (null: none). */
  private final class Build {
    final String name;
    final String classPath;
    final Path home;
    final String tuning;
    /** Options added to every search of this build. */
    List<String> extra = List.of();

    Build(String name, String classPath, Path home, String tuning) {
      this.name = name;
      this.classPath = classPath;
      this.home = home;
      this.tuning = tuning;
    }

    Run run(Workload w) throws IOException, InterruptedException {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m"));
      if (tuning != null) cmd.add("-Dmechcheck.tuning=" + tuning);
      cmd.addAll(List.of("-cp", classPath, "org.mechcheck.cli.Main"));
      cmd.addAll(w.args(threads, timeLimit));
      cmd.addAll(extra);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("MECHCHECK_HOME", home.toString());
      String before = load();
      double cpuBefore = childCpu();
      long start = System.nanoTime();
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = p.waitFor();
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = childCpu() - cpuBefore;
      String loads = before + " / " + load();
      JsonNode summary = null;
      for (String line : stdout.lines().toList()) {
        if (!line.startsWith("{")) continue;
        JsonNode o = NetworkJson.MAPPER.readTree(line);
        if (o.has("verdict") && o.has("networks")) summary = o;
      }
      if (summary != null) {
        return new Run(name, summary.path("seconds").asDouble(wall), summary.path("networks").asLong(), summary.path("queries").asLong(),
            summary.path("verdict").asText(), summary.path("bound").asInt(), summary.path("timedOut").asBoolean(), summary.has("levels") ? summary : null, loads, cpu);
      }
      Matcher m = HUMAN.matcher(stdout);
      if (m.find()) {
        String verdict = stdout.contains("VERIFIED") ? "verified" : stdout.contains("REFUTED") ? "refuted" : "unknown";
        Matcher bound = Pattern.compile("up to (\\d+) agents").matcher(stdout);
        return new Run(name, Double.parseDouble(m.group(3)), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), verdict,
            bound.find() ? Integer.parseInt(bound.group(1)) : 0, stdout.contains("time limit reached"), null, loads, cpu);
      }
      throw new InputException(name + ": search " + w + " gave no summary (exit status " + status + "): " + stdout.lines().findFirst().orElse("no output"));
    }
  }

  // ---------------------------------------------------------------- the figures search --json adds

  /** The breakdown a search's JSON summary carries: totals, then per size (levels and their statistics in step). */
  static void phases(ObjectNode summary, Stats total, int threads, List<ProofRecord.Level> levels, List<Stats> levelStats) {
    summary.put("threads", threads);
    put(summary, total);
    ArrayNode ls = summary.putArray("levels");
    for (int i = 0; i < levels.size() && i < levelStats.size(); i++) {
      ProofRecord.Level l = levels.get(i);
      ObjectNode o = ls.addObject().put("agents", l.agents()).put("networks", l.networks()).put("queries", l.queries()).put("seconds", round(l.seconds()));
      put(o, levelStats.get(i));
    }
  }

  private static void put(ObjectNode o, Stats s) {
    o.put("feasibilityChecks", s.feasibilityChecks).put("cachedDecisions", s.cachedDecisions).put("paths", s.paths)
        .put("querySeconds", round((s.solverNanos - s.feasibilityNanos) / 1e9)).put("feasibilitySeconds", round(s.feasibilityNanos / 1e9))
        .put("exploreSeconds", round(s.exploreNanos / 1e9));
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}

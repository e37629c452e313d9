package org.mechcheck.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mechcheck.store.NetworkJson;

/**
 * The evidence behind 003's claims that is too slow to recompute on every {@code mechcheck claims}:
 * seeded samples of member pairs, written to proofs/group/ with the command that reproduces them.
 * <ul>
 *   <li>hazard-rate-values.json: pairs whose values are hazard-rate ordered (v1 &lt;=_hr v2): is w1* >= w2*?
 *   <li>hazard-rate-phi.json: pairs whose virtual values phi_i(v_i) are hazard-rate ordered (the slides' premise, read literally)
 *   <li>incentives.json: BIC gain and lowest interim utility for random pairs, against the grid's error bound
 *   <li>posted-price.json: optimal revenue against the best posted price for random groups of 2 and 3
 * </ul>
 */
public final class GroupEvidence {
  private GroupEvidence() {}

  public static final double WEIGHT_TOLERANCE = 1e-6;
  /** Profiles of the other member averaged over per report in the incentive checks (pairs). */
  public static final int OTHERS = 20000;

  static String command(int pairs, long seed) {
    return "./mechcheck group evidence --pairs " + pairs + " --seed " + seed;
  }

  public static List<String> writeAll(Path dir, int pairs, long seed) throws IOException {
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>();
    lines.add(write(dir.resolve("hazard-rate-values.json"), hazardRate(false, pairs, seed)));
    lines.add(write(dir.resolve("hazard-rate-phi.json"), hazardRate(true, pairs, seed)));
    lines.add(write(dir.resolve("incentives.json"), incentives(Math.max(1, pairs / 5), seed)));
    lines.add(write(dir.resolve("posted-price.json"), posted(Math.max(1, pairs / 5), seed)));
    return lines;
  }

  private static String write(Path file, ObjectNode record) throws IOException {
    org.mechcheck.store.AtomicFiles.replace(file, NetworkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n");
    return file.getParent().getFileName() + "/" + file.getFileName() + ": " + record.path("summary").asText();
  }

  public static JsonNode read(Path file) {
    try {
      return NetworkJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double r2(SplittableRandom rnd, double lo, double hi) {
    return Math.round((lo + (hi - lo) * rnd.nextDouble()) * 100) / 100.0;
  }

  private static String n(double x) {
    return new java.math.BigDecimal(x).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A pair (weaker first, in the order the family guarantees) of one family, drawn from rnd. */
  static String[] pair(String family, SplittableRandom rnd) {
    while (true) {
      switch (family) {
        case "U(0,a) vs U(0,b), a < b": {
          double a = r2(rnd, 0.5, 5), b = r2(rnd, 0.5, 5);
          if (a < b) return new String[] {"U(0," + n(a) + ")", "U(0," + n(b) + ")"};
          break;
        }
        case "Exp(l1) vs Exp(l2), l1 > l2": {
          double l1 = r2(rnd, 0.2, 5), l2 = r2(rnd, 0.2, 5);
          if (l1 > l2) return new String[] {"Exp(" + n(l1) + ")", "Exp(" + n(l2) + ")"};
          break;
        }
        case "U(0,a) vs Exp(l), l <= 1/a": {
          double a = r2(rnd, 0.5, 5), l = r2(rnd, 0.05, 2);
          if (l * a <= 1) return new String[] {"U(0," + n(a) + ")", "Exp(" + n(l) + ")"};
          break;
        }
        case "TN(m1,s,0,h) vs TN(m2,s,0,h), m1 < m2": {
          double m1 = r2(rnd, 0, 3), m2 = r2(rnd, 0, 3), s = r2(rnd, 0.3, 2), h = r2(rnd, 1, 5);
          if (m1 < m2) return new String[] {"TN(" + n(m1) + "," + n(s) + ",0," + n(h) + ")", "TN(" + n(m2) + "," + n(s) + ",0," + n(h) + ")"};
          break;
        }
        case "U(c1,c1+a) vs U(c2,c2+a), c1 < c2": {
          double c1 = r2(rnd, 0, 3), c2 = r2(rnd, 0, 3), a = r2(rnd, 0.5, 4);
          if (c1 < c2) return new String[] {"U(" + n(c1) + "," + n(c1 + a) + ")", "U(" + n(c2) + "," + n(c2 + a) + ")"};
          break;
        }
        case "Exp(l,s1) vs Exp(l,s2), s1 < s2": {
          double l = r2(rnd, 0.2, 5), s1 = r2(rnd, 0, 3), s2 = r2(rnd, 0, 3);
          if (s1 < s2) return new String[] {"Exp(" + n(l) + "," + n(s1) + ")", "Exp(" + n(l) + "," + n(s2) + ")"};
          break;
        }
        case "U(0,a) vs Exp(l,s), 2al <= 1, s >= 1/l - a": {
          double a = r2(rnd, 0.2, 3), l = r2(rnd, 0.05, 2), s = r2(rnd, 0, 20);
          if (2 * a * l <= 1 && s >= 1 / l - a) return new String[] {"U(0," + n(a) + ")", "Exp(" + n(l) + "," + n(s) + ")"};
          break;
        }
        default:
          throw new IllegalArgumentException(family);
      }
    }
  }

  public static final List<String> VALUE_FAMILIES = List.of("U(0,a) vs U(0,b), a < b", "Exp(l1) vs Exp(l2), l1 > l2", "U(0,a) vs Exp(l), l <= 1/a",
      "TN(m1,s,0,h) vs TN(m2,s,0,h), m1 < m2");
  public static final List<String> PHI_FAMILIES = List.of("U(c1,c1+a) vs U(c2,c2+a), c1 < c2", "Exp(l,s1) vs Exp(l,s2), s1 < s2",
      "U(0,a) vs Exp(l,s), 2al <= 1, s >= 1/l - a");

  static ObjectNode hazardRate(boolean phi, int pairs, long seed) {
    long start = System.nanoTime();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("claim", phi ? "group/weights/hazard-rate-phi" : "group/weights/hazard-rate-values");
    o.put("command", command(pairs, seed));
    o.put("seed", seed);
    o.put("tolerance", WEIGHT_TOLERANCE);
    o.put("premise", phi ? "phi_1(v_1) <=_hr phi_2(v_2), by construction of each family" : "v_1 <=_hr v_2, by construction of each family");
    ArrayNode fams = o.putArray("families"), bad = o.putArray("violations");
    int total = 0, violations = 0;
    List<String> families = phi ? PHI_FAMILIES : VALUE_FAMILIES;
    for (int f = 0; f < families.size(); f++) {
      String fam = families.get(f);
      SplittableRandom rnd = new SplittableRandom(seed * 1000 + f + (phi ? 100 : 0));
      double minMargin = Double.POSITIVE_INFINITY;
      String closest = "";
      int famBad = 0;
      for (int k = 0; k < pairs; k++) {
        String[] p = pair(fam, rnd);
        double[] w = OptimalWeights.of(List.of(new Member(Distributions.parse(p[0])), new Member(Distributions.parse(p[1]))));
        double margin = w[0] - w[1];
        if (margin < minMargin) {
          minMargin = margin;
          closest = p[0] + " vs " + p[1];
        }
        if (margin < -WEIGHT_TOLERANCE) {
          famBad++;
          ObjectNode v = bad.addObject();
          v.put("weaker", p[0]);
          v.put("stronger", p[1]);
          v.put("w1", w[0]);
          v.put("w2", w[1]);
        }
      }
      total += pairs;
      violations += famBad;
      ObjectNode fo = fams.addObject();
      fo.put("family", fam);
      fo.put("pairs", pairs);
      fo.put("violations", famBad);
      fo.put("minMargin", minMargin);
      fo.put("closestPair", closest);
    }
    o.put("pairs", total);
    o.put("violationCount", violations);
    o.put("seconds", (System.nanoTime() - start) / 1e9);
    o.put("summary", String.format(Locale.ROOT, "%d pairs in %d families (seed %d): w1* >= w2* - %.0e in %d", total, families.size(), seed, WEIGHT_TOLERANCE, total - violations));
    return o;
  }

  static final List<String> MIXED = List.of("U(0,a)", "U(c,c+a)", "Exp(l)", "TN(m,s,0,h)", "Beta(a,b)", "D");

  /** A random member of one of the mixed families (regular parameters). */
  static String member(SplittableRandom rnd) {
    switch (MIXED.get(rnd.nextInt(MIXED.size()))) {
      case "U(0,a)":
        return "U(0," + n(r2(rnd, 0.5, 5)) + ")";
      case "U(c,c+a)": {
        double c = r2(rnd, 0, 2);
        return "U(" + n(c) + "," + n(c + r2(rnd, 0.5, 4)) + ")";
      }
      case "Exp(l)":
        return "Exp(" + n(r2(rnd, 0.2, 3)) + ")";
      case "TN(m,s,0,h)":
        return "TN(" + n(r2(rnd, 0, 3)) + "," + n(r2(rnd, 0.3, 2)) + ",0," + n(r2(rnd, 1, 5)) + ")";
      case "Beta(a,b)":
        return "Beta(" + n(r2(rnd, 1, 4)) + "," + n(r2(rnd, 1, 4)) + ")";
      default: {
        // three atoms 0 < x < y with probabilities 1/4, 1/2, 1/4 (regular for these spacings? checked by Member)
        double x = r2(rnd, 0.5, 2), y = x + r2(rnd, 0.5, 2);
        return "D(0:1/4," + n(x) + ":1/2," + n(y) + ":1/4)";
      }
    }
  }

  static ObjectNode incentives(int count, long seed) {
    long start = System.nanoTime();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("claim", "group/bic/weighted, group/ir/interim");
    o.put("command", command(count * 5, seed));
    o.put("seed", seed);
    o.put("reportGrid", 400);
    o.put("othersGrid", OTHERS);
    o.put("tolerance", "largest value of the pair / othersGrid: the midpoint average of the other member's allocation is off by at most 1/(2 othersGrid)");
    ArrayNode sets = o.putArray("pairs");
    SplittableRandom rnd = new SplittableRandom(seed * 7919);
    int bicOk = 0, irOk = 0;
    for (int k = 0; k < count; k++) {
      List<String> specs = List.of(member(rnd), member(rnd));
      List<Member> ms = GroupSale.members(specs);
      EqualShareMechanism m = EqualShareMechanism.optimal(ms);
      IncentiveCheck.Result ic = IncentiveCheck.of(m, 400, OTHERS);
      double tol = tolerance(ms, OTHERS);
      ObjectNode s = sets.addObject();
      s.putPOJO("members", specs);
      s.put("weights", m.weights()[0] + "," + m.weights()[1]);
      s.put("maxGain", ic.maxGain());
      s.put("minInterimUtility", ic.minInterimUtility());
      s.put("minExPostUtility", ic.minExPostUtility());
      s.put("tolerance", tol);
      boolean bic = ic.maxGain() <= tol, ir = ic.minInterimUtility() >= -tol;
      s.put("bic", bic);
      s.put("interimIr", ir);
      if (bic) bicOk++;
      if (ir) irOk++;
    }
    o.put("count", count);
    o.put("bicWithinTolerance", bicOk);
    o.put("interimIrWithinTolerance", irOk);
    o.put("seconds", (System.nanoTime() - start) / 1e9);
    o.put("summary", String.format(Locale.ROOT, "%d random pairs (seed %d): BIC within the grid's tolerance in %d, interim IR in %d", count, seed, bicOk, irOk));
    return o;
  }

  /** The grid error bound of IncentiveCheck for a pair: largest value of the report grid over the others' grid size. */
  public static double tolerance(List<Member> ms, int others) {
    double top = 0;
    for (Member m : ms) for (double v : m.valueGrid(400)) top = Math.max(top, v);
    return top / others + 1e-9;
  }

  static ObjectNode posted(int count, long seed) {
    long start = System.nanoTime();
    ObjectNode o = NetworkJson.MAPPER.createObjectNode();
    o.put("claim", "group/rev/beats-posted-price");
    o.put("command", command(count * 5, seed));
    o.put("seed", seed);
    ArrayNode sets = o.putArray("groups");
    SplittableRandom rnd = new SplittableRandom(seed * 104729);
    int atLeast = 0, strictly = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      int size = 2 + (k % 2);
      List<String> specs = new ArrayList<>();
      for (int i = 0; i < size; i++) specs.add(member(rnd));
      List<Member> ms = GroupSale.members(specs);
      EqualShareMechanism m = EqualShareMechanism.optimal(ms);
      PostedPrice.Best p = PostedPrice.best(ms);
      double opt = m.revenuePerMember();
      ObjectNode s = sets.addObject();
      s.putPOJO("members", specs);
      s.put("optimal", opt);
      s.put("posted", p.revenuePerMember());
      s.put("price", p.price());
      if (opt >= p.revenuePerMember() - 1e-6) atLeast++;
      if (opt > p.revenuePerMember() + 1e-6) strictly++;
      if (p.revenuePerMember() > 0) minRatio = Math.min(minRatio, opt / p.revenuePerMember());
    }
    o.put("count", count);
    o.put("atLeastPosted", atLeast);
    o.put("strictlyAbovePosted", strictly);
    o.put("lowestRatio", minRatio);
    o.put("seconds", (System.nanoTime() - start) / 1e9);
    o.put("summary", String.format(Locale.ROOT, "%d random groups of 2 and 3 (seed %d): optimal >= posted - 1e-6 in %d, strictly above in %d; lowest ratio %.4f",
        count, seed, atLeast, strictly, minRatio));
    return o;
  }
}

package org.mechcheck.group;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechcheck.claims.Claim;
import org.mechcheck.claims.Verdict;

/**
 * Verdicts for 003's claims ({@code "checkedBy": "group"}). The worked example is recomputed on the
 * spot (well under a second); the samples over distribution families are read from the records
 * {@code mechcheck group evidence} writes into proofs/group/. A missing or unreadable record gives
 * "unknown".
 */
public final class GroupClaims implements org.mechcheck.claims.ClaimCheck {
  /** The check "group" (the claims of 003), registered as a claim check. */
  public GroupClaims() {}

  @Override
  public String name() {
    return "group";
  }

  static final List<String> EXAMPLE = List.of("U(0,2)", "U(0,3)");

  @Override
  public Verdict evaluate(Claim claim, Path home, double budgetSeconds) {
    long start = System.nanoTime();
    try {
      return switch (claim.id()) {
        case "group/example/slides" -> example(claim, start);
        case "group/rev/beats-posted-price" -> beatsPosted(claim, home, start);
        case "group/weights/hazard-rate-values", "group/weights/hazard-rate-phi" -> hazard(claim, home, start);
        case "group/bic/weighted", "group/ir/interim" -> incentives(claim, home, start);
        default -> new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "no group check for this id", secs(start));
      };
    } catch (RuntimeException e) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "check failed: " + e, secs(start));
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The slides' numbers against independent closed forms (spec/group.md). */
  private static Verdict example(Claim claim, long start) {
    List<Member> ms = GroupSale.members(EXAMPLE);
    EqualShareMechanism m = EqualShareMechanism.optimal(ms);
    double w1 = m.weights()[0], w2 = m.weights()[1];
    PostedPrice.Best p = PostedPrice.best(ms);
    // "Not IR": weights (0, 1) sell to member 2 alone; charging her E[X_2 phi_2] leaves member 1 at 0 with R_1 - R_2
    double[] r01 = new EqualShareMechanism(ms, new double[] {0, 1}).memberSurplus();
    List<String> fails = new ArrayList<>();
    if (Math.abs(w1 - Math.sqrt(3.0 / 7)) > 1e-6) fails.add("w1 = " + w1 + ", not sqrt(3/7)");
    // delta: 2 w1 v1 + 2 w2 v2 >= 2 w1 + 3 w2, i.e. w1 v1 + w2 v2 >= 1 + w2/2, checked on the rule itself
    double delta = 1 + w2 / 2;
    for (double v1 = 0.05; v1 < 2; v1 += 0.1) {
      double v2edge = (delta - w1 * v1) / w2;
      if (v2edge - 1e-6 > 0 && v2edge - 1e-6 < 3 && m.sells(new double[] {v1, v2edge - 1e-6})) fails.add("sells below w1 v1 + w2 v2 = 1 + w2/2 at v1 = " + v1);
      if (v2edge + 1e-6 < 3 && v2edge + 1e-6 > 0 && !m.sells(new double[] {v1, v2edge + 1e-6})) fails.add("does not sell above 1 + w2/2 at v1 = " + v1);
    }
    if (Math.abs(p.price() - 0.78) > 0.01) fails.add("posted price " + p.price() + ", not about 0.78");
    if (Math.abs(p.revenuePerMember() - 0.35) > 0.005) fails.add("posted revenue " + p.revenuePerMember() + ", not about 0.35");
    if (Math.abs((r01[0] - r01[1]) - (-1.5 * 0.5)) > 1e-6) fails.add("Not IR line: " + (r01[0] - r01[1]) + ", not -3/2 * 1/2");
    String note = String.format(Locale.ROOT, "w1 = %.9f (sqrt(3/7) = %.9f), delta = 1 + w2/2 = %.6f, posted %.4f at p = %.4f, Not IR %.6f", w1, Math.sqrt(3.0 / 7), delta,
        p.revenuePerMember(), p.price(), r01[0] - r01[1]);
    return new Verdict(claim, fails.isEmpty() ? Verdict.VERIFIED : Verdict.REFUTED, null, List.of(), fails.isEmpty() ? note : String.join("; ", fails), secs(start));
  }

  private static Verdict beatsPosted(Claim claim, Path home, long start) {
    List<Member> ms = GroupSale.members(EXAMPLE);
    EqualShareMechanism m = EqualShareMechanism.optimal(ms);
    PostedPrice.Best p = PostedPrice.best(ms);
    boolean example = m.revenuePerMember() > p.revenuePerMember() + 1e-6;
    Path rec = home.resolve("proofs/group/posted-price.json");
    if (!Files.isRegularFile(rec)) return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "no proofs/group/posted-price.json; run ./mechcheck group evidence", secs(start));
    JsonNode r = GroupEvidence.read(rec);
    int count = r.path("count").asInt(), atLeast = r.path("atLeastPosted").asInt(), strictly = r.path("strictlyAbovePosted").asInt();
    String note = String.format(Locale.ROOT, "example: %.6f vs posted %.6f per member; %s", m.revenuePerMember(), p.revenuePerMember(), r.path("summary").asText());
    String v = !example || atLeast < count ? Verdict.REFUTED : strictly > 0 ? Verdict.VERIFIED : Verdict.UNKNOWN;
    return new Verdict(claim, v, null, List.of("proofs/group/posted-price.json"), note, secs(start));
  }

  private static Verdict hazard(Claim claim, Path home, long start) {
    String file = claim.id().endsWith("-phi") ? "hazard-rate-phi.json" : "hazard-rate-values.json";
    Path rec = home.resolve("proofs/group/" + file);
    if (!Files.isRegularFile(rec)) return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), "no proofs/group/" + file + "; run ./mechcheck group evidence", secs(start));
    JsonNode r = GroupEvidence.read(rec);
    if (!claim.id().equals(r.path("claim").asText()) || r.path("pairs").asInt() == 0) {
      return new Verdict(claim, Verdict.UNKNOWN, null, List.of("proofs/group/" + file), "record is not about this claim", secs(start));
    }
    String v = r.path("violationCount").asInt() == 0 ? Verdict.VERIFIED : Verdict.REFUTED;
    String note = r.path("summary").asText();
    if (v.equals(Verdict.REFUTED)) {
      JsonNode first = r.path("violations").path(0);
      note += String.format(Locale.ROOT, "; e.g. %s (weaker) gets %.6f < %s's %.6f", first.path("weaker").asText(), first.path("w1").asDouble(), first.path("stronger").asText(), first.path("w2").asDouble());
    }
    return new Verdict(claim, v, null, List.of("proofs/group/" + file), note, secs(start));
  }

  private static Verdict incentives(Claim claim, Path home, long start) {
    boolean bic = claim.id().equals("group/bic/weighted");
    List<Member> ms = GroupSale.members(EXAMPLE);
    EqualShareMechanism m = EqualShareMechanism.optimal(ms);
    IncentiveCheck.Result ic = IncentiveCheck.of(m, 200, GroupEvidence.OTHERS);
    double tol = GroupEvidence.tolerance(ms, GroupEvidence.OTHERS);
    boolean example = bic ? ic.maxGain() <= tol : ic.minInterimUtility() >= -tol;
    String ex = bic ? String.format(Locale.ROOT, "example: largest gain %.2g (tolerance %.2g)", ic.maxGain(), tol)
        : String.format(Locale.ROOT, "example: lowest interim utility %.2g (tolerance %.2g)", ic.minInterimUtility(), tol);
    Path rec = home.resolve("proofs/group/incentives.json");
    if (!example) return new Verdict(claim, Verdict.REFUTED, null, List.of(), ex, secs(start));
    if (!Files.isRegularFile(rec)) return new Verdict(claim, Verdict.UNKNOWN, null, List.of(), ex + "; no proofs/group/incentives.json; run ./mechcheck group evidence", secs(start));
    JsonNode r = GroupEvidence.read(rec);
    int count = r.path("count").asInt(), ok = r.path(bic ? "bicWithinTolerance" : "interimIrWithinTolerance").asInt();
    String v = count > 0 && ok == count ? Verdict.VERIFIED : Verdict.REFUTED;
    return new Verdict(claim, v, null, List.of("proofs/group/incentives.json"), ex + "; " + r.path("summary").asText(), secs(start));
  }
}

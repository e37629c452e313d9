package org.mechcheck.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Mechanisms;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.mechcheck.store.Replay;
import org.mechcheck.sra.DeviationSearch;
import org.mechcheck.sra.Protocol;
import org.mechcheck.sra.SraAgent;
import org.mechcheck.store.Counterexample;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;
import org.mechcheck.store.ViolationJson;

/** Builds the {@link Explanation} of a saved counterexample by running the mechanisms again, exactly. */
public final class Explain {
  private static final Exact A = Exact.INSTANCE;

  /** Mechanisms that hand whole units down the winners' critical agents (002's IDM and GIDM): their pictures trace a report path to each winner. */
  private static final java.util.Set<String> TRACED = java.util.Set.of("idm", "gidm");

  private Explain() {}

  /**
   * A network counterexample: for IR and IC with a deviation, the truthful outcome beside the
   * deviating one; for EQ, the mechanism beside its reference; for EFF, beside an efficient
   * allocation (VCG's, shown only when its welfare is the optimum the checker computes);
   * otherwise the one outcome the property is about.
   */
  public static Explanation of(Counterexample c) {
    return of(c, org.mechcheck.plugin.Registry.standard());
  }

  /** {@link #of(Counterexample)} for a mechanism of {@code registry} (a researcher's, say). */
  public static Explanation of(Counterexample c, org.mechcheck.plugin.Registry registry) {
    Mechanism mech = registry.find(Mechanism.class, c.mechanism()).orElseThrow(() -> new InputException("mechanism: unknown mechanism '" + c.mechanism() + "'"));
    Market m = c.market();
    Optional<String> refusal = mech.refusal(m);
    if (refusal.isPresent()) throw new InputException(m.name() + ": " + mech.name() + " cannot run on this network: " + refusal.get());
    Profile<BigFraction> truthful = Profile.truthful(m, A);
    Outcome<BigFraction> t = mech.run(truthful, A);
    List<Explanation.Side> sides = new ArrayList<>();
    Deviation d = c.deviation();
    int v = c.agent();
    BitSet none = new BitSet();
    boolean trace = TRACED.contains(mech.name());
    if (Counterexample.agentLevel(c.property()) && d != null && !d.isTruthful()) {
      sides.add(new Explanation.Side("truthful", t, truthful, v, none, none, null, trace));
      Profile<BigFraction> p = truthful.deviate(v, d.bid() == null ? null : A.of(d.bid()), d.informs());
      String note = d.bid() == null ? null : "bids " + Rationals.format(d.bid());
      sides.add(new Explanation.Side(m.id(v) + " deviates: " + ViolationJson.describe(m, d), mech.run(p, A), p, v, c.withheld(), none, note, trace));
    } else if (c.property().equals(Property.EQ) && c.benchmark() != null && c.benchmark().reference().isPresent()) {
      Mechanism ref = c.benchmark().reference().get();
      sides.add(new Explanation.Side(mech.name(), t, truthful, v, none, none, null, trace));
      sides.add(new Explanation.Side(ref.name() + " (the reference)", ref.run(truthful, A), truthful, v, none, none, null, false));
    } else {
      sides.add(new Explanation.Side(mech.name() + (c.property().equals(Property.EFF) ? " (truthful)" : ""), t, truthful, v, none, none, null, trace));
      if (c.property().equals(Property.EFF)) efficient(registry, m, truthful).ifPresent(o -> sides.add(new Explanation.Side(
          "an efficient allocation (" + (m.units() == 1 ? "vcg" : "vcg-k") + "'s)", o, truthful, -1, none, none, null, false)));
    }
    Replay.Result r = Replay.of(c, registry);
    String title = c.mechanism() + " " + c.property().name() + " counterexample (" + c.claim() + ") on " + m.name() + (m.units() == 1 ? "" : ", " + m.units() + " units");
    String finding = "replayed: " + r.detail() + (r.violates() ? "" : " - NO LONGER REPRODUCES");
    return new Explanation(title, m, sides, finding, r.violates(), c.foundBy());
  }

  private static Optional<Outcome<BigFraction>> efficient(org.mechcheck.plugin.Registry registry, Market m, Profile<BigFraction> truthful) {
    Optional<Mechanism> vcg = registry.find(Mechanism.class, m.units() == 1 ? "vcg" : "vcg-k");
    if (vcg.isEmpty() || vcg.get().refusal(m).isPresent()) return Optional.empty();
    Outcome<BigFraction> o = vcg.get().run(truthful, A);
    return Checker.welfare(o).compareTo(Checker.optimalWelfare(truthful, A)) == 0 ? Optional.of(o) : Optional.empty();
  }

  /**
   * A counterexample to one of 001's protocol-deviation claims ({@code mechcheck-sra-deviation/1}):
   * the protocol's exact expectation with everyone playing the intended strategy, beside the one
   * where the agent plays the deviation (everyone else intended). The deviator's two utilities
   * are recomputed and must be the file's.
   */
  public static Explanation sraDeviation(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    String at = file.toString();
    if (!org.mechcheck.sra.DeviationEvidence.FORMAT.equals(o.path("format").asText())) {
      throw new InputException(at + ": format: expected \"" + org.mechcheck.sra.DeviationEvidence.FORMAT + "\"");
    }
    Market m = NetworkJson.parse(o.get("network"), at + ": network", true, "network");
    int agent = m.node(o.path("agent").asText());
    if (agent <= 0) throw new InputException(at + ": agent: unknown agent '" + o.path("agent").asText() + "'");
    JsonNode dj = o.path("deviation");
    List<Integer> targets = new ArrayList<>();
    for (JsonNode x : dj.path("targets")) {
      int w = m.node(x.asText());
      if (w < 0) throw new InputException(at + ": deviation.targets: unknown node '" + x.asText() + "'");
      targets.add(w);
    }
    BigFraction param = dj.has("parameter") ? Rationals.parse(dj.get("parameter").asText()) : null;
    String kind = dj.path("kind").asText();
    DeviationSearch.Dev<BigFraction> dev;
    try {
      dev = DeviationSearch.exactDev(kind, targets, param);
    } catch (IllegalArgumentException e) {
      throw new InputException(at + ": deviation.kind: " + e.getMessage());
    }
    Profile<BigFraction> p = Profile.truthful(m, A);
    Outcome<BigFraction> intended = Protocol.expectation(m, () -> Protocol.intended(p), A);
    Outcome<BigFraction> deviating = Protocol.expectation(m, () -> Protocol.agents(p, v -> v == agent
        ? new SraAgent<>(false, Protocol.revelation(p, v), dev.q(), dev.f()) : null), A);
    BitSet none = new BitSet();
    BitSet reported = new BitSet();
    String text = dj.path("text").asText(dev.text());
    if (kind.equals("passing")) targets.forEach(reported::set);
    String who = m.id(agent);
    List<Explanation.Side> sides = List.of(
        new Explanation.Side("intended strategy (expected over every inviter choice)", intended, p, agent, none, none, null, false),
        new Explanation.Side(who + " deviates: " + text, deviating, p, agent, none, reported, kind.equals("passing") ? null : text, false));
    BigFraction t = sides.get(0).utility(agent), d = sides.get(1).utility(agent);
    boolean gains = d.compareTo(t) > 0;
    String finding = "replayed: " + who + ": expected utility " + Rationals.format(t) + " intended, " + Rationals.format(d) + " deviating"
        + (gains ? " (gains " + Rationals.format(d.subtract(t)) + ")" : " - NO LONGER GAINS");
    String title = "sra " + o.path("family").asText() + " deviation counterexample (" + o.path("claim").asText() + ") on " + m.name();
    return new Explanation(title, m, sides, finding, gains, o.path("foundBy").asText(""));
  }
}

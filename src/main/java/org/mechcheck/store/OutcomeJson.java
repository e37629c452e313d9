package org.mechcheck.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.BitSet;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.num.Exact;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Checker;

/** The outcome object (docs/formats/outcome.md): exact rationals as strings, every agent in payments and utilities. */
public final class OutcomeJson {
  private OutcomeJson() {}

  public static ObjectNode toJson(String mechanism, Outcome<BigFraction> o) {
    Exact a = Exact.INSTANCE;
    Market m = o.market();
    ObjectNode root = NetworkJson.MAPPER.createObjectNode();
    root.put("mechanism", mechanism);
    root.put("network", m.name());
    ObjectNode alloc = root.putObject("allocation");
    for (int v : o.winners()) NetworkJson.putNumber(alloc, m.id(v), o.allocation(v));
    if (o.chains().size() == 1) {
      ArrayNode chain = root.putArray("chain");
      for (int v : o.chains().get(0)) chain.add(m.id(v));
    } else if (o.chains().size() > 1) {
      ArrayNode chains = root.putArray("chain");
      for (int[] c : o.chains()) {
        ArrayNode chain = chains.addArray();
        for (int v : c) chain.add(m.id(v));
      }
    }
    ObjectNode pay = root.putObject("payments");
    ObjectNode util = root.putObject("utilities");
    for (int v = 1; v < m.size(); v++) {
      pay.put(m.id(v), Rationals.format(o.payment(v)));
      util.put(m.id(v), Rationals.format(o.utility(v, m.agent(v).value(), m.agent(v).cost(), a)));
    }
    root.put("revenue", Rationals.format(o.revenue(a)));
    root.put("welfare", Rationals.format(Checker.welfare(o)));
    Object threshold = o.details().get("threshold");
    if (threshold instanceof Map<?, ?> map) {
      ObjectNode t = root.putObject("threshold");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        ArrayNode list = t.putArray(m.id((Integer) e.getKey()));
        ((BitSet) e.getValue()).stream().forEach(v -> list.add(m.id(v)));
      }
    }
    return root;
  }
}

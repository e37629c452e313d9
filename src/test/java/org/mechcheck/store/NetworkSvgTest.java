package org.mechcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.property.Deviation;
import org.mechcheck.property.Property;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class NetworkSvgTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static String texts(Document d) {
    StringBuilder sb = new StringBuilder();
    NodeList ts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    for (int k = 0; k < ts.getLength(); k++) sb.append(ts.item(k).getTextContent()).append('\n');
    return sb.toString();
  }

  @Test
  void wellFormedWithEveryAgentAndTheWithheldLinkDashed() throws Exception {
    Counterexample c = CounterexampleFixtures.idmTcIc();
    String svg = NetworkSvg.render(c);
    Document d = parse(svg);
    assertEquals("svg", d.getDocumentElement().getLocalName());
    String texts = texts(d);
    for (Agent a : c.market().agents()) assertTrue(texts.contains(a.id() + "\n"), "label " + a.id());
    assertTrue(texts.contains("c=10") && texts.contains("v=11"), "costs and values");
    assertTrue(texts.contains("idm-tc IC"), "title");
    // two panels (truthful, deviating); in the deviating one A withholds E: exactly that link is dashed
    NodeList lines = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
    assertEquals(2 * c.market().edges().size(), lines.getLength(), "one polyline per link and panel");
    int dashed = 0;
    for (int k = 0; k < lines.getLength(); k++) {
      var e = (org.w3c.dom.Element) lines.item(k);
      if (e.hasAttribute("stroke-dasharray")) {
        dashed++;
        assertEquals("A - E (withheld by A)", e.getTextContent());
      }
    }
    assertEquals(1, dashed);
    assertTrue(texts.contains("truthful") && texts.contains("A deviates: informs {C,D}"), "both outcomes are headed");
    assertEquals(svg, NetworkSvg.render(CounterexampleFixtures.idmTcIc()), "deterministic");
  }

  @Test
  void oddIdsAreEscapedAndUnreachedAgentsDrawn() throws Exception {
    Market m = new Market("odd <&> \"names\"", "", "s&o", List.of(Agent.bidder("<b>", BigFraction.of(7, 3), true),
        Agent.bidder("x'y", BigFraction.ONE, true), Agent.bidder("alone", BigFraction.ONE, true)), List.of(new int[] {0, 1}, new int[] {1, 2}), 1);
    Counterexample c = new Counterexample("idm", Property.IC, "idm/ic/<x>", m, 1, new Deviation(BigFraction.of(1, 2), new java.util.BitSet()),
        BigFraction.ZERO, BigFraction.ONE, null, "t", false, List.of(), null);
    String texts = texts(parse(NetworkSvg.render(c)));
    for (String id : List.of("<b>", "x'y", "alone", "s&o")) assertTrue(texts.contains(id), id);
    assertTrue(texts.contains("v=7/3") && texts.contains("bids 1/2"), texts);
  }

  @Test
  void savedBesideTheJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var saved = CounterexampleJson.save(dir, CounterexampleFixtures.idmTcIc());
    assertEquals(saved.json().getFileName().toString().replace(".json", ".svg"), saved.svg().getFileName().toString());
    parse(Files.readString(saved.svg()));
  }
}

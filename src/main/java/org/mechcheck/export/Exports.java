package org.mechcheck.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.mechcheck.datatrade.CounterexampleFiles;
import org.mechcheck.sra.DeviationEvidence;
import org.mechcheck.store.CounterexampleJson;
import org.mechcheck.store.InputException;
import org.mechcheck.store.NetworkJson;

/** The picture of any counterexample file mechcheck saves, chosen by its {@code format}, in the formats {@code mechcheck export} writes. */
public final class Exports {
  public static final List<String> FORMATS = List.of("svg", "tikz", "dot");

  private Exports() {}

  public static Figure figure(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    String format = o == null ? "" : o.path("format").asText();
    if (format.equals(CounterexampleJson.FORMAT)) return NetworkFigure.of(Explain.of(CounterexampleJson.read(file)));
    if (format.equals(DeviationEvidence.FORMAT)) return NetworkFigure.of(Explain.sraDeviation(file));
    if (format.equals(CounterexampleFiles.FORMAT)) return ChainFigure.of(file);
    throw new InputException(file + ": format: '" + format + "' is not a counterexample format (known: " + CounterexampleJson.FORMAT + ", "
        + DeviationEvidence.FORMAT + ", " + CounterexampleFiles.FORMAT + ")");
  }

  /** The explanation behind a network or protocol-deviation counterexample, or null for other formats. */
  public static Explanation explanation(Path file) {
    JsonNode o = NetworkJson.readTree(file);
    String format = o == null ? "" : o.path("format").asText();
    if (format.equals(CounterexampleJson.FORMAT)) return Explain.of(CounterexampleJson.read(file));
    if (format.equals(DeviationEvidence.FORMAT)) return Explain.sraDeviation(file);
    return null;
  }

  public static String render(Figure f, String format) {
    return switch (format) {
      case "svg" -> Svg.of(f);
      case "tikz" -> Tikz.of(f);
      case "dot" -> Dot.of(f);
      default -> throw new InputException("--format: unknown format '" + format + "' (known: " + String.join(", ", FORMATS) + ")");
    };
  }

  public static String extension(String format) {
    return switch (format) {
      case "tikz" -> "tex";
      default -> format;
    };
  }
}

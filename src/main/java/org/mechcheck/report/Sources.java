package org.mechcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source documents a claim's {@code source} field cites: the numbered documents of the
 * project's seeds (000-004, as their index names them), and for a claim that cites none of them
 * the paper it names.
 */
public final class Sources {
  /** The seeds' index: number, then authors, title and venue as the index gives them. */
  public static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

  static {
    DOCUMENTS.put("000", "Li, Hao, Zhao, Zhou: Customer Sharing in Economic Networks with Costs (IJCAI-18)");
    DOCUMENTS.put("001", "Distributed Mechanism Design in Social Networks (AAMAS-23): the Sequential Resale Auction");
    DOCUMENTS.put("002", "Notes on Zhao et al.: Selling Multiple Items via Social Networks (AAMAS-18)");
    DOCUMENTS.put("003", "Haghpanah, Kuvalekar, Lipnowski: Selling to a Group (EC-21), slides");
    DOCUMENTS.put("004", "Incentivizing Data Trading via Profit Reallocation (arXiv 2606.31202)");
  }

  private static final Pattern NUMBER = Pattern.compile("\\b(00\\d)\\b");

  private Sources() {}

  /** The document numbers a source field cites, in order; for one that cites none, the text before its first comma or parenthesis. */
  public static List<String> cited(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(source);
    while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
    if (out.isEmpty()) out.add(source.split("[,(]")[0].trim());
    return out;
  }

  public static String title(String key) {
    return DOCUMENTS.getOrDefault(key, key);
  }

  /** A file-name-safe form of a key. */
  public static String slug(String key) {
    return key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}

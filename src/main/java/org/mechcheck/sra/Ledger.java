package org.mechcheck.sra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The append-only record of purchase prices (001 §4.1, the distributed ledger): entry k says
 * that {@code seller} sold the item to {@code buyer} at {@code price}. Everyone can read it;
 * only the holder of the item can append, and only at the end. The holder is the buyer of the
 * last entry, or the original seller (node 0) while it is empty.
 */
public final class Ledger<N> {

  public record Entry<N>(int seller, int buyer, N price) {}

  private final List<Entry<N>> entries = new ArrayList<>();

  public List<Entry<N>> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }

  /** Who holds the item now. */
  public int holder() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).buyer();
  }

  /** What {@code buyer} paid for the item (0 for the original seller and for anyone who never bought it). */
  public N purchasePrice(int buyer, N zero) {
    for (int k = entries.size() - 1; k >= 0; k--) if (entries.get(k).buyer() == buyer) return entries.get(k).price();
    return zero;
  }

  /** Why the entry cannot be written at position {@code at}, or null when it can. */
  String refusal(int at, Entry<N> e, java.util.function.IntFunction<String> id) {
    if (at < entries.size()) return "entry " + at + " already exists (" + id.apply(entries.get(at).seller()) + " sold to " + id.apply(entries.get(at).buyer()) + "): the ledger is append-only";
    if (at > entries.size()) return "entry " + at + " would leave a gap (the ledger has " + entries.size() + " entries)";
    if (e.seller() != holder()) return id.apply(e.seller()) + " does not hold the item (" + id.apply(holder()) + " does)";
    if (e.buyer() == e.seller() || e.buyer() == 0) return id.apply(e.buyer()) + " cannot buy from " + id.apply(e.seller());
    return null;
  }

  void append(Entry<N> e) {
    entries.add(e);
  }
}

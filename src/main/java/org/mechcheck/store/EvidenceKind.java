package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.mechcheck.plugin.Extension;
import org.mechcheck.plugin.Registry;

/**
 * A kind of counterexample file, named by the {@code format} tag its files carry (e.g.
 * {@code mechcheck-counterexample/1}): {@code replay} re-checks one file exactly, taking nothing
 * from it on trust. Plugins with evidence of their own shape (a protocol's deviation families, a
 * data-trading chain) register one as a service of this interface, and {@code replay DIR} and the
 * evidence store then handle their files like any other.
 */
public interface EvidenceKind extends Extension {
  /** The format tag of the files this kind reads. */
  @Override
  String name();

  /**
   * Replays one file of this kind; {@link InputException} when the file is not a valid one.
   * {@code asRecorded}: the violation still shows as the file says (and nowhere it must not).
   */
  Replayed replay(Path file, JsonNode root, Registry registry);

  /** What a replay found: whether the file still holds, one line for people, one object for machines. */
  record Replayed(boolean asRecorded, String line, ObjectNode json) {}
}

package org.mechcheck.plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an extension came from: shipped with mechcheck, a plugin jar, or a researcher's source
 * file compiled on the spot. {@code sha256} is the digest of the jar or source file (absent for
 * shipped ones): evidence made with a file records it, so a later run can tell when the file has
 * changed since.
 */
public record Origin(Kind kind, Path path, String sha256) {
  public enum Kind {
    SHIPPED,
    JAR,
    FILE,
    /** On the class path but not mechcheck's own: a project that uses mechcheck as a library. */
    CLASSPATH
  }

  public static final Origin SHIPPED = new Origin(Kind.SHIPPED, null, null);

  public boolean shipped() {
    return kind == Kind.SHIPPED;
  }

  public Optional<String> digest() {
    return Optional.ofNullable(sha256);
  }

  /** One phrase for messages: "shipped with mechcheck", "plugin jar plugins/x.jar", "PayYourBid.java". */
  public String describe() {
    return switch (kind) {
      case SHIPPED -> "shipped with mechcheck";
      case JAR -> "plugin jar " + path;
      case FILE -> path.toString();
      case CLASSPATH -> "class path entry " + path;
    };
  }
}

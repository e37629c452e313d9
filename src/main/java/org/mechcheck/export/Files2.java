package org.mechcheck.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing generated files: whole or not at all. */
public final class Files2 {
  private Files2() {}

  /** Writes through a temporary file beside the target and a rename, so that a reader never sees half a file. */
  public static void writeAtomically(Path target, String text) {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeAtomically(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        tmp.toFile().setReadable(true, false);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new org.mechcheck.store.InputException(target + ": cannot write (" + e.getMessage() + ")");
    }
  }
}

package org.mechcheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Every write of evidence goes through here: the content goes to a temporary file in the target's
 * folder first and then takes the target's name in one step, so a reader (or a run killed half
 * way) sees the old file or the new one, never a part.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes a new file; never replaces one: returns false, writing nothing, when the name exists. */
  public static boolean writeNew(Path target, String content) {
    Path tmp = null;
    try {
      if (Files.exists(target)) return false;
      Files.createDirectories(target.toAbsolutePath().getParent());
      tmp = temporary(target, content.getBytes(StandardCharsets.UTF_8));
      try {
        Files.createLink(target, tmp); // atomic, and fails rather than replace
      } catch (UnsupportedOperationException | IOException linkFailed) {
        if (linkFailed instanceof FileAlreadyExistsException) return false;
        Files.move(tmp, target); // no REPLACE_EXISTING: fails if the name exists
        tmp = null;
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot write (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Writes a file, replacing what was there in one step. */
  public static void replace(Path target, String content) {
    replace(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #replace(Path, String)} for bytes (a zip, a picture). */
  public static void replace(Path target, byte[] content) {
    Path tmp = null;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      tmp = temporary(target, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot write (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static Path temporary(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
    if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // not the 0600 of temporary files
    }
    Files.write(tmp, content);
    return tmp;
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) return;
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }
}

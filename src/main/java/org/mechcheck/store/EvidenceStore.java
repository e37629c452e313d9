package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where evidence lives: {@code counterexamples/} (files of every {@link EvidenceKind}, in
 * subfolders by kind where a kind has its own) and {@code proofs/} (proof records, one per claim)
 * below one root: mechcheck's own checkout for its claims, the folder of a researcher's claims
 * file for hers. Every write is atomic ({@link AtomicFiles}); a counterexample file is never
 * replaced, a proof record only by one with a larger bound.
 */
public final class EvidenceStore {
  private final Path root;

  public EvidenceStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path counterexamples() {
    return root.resolve("counterexamples");
  }

  public Path proofs() {
    return root.resolve("proofs");
  }

  /** A path as evidence cites it: relative to the root when it lies below it. */
  public String cite(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }

  /** Refuses, before any work, a store whose folders cannot be written. */
  public void requireWritable() {
    for (Path dir : List.of(root, counterexamples(), proofs())) {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) existing = existing.getParent();
      if (existing == null || !Files.isWritable(existing) || Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InputException(dir + ": cannot save evidence here (" + (existing == null ? "no such folder" : Files.isDirectory(dir) || !Files.exists(dir) ? "not writable" : "not a folder") + ")");
      }
    }
  }

  // ---------------------------------------------------------------- counterexamples

  /** Saves a network counterexample under counterexamples/ with its picture (see {@link CounterexampleJson#save}). */
  public CounterexampleJson.Saved save(Counterexample c) {
    return CounterexampleJson.save(counterexamples(), c);
  }

  /**
   * A file of a plugin's own kind, written new under counterexamples/{@code sub}/ with its picture
   * beside it ({@link #picture}, drawn from the file as saved); returns its path. Never replaces a file.
   */
  public Path saveNew(String sub, String fileName, String content) {
    Path target = counterexamples().resolve(sub).resolve(fileName);
    AtomicFiles.writeNew(target, content);
    Path svg = picture(target);
    if (!Files.exists(svg)) AtomicFiles.writeNew(svg, NetworkSvg.render(target));
    return target;
  }

  /** The SVG picture beside a counterexample file. */
  public static Path picture(Path file) {
    return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", "") + ".svg");
  }

  /**
   * One evidence file found below counterexamples/: its path and format tag, or why it could not
   * be read; {@code claim} is the claim it names (found in the raw text when the file does not
   * parse, so that a damaged file still marks its own claim), or null.
   */
  public record EvidenceFile(Path path, String format, JsonNode root, String problem, String claim) {
    public boolean readable() {
      return problem == null;
    }
  }

  /** Every *.json below counterexamples/, subfolders included, in path order; an unreadable one is listed with its problem. */
  public List<EvidenceFile> files() {
    return files(counterexamples());
  }

  /** Every *.json below {@code dir} (a file stands for itself), in path order, each with its format or its problem. */
  public static List<EvidenceFile> files(Path dir) {
    List<EvidenceFile> out = new ArrayList<>();
    for (Path p : jsonFiles(dir)) out.add(readFile(p));
    return out;
  }

  /** The files of one format. */
  public List<EvidenceFile> files(String format) {
    return files().stream().filter(f -> !f.readable() || format.equals(f.format())).toList();
  }

  private static final java.util.regex.Pattern CLAIM = java.util.regex.Pattern.compile("\"claim\"\\s*:\\s*\"([^\"\\\\]+)\"");

  static EvidenceFile readFile(Path p) {
    try {
      JsonNode root = NetworkJson.readTree(p);
      JsonNode format = root == null || !root.isObject() ? null : root.get("format");
      String claim = root != null && root.path("claim").isTextual() ? root.get("claim").asText() : null;
      if (format == null || !format.isTextual()) return new EvidenceFile(p, null, root, p + ": format: missing", claim);
      return new EvidenceFile(p, format.asText(), root, null, claim);
    } catch (InputException e) {
      String claim = null;
      try {
        java.util.regex.Matcher m = CLAIM.matcher(Files.readString(p));
        if (m.find()) claim = m.group(1);
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // the problem is reported as it is
      }
      return new EvidenceFile(p, null, null, e.getMessage(), claim);
    }
  }

  static List<Path> jsonFiles(Path dir) {
    if (Files.isRegularFile(dir)) return List.of(dir);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")");
    }
  }

  // ---------------------------------------------------------------- proof records

  public Path proofFile(String claim) {
    return ProofRecord.fileFor(proofs(), claim);
  }

  /** The proof record of a claim, if there is one. {@link InputException} when it is unreadable. */
  public Optional<ProofRecord> proof(String claim) {
    Path f = proofFile(claim);
    return Files.exists(f) ? Optional.of(ProofRecord.read(f)) : Optional.empty();
  }

  /**
   * Why a record about {@code s} could not be saved over what proofs/ holds for its claim, if it
   * could not: the file there is unreadable, or about another question. A search asks this before
   * it starts, so that no search runs whose result would be refused.
   */
  public Optional<String> conflict(ProofRecord.Subject s) {
    Path target = proofFile(s.claim());
    if (!Files.exists(target)) return Optional.empty();
    ProofRecord old;
    try {
      old = ProofRecord.read(target);
    } catch (InputException e) {
      return Optional.of(cite(target) + " is unreadable and is not replaced (" + e.getMessage() + ")");
    }
    return old.otherQuestion(s).map(why -> cite(target) + " is about another question than this search (" + why + ") and is not replaced");
  }

  /**
   * Saves a proof record unless the claim's record covers as much ({@link ProofRecord#supersedes}:
   * the quantifier and the box, then the bound, then a second solver); returns whether it wrote.
   * A record made from another version of the mechanism's source is replaced
   * whatever it covers (it is stale). A record about another question, or an unreadable one, is
   * never replaced: {@link InputException}.
   */
  public boolean save(ProofRecord r) {
    conflict(r.subject()).ifPresent(why -> {
      throw new InputException(why);
    });
    Path target = proofFile(r.claim());
    if (Files.exists(target)) {
      ProofRecord old = ProofRecord.read(target);
      if (java.util.Objects.equals(old.source(), r.source()) && !r.supersedes(old)) return false;
    }
    AtomicFiles.replace(target, r.text());
    return true;
  }
}

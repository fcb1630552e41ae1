package org.coppice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A comparison's section of a Markdown document, between {@code <!-- moa-comparison:start -->} and
 * {@code <!-- moa-comparison:end -->} (or the markers of another name, such as {@code
 * moa-regression}). Rewriting it leaves the rest of the file alone (other tools write their own
 * sections into the same documents) and keeps what is written by hand between {@code <!--
 * moa-comparison:notes:start -->} and {@code <!-- moa-comparison:notes:end -->}.
 */
final class DocSection {
  /** The comparison of the classifiers ({@link MoaComparison}). */
  static final String CLASSIFICATION = "moa-comparison";

  static final String START = start(CLASSIFICATION);
  static final String END = end(CLASSIFICATION);
  static final String NOTES_START = notesStart(CLASSIFICATION);
  static final String NOTES_END = notesEnd(CLASSIFICATION);

  private DocSection() {}

  private static String start(String name) {
    return "<!-- " + name + ":start -->";
  }

  private static String end(String name) {
    return "<!-- " + name + ":end -->";
  }

  private static String notesStart(String name) {
    return "<!-- " + name + ":notes:start -->";
  }

  private static String notesEnd(String name) {
    return "<!-- " + name + ":notes:end -->";
  }

  /** Wraps a section body in the markers, with an empty notes block at its end. */
  static String wrap(String body) {
    return wrap(CLASSIFICATION, body);
  }

  /** Wraps a section body in the markers named {@code name} ({@code <!-- name:start -->}, …). */
  static String wrap(String name, String body) {
    return start(name)
        + "\n"
        + body.strip()
        + "\n\n"
        + notesStart(name)
        + "\n"
        + notesEnd(name)
        + "\n"
        + end(name)
        + "\n";
  }

  /**
   * Writes {@code section} (from {@link #wrap}) into {@code file}: replaces the old section, or
   * appends it; a missing file is created with {@code title} as its first line.
   */
  static void writeInto(Path file, String title, String section) throws IOException {
    writeInto(file, title, CLASSIFICATION, section);
  }

  /** As {@link #writeInto(Path, String, String)}, for the section with the markers {@code name}. */
  static void writeInto(Path file, String title, String name, String section) throws IOException {
    String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    String out;
    if (text == null) {
      out = "# " + title + "\n\n" + section;
    } else {
      int s = text.indexOf(start(name));
      int e = text.indexOf(end(name), Math.max(s, 0));
      if (s >= 0 && e > s) {
        String old = text.substring(s, e + end(name).length());
        String merged = keepNotes(name, old, section).strip();
        out = text.substring(0, s) + merged + text.substring(e + end(name).length());
      } else {
        String gap = text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
        out = text + gap + section;
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The new section with the old section's notes, if it had any. */
  static String keepNotes(String old, String section) {
    return keepNotes(CLASSIFICATION, old, section);
  }

  private static String keepNotes(String name, String old, String section) {
    int a = old.indexOf(notesStart(name));
    int b = old.indexOf(notesEnd(name));
    int c = section.indexOf(notesStart(name));
    int d = section.indexOf(notesEnd(name));
    if (a < 0 || b < a || c < 0 || d < c) {
      return section;
    }
    return section.substring(0, c) + old.substring(a, b) + section.substring(d);
  }
}

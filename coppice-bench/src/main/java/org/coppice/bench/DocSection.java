package org.coppice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The comparison's section of a Markdown document, between {@code <!-- moa-comparison:start -->}
 * and {@code <!-- moa-comparison:end -->}. Rewriting it leaves the rest of the file alone (other
 * tools write their own sections into the same documents) and keeps what is written by hand between
 * {@code <!-- moa-comparison:notes:start -->} and {@code <!-- moa-comparison:notes:end -->}.
 */
final class DocSection {
  static final String START = "<!-- moa-comparison:start -->";
  static final String END = "<!-- moa-comparison:end -->";
  static final String NOTES_START = "<!-- moa-comparison:notes:start -->";
  static final String NOTES_END = "<!-- moa-comparison:notes:end -->";

  private DocSection() {}

  /** Wraps a section body in the markers, with an empty notes block at its end. */
  static String wrap(String body) {
    return START
        + "\n"
        + body.strip()
        + "\n\n"
        + NOTES_START
        + "\n"
        + NOTES_END
        + "\n"
        + END
        + "\n";
  }

  /**
   * Writes {@code section} (from {@link #wrap}) into {@code file}: replaces the old section, or
   * appends it; a missing file is created with {@code title} as its first line.
   */
  static void writeInto(Path file, String title, String section) throws IOException {
    String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    String out;
    if (text == null) {
      out = "# " + title + "\n\n" + section;
    } else {
      int s = text.indexOf(START);
      int e = text.indexOf(END, Math.max(s, 0));
      if (s >= 0 && e > s) {
        String old = text.substring(s, e + END.length());
        String merged = keepNotes(old, section).strip();
        out = text.substring(0, s) + merged + text.substring(e + END.length());
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
    int a = old.indexOf(NOTES_START);
    int b = old.indexOf(NOTES_END);
    int c = section.indexOf(NOTES_START);
    int d = section.indexOf(NOTES_END);
    if (a < 0 || b < a || c < 0 || d < c) {
      return section;
    }
    return section.substring(0, c) + old.substring(a, b) + section.substring(d);
  }
}

package org.coppice.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the header of an ARFF file, up to and including {@code @data}, for {@link ArffReader} and
 * {@link ArffRawReader}: the syntax of {@code @relation}, {@code @attribute} and {@code @data},
 * quoted and bare names, nominal value lists, comments and duplicate attribute names. What an
 * attribute type means is left to the reader, through {@link Attributes}.
 */
final class ArffHeader {
  /** Receives each attribute declaration as it is read. */
  interface Attributes {
    /**
     * Accepts (or rejects, by throwing {@link DataFormatException}) the attribute {@code name}, the
     * {@code column}-th (1-based) of the file, on the current line.
     *
     * @param type the type keyword in lower case, or null for a nominal list
     * @param values the values of a nominal list, or null for a type keyword
     * @return whether the rest of the line must be empty (false when the type takes arguments)
     */
    boolean attribute(int column, String name, String type, List<String> values);
  }

  private final String file;
  private final LineReader lines;
  private final Set<String> seen = new HashSet<>();

  private ArffHeader(String file, LineReader lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * Reads header lines from {@code lines} up to {@code @data}, passing each attribute to {@code
   * sink}.
   *
   * @return the name of the last {@code @relation}, or null if there is none
   * @throws DataFormatException if the header is malformed, has no attribute or no {@code @data}
   */
  static String read(String file, LineReader lines, Attributes sink) throws IOException {
    return new ArffHeader(file, lines).read(sink);
  }

  private String read(Attributes sink) throws IOException {
    String relation = null;
    int count = 0;
    boolean sawData = false;
    while (!sawData && lines.nextLine()) {
      Cursor c = new Cursor(new String(lines.buf, lines.start, lines.end - lines.start));
      c.skipWs();
      if (c.atEnd()) {
        continue;
      }
      if (c.peek() != '@') {
        throw c.error("expected @relation, @attribute or @data, got " + c.describe());
      }
      int keywordAt = c.pos;
      String keyword = c.word().toLowerCase(Locale.ROOT);
      switch (keyword) {
        case "@relation" -> {
          c.skipWs();
          relation = c.name("relation name");
        }
        case "@attribute" -> {
          attribute(c, count + 1, sink);
          count++;
        }
        case "@data" -> sawData = true;
        default -> {
          c.pos = keywordAt;
          throw c.error(
              "unknown keyword '" + keyword + "'; expected @relation, @attribute or @data");
        }
      }
    }
    if (!sawData) {
      throw DataFormatException.atLine(file, lines.lineNumber, "no @data section");
    }
    if (count == 0) {
      throw DataFormatException.atLine(file, lines.lineNumber, "no @attribute before @data");
    }
    return relation;
  }

  private void attribute(Cursor c, int column, Attributes sink) {
    c.skipWs();
    String name = c.name("attribute name");
    if (!seen.add(name)) {
      throw DataFormatException.atColumn(
          file, lines.lineNumber, column, name, "attribute declared twice");
    }
    c.skipWs();
    if (c.atEnd()) {
      throw DataFormatException.atColumn(
          file, lines.lineNumber, column, name, "attribute has no type");
    }
    boolean checkEnd =
        c.peek() == '{'
            ? sink.attribute(column, name, null, c.nominalList(name))
            : sink.attribute(column, name, c.word().toLowerCase(Locale.ROOT), null);
    if (checkEnd) {
      c.skipWs();
      if (!c.atEnd()) {
        throw c.error("unexpected " + c.describe() + " after attribute '" + name + "'");
      }
    }
  }

  /** A position in one header line. */
  private final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    void skipWs() {
      while (pos < s.length() && ArffRowTokenizer.isWs(s.charAt(pos))) {
        pos++;
      }
    }

    /** At the end of the line or at a {@code %} comment. */
    boolean atEnd() {
      return pos >= s.length() || s.charAt(pos) == '%';
    }

    char peek() {
      return s.charAt(pos);
    }

    String describe() {
      return pos >= s.length() ? "end of line" : "'" + s.charAt(pos) + "'";
    }

    DataFormatException error(String message) {
      return DataFormatException.atChar(file, lines.lineNumber, pos + 1, message);
    }

    /** Characters up to whitespace, '{' or '%'. */
    String word() {
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (ArffRowTokenizer.isWs(c) || c == '{' || c == '%') {
          break;
        }
        pos++;
      }
      return s.substring(start, pos);
    }

    /** A quoted or bare name. */
    String name(String what) {
      if (atEnd()) {
        throw error("expected a " + what + ", got " + describe());
      }
      char c = s.charAt(pos);
      if (c == '\'' || c == '"') {
        return quoted();
      }
      String w = word();
      if (w.isEmpty()) {
        throw error("expected a " + what + ", got " + describe());
      }
      return w;
    }

    String quoted() {
      int start = pos;
      char quote = s.charAt(pos++);
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          pos = start;
          throw error("unterminated quote");
        }
        char c = s.charAt(pos++);
        if (c == quote) {
          return sb.toString();
        }
        if (c == '\\' && pos < s.length()) {
          c = ArffRowTokenizer.unescape(s.charAt(pos++));
        }
        sb.append(c);
      }
    }

    List<String> nominalList(String attribute) {
      int open = pos++;
      List<String> values = new ArrayList<>();
      while (true) {
        skipWs();
        if (pos >= s.length()) {
          pos = open;
          throw error("unterminated nominal value list of attribute '" + attribute + "'");
        }
        char c = s.charAt(pos);
        if (c == '}' && values.isEmpty()) {
          pos++;
          return values;
        }
        if (c == '\'' || c == '"') {
          values.add(quoted());
        } else {
          int start = pos;
          while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '}') {
            pos++;
          }
          String v = s.substring(start, pos).strip();
          if (v.isEmpty()) {
            pos = start;
            throw error("empty value in the nominal list of attribute '" + attribute + "'");
          }
          values.add(v);
        }
        skipWs();
        if (pos >= s.length()) {
          pos = open;
          throw error("unterminated nominal value list of attribute '" + attribute + "'");
        }
        if (s.charAt(pos) == ',') {
          pos++;
        } else if (s.charAt(pos) == '}') {
          pos++;
          return values;
        } else {
          throw error("expected ',' or '}' in the nominal list, got " + describe());
        }
      }
    }
  }
}

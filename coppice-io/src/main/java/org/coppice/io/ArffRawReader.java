package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link RawRecordReader} for ARFF: the syntax of {@link ArffReader}, every value as its text
 * (unquoted and unescaped); an unquoted {@code ?} is null. Attributes of type {@code string} and
 * {@code date} are accepted here (their values are text). In a sparse row an omitted value is
 * {@code "0"} for a numeric attribute, the first value of a nominal one, and null otherwise. An
 * instance weight {@code {w}} at the end of a row is checked for syntax and dropped.
 */
final class ArffRawReader implements RawRecordReader {
  private static final int NUMERIC = 0;
  private static final int NOMINAL = 1;
  private static final int TEXT = 2;

  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final List<String> names = new ArrayList<>();
  private final List<Integer> types = new ArrayList<>();
  private final List<String> firstValues = new ArrayList<>();
  private final List<String> columnList;
  private final StringBuilder scratch = new StringBuilder();
  private boolean exhausted;

  ArffRawReader(Path path) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    try {
      readHeader();
      columnList = List.copyOf(names);
    } catch (IOException e) {
      src.close();
      throw DataSourceException.reading(path, e);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public List<String> columns() {
    return columnList;
  }

  @Override
  public RawRecord next() {
    if (exhausted) {
      return null;
    }
    try {
      while (lines.nextLine()) {
        char[] b = lines.buf;
        int e = lines.end;
        int p = skipWs(b, lines.start, e);
        if (p == e || b[p] == '%') {
          continue;
        }
        Object[] row = new Object[names.size()];
        if (b[p] == '{') {
          parseSparse(b, p, e, row);
        } else {
          parseDense(b, p, e, row);
        }
        Map<String, Object> values = new LinkedHashMap<>(row.length * 2);
        for (int i = 0; i < row.length; i++) {
          values.put(names.get(i), row[i]);
        }
        return new RawRecord(lines.lineNumber, Collections.unmodifiableMap(values));
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    exhausted = true;
    return null;
  }

  @Override
  public boolean columnsFixed() {
    return true;
  }

  @Override
  public double progress() {
    return exhausted ? 1.0 : src.progress();
  }

  @Override
  public void close() {
    exhausted = true;
    src.close();
  }

  // ---------------------------------------------------------------- data rows

  private void parseDense(char[] b, int p, int e, Object[] row) {
    int n = row.length;
    int field = 0;
    while (true) {
      if (field == n) {
        if (p < e && b[p] == '{') {
          p = skipWeight(b, p, e);
          expectEnd(b, p, e, "after the instance weight");
          break;
        }
        throw DataFormatException.atColumn(
            file, lines.lineNumber, field + 1, null, "too many values: expected " + n);
      }
      p = value(b, p, e, field, false, row);
      field++;
      p = skipWs(b, p, e);
      if (p >= e || b[p] == '%') {
        break;
      }
      if (b[p] != ',') {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            field,
            names.get(field - 1),
            "expected ',' after the value, got " + Texts.describeChar(b, p, e));
      }
      p = skipWs(b, p + 1, e);
    }
    if (field < n) {
      throw DataFormatException.atColumn(
          file,
          lines.lineNumber,
          field + 1,
          names.get(field),
          "expected " + n + " values, got " + field);
    }
  }

  private void parseSparse(char[] b, int p, int e, Object[] row) {
    int n = row.length;
    for (int i = 0; i < n; i++) {
      row[i] =
          switch (types.get(i)) {
            case NUMERIC -> "0";
            case NOMINAL -> firstValues.get(i);
            default -> null;
          };
    }
    int prev = -1;
    p = skipWs(b, p + 1, e);
    if (p < e && b[p] == '}') {
      p++;
    } else {
      while (true) {
        int indexStart = p;
        long index = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
          index = Math.min(Integer.MAX_VALUE, index * 10 + (b[p] - '0'));
          p++;
        }
        if (p == indexStart) {
          throw DataFormatException.atChar(
              file,
              lines.lineNumber,
              charOffset(p),
              "expected an attribute index in the sparse row, got " + Texts.describeChar(b, p, e));
        }
        if (index >= n) {
          throw DataFormatException.atChar(
              file,
              lines.lineNumber,
              charOffset(indexStart),
              "attribute index " + index + " is out of range: indices run from 0 to " + (n - 1));
        }
        int attr = (int) index;
        if (attr <= prev) {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              attr + 1,
              names.get(attr),
              "sparse indices must increase, but " + attr + " follows " + prev);
        }
        prev = attr;
        if (p >= e || !isWs(b[p])) {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              attr + 1,
              names.get(attr),
              "expected a space between the index and the value, got "
                  + Texts.describeChar(b, p, e));
        }
        p = value(b, skipWs(b, p, e), e, attr, true, row);
        p = skipWs(b, p, e);
        if (p < e && b[p] == ',') {
          p = skipWs(b, p + 1, e);
        } else if (p < e && b[p] == '}') {
          p++;
          break;
        } else {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              attr + 1,
              names.get(attr),
              "expected ',' or '}' after the value, got " + Texts.describeChar(b, p, e));
        }
      }
    }
    p = skipWs(b, p, e);
    if (p < e && b[p] == ',') {
      p = skipWs(b, p + 1, e);
    }
    if (p < e && b[p] == '{') {
      p = skipWeight(b, p, e);
    }
    expectEnd(b, p, e, "after the sparse row");
  }

  /** Parses one value at {@code p} into {@code row[attr]}; returns the position after it. */
  private int value(char[] b, int p, int e, int attr, boolean sparse, Object[] row) {
    if (p < e && (b[p] == '\'' || b[p] == '"')) {
      char quote = b[p++];
      scratch.setLength(0);
      while (true) {
        if (p >= e) {
          throw DataFormatException.atColumn(
              file, lines.lineNumber, attr + 1, names.get(attr), "unterminated quoted value");
        }
        char c = b[p++];
        if (c == quote) {
          break;
        }
        if (c == '\\' && p < e) {
          c = ArffReader.unescape(b[p++]);
        }
        scratch.append(c);
      }
      row[attr] = scratch.toString();
      return p;
    }
    int vs = p;
    char c;
    while (p < e && (c = b[p]) != ',' && c != '%' && !(sparse && c == '}')) {
      p++;
    }
    int ve = p;
    while (ve > vs && isWs(b[ve - 1])) {
      ve--;
    }
    row[attr] = ve - vs == 1 && b[vs] == '?' ? null : new String(b, vs, ve - vs);
    return p;
  }

  private int skipWeight(char[] b, int p, int e) {
    int close = p + 1;
    while (close < e && b[close] != '}') {
      close++;
    }
    if (close >= e) {
      throw DataFormatException.atChar(
          file, lines.lineNumber, charOffset(p), "unterminated instance weight '{'");
    }
    return close + 1;
  }

  private void expectEnd(char[] b, int p, int e, String where) {
    p = skipWs(b, p, e);
    if (p < e && b[p] != '%') {
      throw DataFormatException.atChar(
          file,
          lines.lineNumber,
          charOffset(p),
          "unexpected " + Texts.describeChar(b, p, e) + " " + where);
    }
  }

  private int charOffset(int p) {
    return p - lines.start + 1;
  }

  private static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
  }

  private static int skipWs(char[] b, int p, int e) {
    while (p < e && isWs(b[p])) {
      p++;
    }
    return p;
  }

  // ---------------------------------------------------------------- header

  private void readHeader() throws IOException {
    Set<String> seen = new HashSet<>();
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
          c.name("relation name");
        }
        case "@attribute" -> {
          c.skipWs();
          int column = names.size() + 1;
          String name = c.name("attribute name");
          if (!seen.add(name)) {
            throw DataFormatException.atColumn(
                file, lines.lineNumber, column, name, "attribute declared twice");
          }
          attributeType(c, column, name);
          names.add(name);
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
    if (names.isEmpty()) {
      throw DataFormatException.atLine(file, lines.lineNumber, "no @attribute before @data");
    }
  }

  private void attributeType(Cursor c, int column, String name) {
    c.skipWs();
    if (c.atEnd()) {
      throw DataFormatException.atColumn(
          file, lines.lineNumber, column, name, "attribute has no type");
    }
    if (c.peek() == '{') {
      List<String> values = c.nominalList(name);
      types.add(NOMINAL);
      firstValues.add(values.isEmpty() ? null : values.get(0));
      c.expectEnd(name);
      return;
    }
    int typeAt = c.pos;
    String type = c.word().toLowerCase(Locale.ROOT);
    switch (type) {
      case "numeric", "real", "integer" -> {
        types.add(NUMERIC);
        c.expectEnd(name);
      }
      case "string" -> {
        types.add(TEXT);
        c.expectEnd(name);
      }
      case "date" -> types.add(TEXT); // an optional date format follows
      case "relational" ->
          throw DataFormatException.atColumn(
              file, lines.lineNumber, column, name, "attribute type 'relational' is not supported");
      default -> {
        c.pos = typeAt;
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            column,
            name,
            "unknown attribute type '"
                + type
                + "'; expected numeric, real, integer, string, date or {values}");
      }
    }
    firstValues.add(null);
  }

  /** A position in one header line. */
  private final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    void skipWs() {
      while (pos < s.length() && isWs(s.charAt(pos))) {
        pos++;
      }
    }

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

    void expectEnd(String attribute) {
      skipWs();
      if (!atEnd()) {
        throw error("unexpected " + describe() + " after attribute '" + attribute + "'");
      }
    }

    String word() {
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (isWs(c) || c == '{' || c == '%') {
          break;
        }
        pos++;
      }
      return s.substring(start, pos);
    }

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
          c = ArffReader.unescape(s.charAt(pos++));
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

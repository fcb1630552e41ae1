package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@link RawRecordReader} for JSON Lines: the syntax of {@link JsonLinesReader}, each object as its
 * keys and JSON values. The first object is read ahead so that {@link #columns()} is known after
 * opening.
 */
final class JsonLinesRawReader implements RawRecordReader {
  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final LinkedHashSet<String> seenColumns = new LinkedHashSet<>();
  private List<String> columnList = List.of();
  private RawRecord pending;
  private boolean exhausted;
  private final StringBuilder text = new StringBuilder();
  private long line;
  private int lineStart;

  JsonLinesRawReader(Path path) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    try {
      pending = read();
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
    if (pending != null) {
      RawRecord r = pending;
      pending = null;
      return r;
    }
    return read();
  }

  @Override
  public boolean columnsFixed() {
    return false;
  }

  @Override
  public double progress() {
    return exhausted && pending == null ? 1.0 : src.progress();
  }

  @Override
  public void close() {
    exhausted = true;
    pending = null;
    src.close();
  }

  private RawRecord read() {
    if (exhausted) {
      return null;
    }
    try {
      while (lines.nextLine()) {
        if (!lines.isBlank()) {
          Map<String, Object> values =
              parseObject(lines.buf, lines.start, lines.end, lines.lineNumber);
          if (seenColumns.addAll(values.keySet())) {
            columnList = List.copyOf(seenColumns);
          }
          return new RawRecord(lines.lineNumber, Collections.unmodifiableMap(values));
        }
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    exhausted = true;
    return null;
  }

  private DataFormatException error(int at, String message) {
    return DataFormatException.atChar(file, line, at - lineStart + 1, message);
  }

  private Map<String, Object> parseObject(char[] b, int s, int e, long lineNumber) {
    line = lineNumber;
    lineStart = s;
    Map<String, Object> values = new LinkedHashMap<>();
    int p = skipWs(b, s, e);
    if (p >= e || b[p] != '{') {
      throw error(p, "expected a JSON object '{', got " + Texts.describeChar(b, p, e));
    }
    p = skipWs(b, p + 1, e);
    if (p < e && b[p] == '}') {
      p++;
    } else {
      while (true) {
        if (p >= e || b[p] != '"') {
          throw error(p, "expected a key in double quotes, got " + Texts.describeChar(b, p, e));
        }
        int keyAt = p;
        p = string(b, p, e);
        String key = text.toString();
        p = skipWs(b, p, e);
        if (p >= e || b[p] != ':') {
          throw error(p, "expected ':' after the key, got " + Texts.describeChar(b, p, e));
        }
        p = skipWs(b, p + 1, e);
        int valueAt = p;
        char c = p < e ? b[p] : 0;
        Object value;
        if (c == '"') {
          p = string(b, p, e);
          value = text.toString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          p = jsonNumber(b, p, e);
          value = numberValue(new String(b, valueAt, p - valueAt));
        } else if (c == 't') {
          p = literal(b, p, e, "true");
          value = Boolean.TRUE;
        } else if (c == 'f') {
          p = literal(b, p, e, "false");
          value = Boolean.FALSE;
        } else if (c == 'n') {
          p = literal(b, p, e, "null");
          value = null;
        } else if (c == 'N') {
          p = literal(b, p, e, "NaN");
          value = Double.NaN;
        } else if (c == 'I') {
          p = literal(b, p, e, "Infinity");
          value = Double.POSITIVE_INFINITY;
        } else if (c == '{' || c == '[') {
          throw error(
              p,
              "nested objects and arrays are not supported; values must be numbers,"
                  + " strings, booleans or null");
        } else {
          throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
        }
        if (values.containsKey(key)) {
          throw error(keyAt, "duplicate key " + Texts.quote(key));
        }
        values.put(key, value);
        p = skipWs(b, p, e);
        if (p < e && b[p] == ',') {
          p = skipWs(b, p + 1, e);
        } else if (p < e && b[p] == '}') {
          p++;
          break;
        } else {
          throw error(p, "expected ',' or '}' after the value, got " + Texts.describeChar(b, p, e));
        }
      }
    }
    p = skipWs(b, p, e);
    if (p < e) {
      throw error(
          p,
          "unexpected " + Texts.describeChar(b, p, e) + " after the object (one object per line)");
    }
    return values;
  }

  /** A JSON integer that fits in a long as a Long, anything else as a Double. */
  private static Object numberValue(String s) {
    if (s.equals("-Infinity")) {
      return Double.NEGATIVE_INFINITY;
    }
    boolean integral = s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0;
    if (integral && s.length() <= 19) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        // Too large for a long: fall through.
      }
    }
    return Double.parseDouble(s);
  }

  /** Parses the string at {@code b[p] == '"'} into {@link #text}; returns the end. */
  private int string(char[] b, int p, int e) {
    int open = p++;
    text.setLength(0);
    while (true) {
      if (p >= e) {
        throw error(open, "unterminated string");
      }
      char c = b[p++];
      if (c == '"') {
        return p;
      }
      if (c < 0x20) {
        throw error(p - 1, "control character in a string (escape it)");
      }
      if (c == '\\') {
        if (p >= e) {
          throw error(open, "unterminated string");
        }
        char esc = b[p++];
        switch (esc) {
          case '"', '\\', '/' -> c = esc;
          case 'b' -> c = '\b';
          case 'f' -> c = '\f';
          case 'n' -> c = '\n';
          case 'r' -> c = '\r';
          case 't' -> c = '\t';
          case 'u' -> {
            if (p + 4 > e) {
              throw error(p - 2, "incomplete \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(b[p + i], 16);
              if (d < 0) {
                throw error(p - 2, "invalid \\u escape");
              }
              v = v * 16 + d;
            }
            p += 4;
            c = (char) v;
          }
          default -> throw error(p - 2, "invalid escape '\\" + esc + "'");
        }
      }
      text.append(c);
    }
  }

  /** Checks the JSON number grammar (or {@code -Infinity}) at {@code p}; returns its end. */
  private int jsonNumber(char[] b, int p, int e) {
    int start = p;
    if (b[p] == '-') {
      p++;
      if (p < e && b[p] == 'I') {
        return literal(b, p, e, "Infinity");
      }
    }
    if (p < e && b[p] == '0') {
      p++;
    } else if (p < e && b[p] >= '1' && b[p] <= '9') {
      p = digits(b, p, e);
    } else {
      throw error(start, "invalid number");
    }
    if (p < e && b[p] == '.') {
      int q = digits(b, p + 1, e);
      if (q == p + 1) {
        throw error(start, "invalid number: expected digits after '.'");
      }
      p = q;
    }
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int q = digits(b, p, e);
      if (q == p) {
        throw error(start, "invalid number: expected digits in the exponent");
      }
      p = q;
    }
    return p;
  }

  private static int digits(char[] b, int p, int e) {
    while (p < e && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  private int literal(char[] b, int p, int e, String word) {
    int n = word.length();
    if (e - p < n) {
      throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
    }
    for (int i = 0; i < n; i++) {
      if (b[p + i] != word.charAt(i)) {
        throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
      }
    }
    return p + n;
  }

  private static int skipWs(char[] b, int p, int e) {
    while (p < e) {
      char c = b[p];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      p++;
    }
    return p;
  }
}

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
  private final JsonObjectParser json;
  private final LinkedHashSet<String> seenColumns = new LinkedHashSet<>();
  private List<String> columnList = List.of();
  private RawRecord pending;
  private boolean exhausted;

  JsonLinesRawReader(Path path) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    this.json = new JsonObjectParser(file);
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

  private Map<String, Object> parseObject(char[] b, int s, int e, long lineNumber) {
    Map<String, Object> values = new LinkedHashMap<>();
    json.begin(b, s, e, lineNumber);
    for (int type = json.next(); type != JsonObjectParser.END; type = json.next()) {
      String key = json.key();
      Object value =
          switch (type) {
            case JsonObjectParser.STRING -> json.value();
            case JsonObjectParser.NUMBER -> numberValue(json.value());
            case JsonObjectParser.BOOLEAN -> json.vb[json.vs] == 't' ? Boolean.TRUE : Boolean.FALSE;
            default -> null;
          };
      if (values.containsKey(key)) {
        throw json.error(json.keyAt, "duplicate key " + Texts.quote(key));
      }
      values.put(key, value);
    }
    return values;
  }

  /**
   * A JSON integer that fits in a long as a Long, anything else (including {@code NaN} and the
   * infinities) as a Double.
   */
  private static Object numberValue(String s) {
    switch (s) {
      case "NaN" -> {
        return Double.NaN;
      }
      case "Infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {}
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
}

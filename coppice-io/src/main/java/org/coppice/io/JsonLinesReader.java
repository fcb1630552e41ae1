package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.stream.InstanceStream;

/**
 * Streams instances from a JSON Lines file ({@code .jsonl} or {@code .ndjson}, optionally gzipped):
 * one flat JSON object per line, such as {@code {"price": 1.5, "color": "red", "label": "yes"}}.
 *
 * <p>Keys are column names. A number is a numeric value, a string (or {@code true}/{@code false}) a
 * nominal value, and {@code null} or an absent key a missing value. {@code NaN}, {@code Infinity}
 * and {@code -Infinity}, which some JSON writers emit, are accepted as numbers ({@code NaN} means
 * missing). Nested objects and arrays are rejected. Blank lines are skipped; the text is UTF-8.
 *
 * <p>The schema is inferred from the first {@link ReadOptions#inferenceRows()} objects (read ahead
 * and kept in memory, then streaming continues): columns in order of first appearance; a column is
 * numeric if all its non-null values in the prefix are numbers, else nominal (or if named in {@link
 * ReadOptions#nominal()}); in a nominal column a number stands for the nominal value spelled
 * exactly as in the file. The class column is {@link ReadOptions#target()}, or else the last key of
 * the first non-empty object; its labels are {@link ReadOptions#classValues()} or those seen in the
 * prefix, in order of first appearance. A key, nominal value or label first seen after the prefix
 * is an error that says how to fix it. Alternatively, {@link #JsonLinesReader(Path, Schema,
 * ReadOptions)} uses a given schema; keys not in it are errors.
 *
 * <p>Malformed input raises {@link DataFormatException} with file, line and character offset; I/O
 * errors raise {@link DataSourceException}. Not thread-safe. Close the reader to release the file.
 */
public final class JsonLinesReader implements InstanceStream {
  private static final int STRING = 0;
  private static final int NUMBER = 1;
  private static final int BOOLEAN = 2;
  private static final int NULL = 3;

  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final NumberParser number = new NumberParser();
  private final ArrayDeque<PendingLine> prefix = new ArrayDeque<>();

  private char[] keyBuf = new char[64];
  private int keyLen;
  private char[] valBuf = new char[64];
  private int valLen;
  private long line;
  private int lineStart;

  private Schema schema;
  private String[] columns;
  private ValueTable keys;
  private int[] featureOf;
  private ValueTable[] tables;
  private int[] seenInRow;
  private int row;
  private final Storer storer = new Storer();
  private int inferredFrom = -1;
  private boolean explicitLabels;
  private boolean exhausted;

  private record PendingLine(String text, long line) {}

  /** Receives the key-value pairs of one object; the key is {@code keyBuf[0, keyLen)}. */
  private interface PairHandler {
    void pair(int keyAt, int type, char[] b, int s, int e, int valueAt);
  }

  /** Opens {@code file} with the default options, inferring the schema. */
  public JsonLinesReader(Path file) {
    this(file, ReadOptions.defaults());
  }

  /**
   * Opens {@code file} and infers the schema from the first {@code options.inferenceRows()}
   * objects.
   *
   * @throws DataSourceException if the file cannot be opened or read
   * @throws DataFormatException if a prefix line is malformed, the file has no object, or the
   *     prefix has no class label and {@code options.classValues()} is null
   * @throws IllegalArgumentException if {@code options.target()} or a name in {@code
   *     options.nominal()} is not a key of the prefix
   */
  public JsonLinesReader(Path file, ReadOptions options) {
    this(file, null, options);
  }

  /**
   * Opens {@code file} to read with the given schema: keys are matched to feature and target names.
   * Options are ignored.
   *
   * @throws DataSourceException if the file cannot be opened or read
   */
  public JsonLinesReader(Path file, Schema schema, ReadOptions options) {
    this.src = SourceFile.open(file);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    try {
      if (schema == null) {
        infer(options);
      } else {
        bind(schema);
      }
    } catch (IOException e) {
      src.close();
      throw DataSourceException.reading(file, e);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * Reads the next object into {@code into} (weight 1; absent keys are missing).
   *
   * @throws DataFormatException if the line is not a valid flat JSON object or holds a value the
   *     schema does not allow
   * @throws DataSourceException on an I/O error
   * @throws IllegalArgumentException if {@code into} is not sized for the schema
   */
  @Override
  public boolean next(Instance into) {
    if (into.x.length != schema.numFeatures()) {
      throw new IllegalArgumentException(
          "instance has " + into.x.length + " features, schema has " + schema.numFeatures());
    }
    PendingLine pending = prefix.poll();
    if (pending != null) {
      char[] b = pending.text.toCharArray();
      fill(b, 0, b.length, pending.line, into);
      return true;
    }
    if (exhausted) {
      return false;
    }
    try {
      while (lines.nextLine()) {
        if (!lines.isBlank()) {
          fill(lines.buf, lines.start, lines.end, lines.lineNumber, into);
          return true;
        }
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    exhausted = true;
    return false;
  }

  /** Fraction of the file's bytes (compressed bytes for gzip) consumed so far. */
  @Override
  public double progress() {
    return exhausted && prefix.isEmpty() ? 1.0 : src.progress();
  }

  /** Releases the file; idempotent. */
  @Override
  public void close() {
    exhausted = true;
    prefix.clear();
    src.close();
  }

  // ---------------------------------------------------------------- filling instances

  private void fill(char[] b, int s, int e, long lineNumber, Instance into) {
    Arrays.fill(into.x, Double.NaN);
    into.y = Instance.MISSING_LABEL;
    into.weight = 1.0;
    if (++row == 0) {
      Arrays.fill(seenInRow, 0);
      row = 1;
    }
    storer.into = into;
    parseObject(b, s, e, lineNumber, storer);
  }

  /** Stores each pair into an instance; one reused object, so no allocation per row. */
  private final class Storer implements PairHandler {
    Instance into;

    @Override
    public void pair(int keyAt, int type, char[] b, int s, int e, int valueAt) {
      int column = keys.indexOf(keyBuf, 0, keyLen);
      if (column < 0) {
        String key = Texts.quote(keyBuf, 0, keyLen);
        throw error(
            keyAt,
            inferredFrom >= 0
                ? "key "
                    + key
                    + " was not seen in the first "
                    + inferredFrom
                    + " rows used to infer the schema; raise the inference prefix"
                    + " (inferenceRows)"
                : "key " + key + " is not in the schema");
      }
      if (seenInRow[column] == row) {
        throw error(keyAt, "duplicate key " + Texts.quote(keyBuf, 0, keyLen));
      }
      seenInRow[column] = row;
      store(column, type, b, s, e, valueAt, into);
    }
  }

  private void store(int column, int type, char[] b, int s, int e, int at, Instance into) {
    int f = featureOf[column];
    if (type == NULL) {
      return;
    }
    ValueTable table = tables[column];
    if (table == null) {
      if (type != NUMBER) {
        throw valueError(
            column,
            at,
            "expected a number, got "
                + (type == STRING ? "the string " + Texts.quote(b, s, e) : new String(b, s, e - s))
                + (inferredFrom >= 0
                    ? " (the column held only numbers in the first "
                        + inferredFrom
                        + " rows; raise the inference prefix (inferenceRows) or declare the"
                        + " column nominal)"
                    : ""));
      }
      number.parse(b, s, e);
      into.x[f] = number.value;
      return;
    }
    int k = table.indexOf(b, s, e);
    if (k < 0) {
      boolean isTarget = f < 0;
      String value = Texts.quote(b, s, e);
      String message;
      if (inferredFrom >= 0 && !(isTarget && explicitLabels)) {
        message =
            (isTarget ? "class label " : "value ")
                + value
                + " was not seen in the first "
                + inferredFrom
                + " rows used to infer the schema; raise the inference prefix (inferenceRows)"
                + (isTarget ? " or pass the class labels explicitly (classValues)" : "");
      } else {
        Attribute a = isTarget ? schema.target() : schema.feature(f);
        message =
            (isTarget ? "unknown class label " : "unknown nominal value ")
                + value
                + "; expected one of {"
                + Texts.list(a.values())
                + "}";
      }
      throw valueError(column, at, message);
    }
    if (f >= 0) {
      into.x[f] = k;
    } else {
      into.y = k;
    }
  }

  private DataFormatException valueError(int column, int at, String message) {
    return new DataFormatException(file, line, 0, columns[column], at - lineStart + 1, message);
  }

  // ---------------------------------------------------------------- schema

  private static final class ColumnInfo {
    boolean nominal;
    final LinkedHashSet<String> values = new LinkedHashSet<>();
  }

  private void infer(ReadOptions options) throws IOException {
    Map<String, ColumnInfo> found = new LinkedHashMap<>();
    String[] lastKeyOfFirst = new String[1];
    Set<String> rowKeys = new HashSet<>();
    int limit = options.inferenceRows();
    while (prefix.size() < limit && lines.nextLine()) {
      if (lines.isBlank()) {
        continue;
      }
      rowKeys.clear();
      boolean takeLastKey = lastKeyOfFirst[0] == null; // until the first object with a key
      parseObject(
          lines.buf,
          lines.start,
          lines.end,
          lines.lineNumber,
          (keyAt, type, b, s, e, valueAt) -> {
            String key = new String(keyBuf, 0, keyLen);
            if (!rowKeys.add(key)) {
              throw error(keyAt, "duplicate key " + Texts.quote(key));
            }
            if (takeLastKey) {
              lastKeyOfFirst[0] = key;
            }
            ColumnInfo info = found.computeIfAbsent(key, k -> new ColumnInfo());
            if (type != NULL) {
              info.nominal |= type != NUMBER;
              info.values.add(new String(b, s, e - s));
            }
          });
      prefix.add(
          new PendingLine(
              new String(lines.buf, lines.start, lines.end - lines.start), lines.lineNumber));
    }
    inferredFrom = limit;
    if (found.isEmpty()) {
      throw DataFormatException.atLine(
          file, 0, "no JSON object with any key: cannot infer a schema");
    }
    List<String> names = new ArrayList<>(found.keySet());
    String target = options.target() != null ? options.target() : lastKeyOfFirst[0];
    if (!found.containsKey(target)) {
      throw new IllegalArgumentException(
          file + ": no key named '" + target + "' for the target; keys: " + Texts.list(names));
    }
    for (String name : options.nominal()) {
      if (!found.containsKey(name)) {
        throw new IllegalArgumentException(
            file + ": no key named '" + name + "' to make nominal; keys: " + Texts.list(names));
      }
      found.get(name).nominal = true;
    }
    List<Attribute> features = new ArrayList<>();
    Attribute targetAttribute = null;
    for (String name : names) {
      ColumnInfo info = found.get(name);
      if (name.equals(target)) {
        List<String> labels = options.classValues();
        explicitLabels = labels != null;
        if (labels == null) {
          labels = List.copyOf(info.values);
          if (labels.isEmpty()) {
            throw new DataFormatException(
                file,
                0,
                0,
                name,
                0,
                "no class label in the first "
                    + limit
                    + " rows; pass the class labels explicitly (classValues)");
          }
        }
        targetAttribute = Attribute.nominal(name, labels);
      } else {
        features.add(
            info.nominal
                ? Attribute.nominal(name, List.copyOf(info.values))
                : Attribute.numeric(name));
      }
    }
    bind(new Schema(SourceFile.baseName(src.path), features, targetAttribute));
  }

  private void bind(Schema given) {
    schema = given;
    int n = given.numFeatures() + 1;
    columns = new String[n];
    featureOf = new int[n];
    tables = new ValueTable[n];
    for (int f = 0; f < given.numFeatures(); f++) {
      Attribute a = given.feature(f);
      columns[f] = a.name();
      featureOf[f] = f;
      tables[f] = a.isNominal() ? new ValueTable(a.values()) : null;
    }
    columns[n - 1] = given.target().name();
    featureOf[n - 1] = -1;
    tables[n - 1] = new ValueTable(given.target().values());
    keys = new ValueTable(Arrays.asList(columns));
    seenInRow = new int[n];
  }

  // ---------------------------------------------------------------- JSON syntax

  private DataFormatException error(int at, String message) {
    return DataFormatException.atChar(file, line, at - lineStart + 1, message);
  }

  private void parseObject(char[] b, int s, int e, long lineNumber, PairHandler handler) {
    line = lineNumber;
    lineStart = s;
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
        p = string(b, p, e, true);
        p = skipWs(b, p, e);
        if (p >= e || b[p] != ':') {
          throw error(p, "expected ':' after the key, got " + Texts.describeChar(b, p, e));
        }
        p = skipWs(b, p + 1, e);
        int valueAt = p;
        char c = p < e ? b[p] : 0;
        if (c == '"') {
          p = string(b, p, e, false);
          handler.pair(keyAt, STRING, valBuf, 0, valLen, valueAt);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          p = jsonNumber(b, p, e);
          handler.pair(keyAt, NUMBER, b, valueAt, p, valueAt);
        } else if (c == 't' || c == 'f' || c == 'n' || c == 'N' || c == 'I') {
          String word =
              switch (c) {
                case 't' -> "true";
                case 'f' -> "false";
                case 'n' -> "null";
                case 'N' -> "NaN";
                default -> "Infinity";
              };
          p = literal(b, p, e, word);
          int type = c == 't' || c == 'f' ? BOOLEAN : c == 'n' ? NULL : NUMBER;
          handler.pair(keyAt, type, b, valueAt, p, valueAt);
        } else if (c == '{' || c == '[') {
          throw error(
              p,
              "nested objects and arrays are not supported; values must be numbers,"
                  + " strings, booleans or null");
        } else {
          throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
        }
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
  }

  /** Parses the string at {@code b[p] == '"'} into the key or value buffer; returns the end. */
  private int string(char[] b, int p, int e, boolean key) {
    int open = p++;
    char[] out = key ? keyBuf : valBuf;
    int n = 0;
    while (true) {
      if (p >= e) {
        throw error(open, "unterminated string");
      }
      char c = b[p++];
      if (c == '"') {
        break;
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
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
        if (key) {
          keyBuf = out;
        } else {
          valBuf = out;
        }
      }
      out[n++] = c;
    }
    if (key) {
      keyLen = n;
    } else {
      valLen = n;
    }
    return p;
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

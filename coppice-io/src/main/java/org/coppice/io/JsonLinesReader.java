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
  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final JsonObjectParser json;
  private final NumberParser number = new NumberParser();
  private final ArrayDeque<PendingLine> prefix = new ArrayDeque<>();

  private Schema schema;
  private String[] columns;
  private ValueTable keys;
  private int[] featureOf;
  private ValueTable[] tables;
  private int[] seenInRow;
  private int row;
  private int inferredFrom = -1;
  private boolean explicitLabels;
  private boolean exhausted;

  private record PendingLine(String text, long line) {}

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
    this.json = new JsonObjectParser(this.file);
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
    into.target = Double.NaN;
    into.weight = 1.0;
    if (++row == 0) {
      Arrays.fill(seenInRow, 0);
      row = 1;
    }
    json.begin(b, s, e, lineNumber);
    for (int type = json.next(); type != JsonObjectParser.END; type = json.next()) {
      pair(type, into);
    }
  }

  /** Stores the pair that {@link #json} holds into {@code into}. */
  private void pair(int type, Instance into) {
    int column = keys.indexOf(json.keyBuf, 0, json.keyLen);
    if (column < 0) {
      String key = Texts.quote(json.keyBuf, 0, json.keyLen);
      throw json.error(
          json.keyAt,
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
      throw json.error(json.keyAt, "duplicate key " + Texts.quote(json.keyBuf, 0, json.keyLen));
    }
    seenInRow[column] = row;
    store(column, type, json.vb, json.vs, json.ve, json.valueAt, into);
  }

  private void store(int column, int type, char[] b, int s, int e, int at, Instance into) {
    int f = featureOf[column];
    if (type == JsonObjectParser.NULL) {
      return;
    }
    ValueTable table = tables[column];
    if (table == null) {
      if (type != JsonObjectParser.NUMBER) {
        throw valueError(
            column,
            at,
            "expected a number, got "
                + (type == JsonObjectParser.STRING
                    ? "the string " + Texts.quote(b, s, e)
                    : new String(b, s, e - s))
                + (inferredFrom >= 0
                    ? " (the column held only numbers in the first "
                        + inferredFrom
                        + " rows; raise the inference prefix (inferenceRows) or declare the"
                        + (f >= 0 ? " column nominal)" : " task classification)")
                    : ""));
      }
      number.parse(b, s, e);
      if (f >= 0) {
        into.x[f] = number.value;
      } else {
        into.target = number.value;
      }
      return;
    }
    int k = table.indexOf(b, s, e);
    if (k < 0) {
      Attribute a = f < 0 ? schema.target() : schema.feature(f);
      throw valueError(
          column,
          at,
          Texts.unknownNominal(Texts.quote(b, s, e), a, f < 0, inferredFrom, explicitLabels));
    }
    if (f >= 0) {
      into.x[f] = k;
    } else {
      into.y = k;
    }
  }

  private DataFormatException valueError(int column, int at, String message) {
    return json.error(at, columns[column], message);
  }

  // ---------------------------------------------------------------- schema

  private static final class ColumnInfo {
    boolean nominal;
    final LinkedHashSet<String> values = new LinkedHashSet<>();
  }

  private void infer(ReadOptions options) throws IOException {
    Map<String, ColumnInfo> found = new LinkedHashMap<>();
    String lastKeyOfFirst = null;
    Set<String> rowKeys = new HashSet<>();
    int limit = options.inferenceRows();
    while (prefix.size() < limit && lines.nextLine()) {
      if (lines.isBlank()) {
        continue;
      }
      rowKeys.clear();
      boolean takeLastKey = lastKeyOfFirst == null; // until the first object with a key
      json.begin(lines.buf, lines.start, lines.end, lines.lineNumber);
      for (int type = json.next(); type != JsonObjectParser.END; type = json.next()) {
        String key = json.key();
        if (!rowKeys.add(key)) {
          throw json.error(json.keyAt, "duplicate key " + Texts.quote(key));
        }
        if (takeLastKey) {
          lastKeyOfFirst = key;
        }
        ColumnInfo info = found.computeIfAbsent(key, k -> new ColumnInfo());
        if (type != JsonObjectParser.NULL) {
          info.nominal |= type != JsonObjectParser.NUMBER;
          info.values.add(json.value());
        }
      }
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
    String target = options.target() != null ? options.target() : lastKeyOfFirst;
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
      if (name.equals(target)
          && Formats.numericTarget(options, !info.nominal && !info.values.isEmpty(), file)) {
        targetAttribute = Attribute.numeric(name);
      } else if (name.equals(target)) {
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
    tables[n - 1] = given.isRegression() ? null : new ValueTable(given.target().values());
    keys = new ValueTable(Arrays.asList(columns));
    seenInRow = new int[n];
  }
}

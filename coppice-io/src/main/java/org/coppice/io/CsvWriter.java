package org.coppice.io;

import java.nio.file.Path;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * Writes instances to a CSV file ({@code .csv}, or gzipped when the name ends in {@code .gz}),
 * atomically (see {@link InstanceWriter}).
 *
 * <p>The header row names the features in schema order and then the target (last column). Numbers
 * are written so that they parse back exactly (integers without a fraction, others like {@link
 * Double#toString(double)}); nominal values are written as they are, or in double quotes (inner
 * quotes doubled) when they contain the delimiter, a quote, a line break or surrounding whitespace,
 * are empty, or equal a default missing token ({@code ?}, {@code NA}, {@code NaN}); missing values
 * are empty fields. Instance weights are not written. Lines end in LF.
 *
 * <p>Reading the file back with {@link CsvReader} gives the same values; to get the same schema,
 * read with {@link CsvReader#CsvReader(Path, Schema, ReadOptions)}, or with inference plus {@link
 * ReadOptions#nominal()} for nominal columns whose values look like numbers (inferred nominal
 * values are ordered by first appearance).
 */
public final class CsvWriter implements InstanceWriter {
  private final Schema schema;
  private final TextSink sink;
  private final char delimiter;
  private final StringBuilder line = new StringBuilder(256);

  private CsvWriter(Schema schema, TextSink sink, char delimiter) {
    this.schema = schema;
    this.sink = sink;
    this.delimiter = delimiter;
  }

  /** Same as {@link #open(Path, Schema, char)} with a comma. */
  public static CsvWriter open(Path file, Schema schema) {
    return open(file, schema, ',');
  }

  /**
   * Starts writing {@code file} (into a temporary file until {@link #commit()}) and writes the
   * header row.
   *
   * @throws DataSourceException if the temporary file cannot be created
   * @throws IllegalArgumentException if the delimiter is a quote or a line break
   */
  public static CsvWriter open(Path file, Schema schema, char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("invalid delimiter: " + (int) delimiter);
    }
    CsvWriter w = new CsvWriter(schema, TextSink.open(file), delimiter);
    try {
      w.line.setLength(0);
      for (Attribute a : schema.features()) {
        w.appendText(a.name());
        w.line.append(delimiter);
      }
      w.appendText(schema.target().name());
      w.line.append('\n');
      w.sink.write(w.line);
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public void write(Instance instance) {
    Formats.check(schema, instance);
    line.setLength(0);
    for (int i = 0; i < instance.x.length; i++) {
      double v = instance.x[i];
      Attribute a = schema.feature(i);
      if (Double.isNaN(v)) {
        // missing: empty field
      } else if (a.isNumeric()) {
        Formats.appendNumber(line, v);
      } else {
        appendText(a.values().get((int) v));
      }
      line.append(delimiter);
    }
    if (schema.isRegression()) {
      if (instance.target == instance.target) {
        Formats.appendNumber(line, instance.target);
      }
    } else if (instance.y != Instance.MISSING_LABEL) {
      appendText(schema.target().values().get(instance.y));
    }
    line.append('\n');
    sink.write(line);
  }

  @Override
  public void commit() {
    sink.commit();
  }

  @Override
  public void close() {
    sink.close();
  }

  private void appendText(String s) {
    if (!needsQuotes(s)) {
      line.append(s);
      return;
    }
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }

  private boolean needsQuotes(String s) {
    if (s.isEmpty() || ReadOptions.DEFAULT_MISSING.contains(s)) {
      return true;
    }
    if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}

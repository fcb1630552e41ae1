package org.coppice.io;

import java.nio.file.Path;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * Writes instances to an ARFF file ({@code .arff}, or gzipped when the name ends in {@code .gz}),
 * atomically (see {@link InstanceWriter}).
 *
 * <p>The header declares the features in schema order and then the target, so the target is the
 * last attribute and {@link ArffReader} with default options reads back the same schema and the
 * same instances. Numbers are written so that they parse back exactly (integers without a fraction,
 * others like {@link Double#toString(double)}); nominal values and names are written as they are,
 * or in single quotes with backslash escapes when they contain spaces, commas, quotes or other
 * special characters; missing values (and missing labels) are {@code ?}. An instance weight other
 * than 1 is written as the ARFF weight suffix {@code {w}}.
 */
public final class ArffWriter implements InstanceWriter {
  private final Schema schema;
  private final TextSink sink;
  private final StringBuilder line = new StringBuilder(256);

  private ArffWriter(Schema schema, TextSink sink) {
    this.schema = schema;
    this.sink = sink;
  }

  /**
   * Starts writing {@code file} (into a temporary file until {@link #commit()}) and writes the
   * header.
   *
   * @throws DataSourceException if the temporary file cannot be created
   */
  public static ArffWriter open(Path file, Schema schema) {
    ArffWriter w = new ArffWriter(schema, TextSink.open(file));
    try {
      w.writeHeader();
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
      appendValue(schema.feature(i), instance.x[i]);
      line.append(',');
    }
    if (schema.isRegression()) {
      appendValue(schema.target(), instance.target);
    } else if (instance.y == Instance.MISSING_LABEL) {
      line.append('?');
    } else {
      appendQuoted(line, schema.target().values().get(instance.y));
    }
    if (instance.weight != 1.0) {
      line.append(",{");
      Formats.appendNumber(line, instance.weight);
      line.append('}');
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

  private void appendValue(Attribute a, double v) {
    if (Double.isNaN(v)) {
      line.append('?');
    } else if (a.isNumeric()) {
      Formats.appendNumber(line, v);
    } else {
      appendQuoted(line, a.values().get((int) v));
    }
  }

  private void writeHeader() {
    line.setLength(0);
    line.append("@relation ");
    appendQuoted(line, schema.relation());
    line.append("\n\n");
    for (Attribute a : schema.features()) {
      appendDeclaration(a);
    }
    appendDeclaration(schema.target());
    line.append("\n@data\n");
    sink.write(line);
  }

  private void appendDeclaration(Attribute a) {
    line.append("@attribute ");
    appendQuoted(line, a.name());
    if (a.isNumeric()) {
      line.append(" numeric\n");
      return;
    }
    line.append(" {");
    for (int i = 0; i < a.numValues(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendQuoted(line, a.values().get(i));
    }
    line.append("}\n");
  }

  /** Appends {@code s} bare if that reads back unchanged, else in single quotes with escapes. */
  static void appendQuoted(StringBuilder sb, String s) {
    if (!needsQuotes(s)) {
      sb.append(s);
      return;
    }
    sb.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    sb.append('\'');
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || s.equals("?")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' '
          || c == ','
          || c == '\''
          || c == '"'
          || c == '{'
          || c == '}'
          || c == '%'
          || c == '\\'
          || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }
}

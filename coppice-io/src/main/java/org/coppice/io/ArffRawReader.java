package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RawRecordReader} for ARFF: the syntax of {@link ArffReader}, every value as its text
 * (unquoted and unescaped); an unquoted {@code ?} is null. Attributes of type {@code string} and
 * {@code date} are accepted here (their values are text). In a sparse row an omitted value is
 * {@code "0"} for a numeric attribute, the first value of a nominal one, and null otherwise. An
 * instance weight {@code {w}} at the end of a row is checked for syntax and dropped.
 */
final class ArffRawReader implements RawRecordReader {
  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final List<String> names = new ArrayList<>();

  /** Per attribute, the value of an omitted sparse entry: "0", the first nominal value, or null. */
  private final List<String> sparseDefaults = new ArrayList<>();

  private final List<String> columnList;
  private final ArffRowTokenizer row;
  private final Collector collector = new Collector();
  private boolean exhausted;

  ArffRawReader(Path path) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    try {
      ArffHeader.read(file, lines, this::attribute);
      columnList = List.copyOf(names);
      row = new ArffRowTokenizer(file, lines, names.toArray(new String[0]));
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
      if (row.nextRow(collector)) {
        Object[] values = collector.values;
        Map<String, Object> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
          map.put(names.get(i), values[i]);
        }
        return new RawRecord(lines.lineNumber, Collections.unmodifiableMap(map));
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

  /** Collects the values of a row as text. */
  private final class Collector implements ArffRowTokenizer.Values {
    Object[] values;

    @Override
    public void startRow(boolean sparse) {
      values = new Object[names.size()];
      if (sparse) {
        sparseDefaults.toArray(values);
      }
    }

    @Override
    public void value(int attr, char[] b, int s, int e, boolean missing) {
      values[attr] = missing ? null : new String(b, s, e - s);
    }

    @Override
    public void weight(char[] b, int s, int e) {
      // Checked for syntax by the tokenizer and dropped.
    }
  }

  /** Accepts numeric, nominal, string and date attributes; see {@link ArffHeader.Attributes}. */
  private boolean attribute(int column, String name, String type, List<String> values) {
    boolean checkEnd = true;
    String sparseDefault = null;
    if (values != null) {
      sparseDefault = values.isEmpty() ? null : values.get(0);
    } else {
      switch (type) {
        case "numeric", "real", "integer" -> sparseDefault = "0";
        case "string" -> {}
        case "date" -> checkEnd = false; // an optional date format follows
        case "relational" ->
            throw DataFormatException.atColumn(
                file,
                lines.lineNumber,
                column,
                name,
                "attribute type 'relational' is not supported");
        default ->
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
    names.add(name);
    sparseDefaults.add(sparseDefault);
    return checkEnd;
  }
}

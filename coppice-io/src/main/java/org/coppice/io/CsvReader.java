package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.stream.InstanceStream;

/**
 * Streams instances from a CSV file ({@code .csv}, or gzipped {@code .csv.gz}) with a header row.
 *
 * <p>Syntax follows RFC 4180: fields are separated by {@link ReadOptions#delimiter()} (default
 * {@code ,}); a field in double quotes may contain delimiters, line breaks and doubled quotes
 * ({@code ""} stands for {@code "}). Whitespace around unquoted fields and outside quotes is
 * trimmed. Lines end in LF or CRLF; blank lines are skipped; the text is UTF-8 (a byte-order mark
 * is ignored). An unquoted field equal to one of {@link ReadOptions#missing()} (default empty,
 * {@code ?}, {@code NA}, {@code NaN}) is missing; a quoted field is never missing.
 *
 * <p>The first row names the columns; every row must have as many fields. The class column is
 * {@link ReadOptions#target()}, or else the last column; all other columns are features, in file
 * order.
 *
 * <p>Schema inference (the default): the first {@link ReadOptions#inferenceRows()} data rows are
 * read ahead and kept in memory (the only buffering), then the stream continues from the same
 * reader. A feature column is numeric if every non-missing value in that prefix is a number, else
 * nominal; columns named in {@link ReadOptions#nominal()} are always nominal. Nominal values and
 * class labels are those seen in the prefix, in order of first appearance, unless {@link
 * ReadOptions#classValues()} fixes the labels. The target is numeric (regression) when {@link
 * ReadOptions#task()} says so, or when it is not set and the target column looks numeric. A nominal
 * value or label first seen after the prefix is an error that says how to fix it. Alternatively,
 * {@link #CsvReader(Path, Schema, ReadOptions)} reads with a given schema, matching columns by
 * name.
 *
 * <p>Malformed input raises {@link DataFormatException} with file, line and column; I/O errors
 * raise {@link DataSourceException}. Not thread-safe. Close the reader to release the file.
 */
public final class CsvReader implements InstanceStream {
  private final SourceFile src;
  private final String file;
  private final CsvRecordSplitter record;
  private final ValueTable missing;
  private final NumberParser number = new NumberParser();

  private String[] columns;
  private Schema schema;
  private int[] featureOf;
  private ValueTable[] tables;
  private int inferredFrom = -1;
  private boolean explicitLabels;
  private final ArrayDeque<BufferedRow> prefix = new ArrayDeque<>();
  private boolean exhausted;

  /** A data row read ahead for inference; a null value is missing. */
  private record BufferedRow(String[] values, long[] lines) {}

  /** Opens {@code file} with the default options, inferring the schema. */
  public CsvReader(Path file) {
    this(file, ReadOptions.defaults());
  }

  /**
   * Opens {@code file}, reads the header and infers the schema from the first {@code
   * options.inferenceRows()} data rows.
   *
   * @throws DataSourceException if the file cannot be opened or read
   * @throws DataFormatException if the header or a prefix row is malformed, or the prefix has no
   *     class label and {@code options.classValues()} is null
   * @throws IllegalArgumentException if {@code options.target()} or a name in {@code
   *     options.nominal()} is not a column
   */
  public CsvReader(Path file, ReadOptions options) {
    this(file, null, options);
  }

  /**
   * Opens {@code file} and reads it with the given schema: each column of the file must be a
   * feature or the target of {@code schema} (matched by name, in any order), and each of those must
   * be present. Only the delimiter and missing-value options apply.
   *
   * @throws DataSourceException if the file cannot be opened or read
   * @throws DataFormatException if the header is malformed or does not match the schema
   */
  public CsvReader(Path file, Schema schema, ReadOptions options) {
    this.src = SourceFile.open(file);
    this.file = src.name;
    this.record = new CsvRecordSplitter(this.file, new LineReader(src.reader), options.delimiter());
    this.missing = new ValueTable(List.copyOf(options.missing()));
    try {
      columns = record.readHeader();
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

  /** The column names of the header row, in file order. */
  public List<String> columns() {
    return List.of(columns);
  }

  /**
   * Reads the next data row into {@code into} (weight 1).
   *
   * @throws DataFormatException if the row is malformed or holds a value the schema does not allow
   * @throws DataSourceException on an I/O error
   * @throws IllegalArgumentException if {@code into} is not sized for the schema
   */
  @Override
  public boolean next(Instance into) {
    if (into.x.length != schema.numFeatures()) {
      throw new IllegalArgumentException(
          "instance has " + into.x.length + " features, schema has " + schema.numFeatures());
    }
    into.weight = 1.0;
    BufferedRow row = prefix.poll();
    if (row != null) {
      for (int i = 0; i < columns.length; i++) {
        String v = row.values[i];
        if (v == null) {
          storeMissing(i, into);
        } else {
          char[] b = v.toCharArray();
          store(i, b, 0, b.length, row.lines[i], into);
        }
      }
      return true;
    }
    if (exhausted) {
      return false;
    }
    try {
      if (!record.nextRecord()) {
        exhausted = true;
        return false;
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    record.checkFieldCount();
    char[] chars = record.chars;
    int[] start = record.fieldStart;
    int[] end = record.fieldEnd;
    boolean[] quoted = record.fieldQuoted;
    long[] line = record.fieldLine;
    for (int i = 0; i < columns.length; i++) {
      if (!quoted[i] && missing.indexOf(chars, start[i], end[i]) >= 0) {
        storeMissing(i, into);
      } else {
        store(i, chars, start[i], end[i], line[i], into);
      }
    }
    return true;
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

  // ---------------------------------------------------------------- values

  private boolean isMissing(int i) {
    return !record.fieldQuoted[i]
        && missing.indexOf(record.chars, record.fieldStart[i], record.fieldEnd[i]) >= 0;
  }

  private void storeMissing(int column, Instance into) {
    int f = featureOf[column];
    if (f >= 0) {
      into.x[f] = Double.NaN;
    } else {
      into.y = Instance.MISSING_LABEL;
      into.target = Double.NaN;
    }
  }

  private void store(int column, char[] b, int s, int e, long line, Instance into) {
    int f = featureOf[column];
    ValueTable table = tables[column];
    if (table == null) {
      if (!number.parse(b, s, e)) {
        throw DataFormatException.atColumn(
            file,
            line,
            column + 1,
            columns[column],
            "expected a number, got "
                + Texts.quote(b, s, e)
                + (inferredFrom >= 0
                    ? " (the column looked numeric in the first "
                        + inferredFrom
                        + " rows; raise the inference prefix (inferenceRows) or declare the"
                        + (f >= 0 ? " column nominal)" : " task classification)")
                    : ""));
      }
      if (f >= 0) {
        into.x[f] = number.value;
      } else {
        into.target = number.value;
      }
      return;
    }
    int k = table.indexOf(b, s, e);
    if (k < 0) {
      throw unknownValue(column, line, Texts.quote(b, s, e));
    }
    if (f >= 0) {
      into.x[f] = k;
    } else {
      into.y = k;
    }
  }

  private DataFormatException unknownValue(int column, long line, String value) {
    int f = featureOf[column];
    Attribute a = f < 0 ? schema.target() : schema.feature(f);
    return DataFormatException.atColumn(
        file,
        line,
        column + 1,
        columns[column],
        Texts.unknownNominal(value, a, f < 0, inferredFrom, explicitLabels));
  }

  // ---------------------------------------------------------------- schema

  private int columnIndex(String name, String role) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        file
            + ": no column named '"
            + name
            + "' "
            + role
            + "; columns: "
            + Texts.list(Arrays.asList(columns)));
  }

  private void infer(ReadOptions options) throws IOException {
    int n = columns.length;
    int target = options.target() == null ? n - 1 : columnIndex(options.target(), "for the target");
    boolean[] forceNominal = new boolean[n];
    for (String name : options.nominal()) {
      forceNominal[columnIndex(name, "to make nominal")] = true;
    }
    boolean[] numeric = new boolean[n];
    Arrays.fill(numeric, true);
    List<LinkedHashSet<String>> distinct = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      distinct.add(new LinkedHashSet<>());
    }
    int limit = options.inferenceRows();
    while (prefix.size() < limit && record.nextRecord()) {
      record.checkFieldCount();
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        if (isMissing(i)) {
          continue;
        }
        values[i] = record.field(i);
        if (numeric[i] && !number.parse(record.chars, record.fieldStart[i], record.fieldEnd[i])) {
          numeric[i] = false;
        }
        distinct.get(i).add(values[i]);
      }
      prefix.add(new BufferedRow(values, Arrays.copyOf(record.fieldLine, n)));
    }
    inferredFrom = limit;
    List<Attribute> features = new ArrayList<>(n - 1);
    featureOf = new int[n];
    tables = new ValueTable[n];
    Attribute targetAttribute = null;
    for (int i = 0; i < n; i++) {
      if (i == target
          && Formats.numericTarget(
              options, numeric[i] && !forceNominal[i] && !distinct.get(i).isEmpty(), file)) {
        targetAttribute = Attribute.numeric(columns[i]);
        featureOf[i] = -1;
        tables[i] = null;
      } else if (i == target) {
        List<String> labels = options.classValues();
        explicitLabels = labels != null;
        if (labels == null) {
          labels = List.copyOf(distinct.get(i));
          if (labels.isEmpty()) {
            throw DataFormatException.atColumn(
                file,
                0,
                i + 1,
                columns[i],
                "no class label in the first "
                    + limit
                    + " data rows; pass the class labels explicitly (classValues)");
          }
        }
        targetAttribute = Attribute.nominal(columns[i], labels);
        featureOf[i] = -1;
        tables[i] = new ValueTable(labels);
      } else {
        Attribute a =
            numeric[i] && !forceNominal[i]
                ? Attribute.numeric(columns[i])
                : Attribute.nominal(columns[i], List.copyOf(distinct.get(i)));
        featureOf[i] = features.size();
        features.add(a);
        tables[i] = a.isNominal() ? new ValueTable(a.values()) : null;
      }
    }
    schema = new Schema(SourceFile.baseName(src.path), features, targetAttribute);
  }

  private void bind(Schema given) {
    int n = columns.length;
    featureOf = new int[n];
    tables = new ValueTable[n];
    boolean[] found = new boolean[given.numFeatures()];
    boolean foundTarget = false;
    for (int i = 0; i < n; i++) {
      Attribute a;
      if (columns[i].equals(given.target().name())) {
        featureOf[i] = -1;
        foundTarget = true;
        a = given.target();
      } else {
        int f = given.featureIndex(columns[i]);
        if (f < 0) {
          throw DataFormatException.atColumn(
              file, record.fieldLine[i], i + 1, columns[i], "the column is not in the schema");
        }
        featureOf[i] = f;
        found[f] = true;
        a = given.feature(f);
      }
      tables[i] = a.isNominal() ? new ValueTable(a.values()) : null;
    }
    List<String> absent = new ArrayList<>();
    for (int f = 0; f < found.length; f++) {
      if (!found[f]) {
        absent.add(given.feature(f).name());
      }
    }
    if (!foundTarget) {
      absent.add(given.target().name());
    }
    if (!absent.isEmpty()) {
      throw DataFormatException.atLine(
          file, 1, "the header lacks columns of the schema: " + Texts.list(absent));
    }
    schema = given;
  }
}

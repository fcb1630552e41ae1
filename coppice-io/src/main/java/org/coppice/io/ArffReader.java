package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.coppice.stream.InstanceStream;

/**
 * Streams instances from a Weka ARFF file ({@code .arff}, or gzipped {@code .arff.gz}).
 *
 * <p>Header: {@code @relation}, {@code @attribute} and {@code @data} in any case; attribute types
 * {@code numeric}, {@code real} and {@code integer} (all read as numbers) and nominal lists such as
 * {@code {a, b, 'c d'}}. Names and values may be quoted with single or double quotes; inside quotes
 * a backslash escapes the next character ({@code \n}, {@code \r}, {@code \t} stand for the control
 * characters). {@code string}, {@code date} and {@code relational} attributes are rejected with an
 * error naming the attribute. {@code %} starts a comment that runs to the end of the line; blank
 * lines are ignored. Lines end in LF or CRLF; the text is UTF-8.
 *
 * <p>Data: dense rows {@code 1.5, a, ?} and sparse rows {@code {0 1.5, 3 'c d'}} (0-based attribute
 * indices in increasing order; omitted values are 0, which for a nominal attribute is its first
 * value, as in Weka). An unquoted {@code ?} is a missing value ({@code NaN}, or {@link
 * Instance#MISSING_LABEL} for the class). A row may end with an instance weight in braces, {@code
 * 1.5, a, {0.25}}; otherwise the weight is 1.
 *
 * <p>The class attribute is the one named by {@link ReadOptions#target()}, or else the last
 * attribute; it must be nominal. The schema's features are the other attributes in file order.
 * Other options are ignored (the header fixes the schema).
 *
 * <p>Malformed input raises {@link DataFormatException} with file, line and column; I/O errors
 * raise {@link DataSourceException}. Not thread-safe. Close the reader to release the file.
 */
public final class ArffReader implements InstanceStream {
  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final Schema schema;
  private final ArffRowTokenizer row;
  private final Filler filler;
  private boolean exhausted;

  /** Opens {@code file} with the default options (the last attribute is the class). */
  public ArffReader(Path file) {
    this(file, ReadOptions.defaults());
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws DataSourceException if the file cannot be opened or read
   * @throws DataFormatException if the header is malformed, or the class attribute is not nominal
   * @throws IllegalArgumentException if {@code options.target()} names no attribute
   */
  public ArffReader(Path file, ReadOptions options) {
    this.src = SourceFile.open(file);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    try {
      Header header = readHeader(options);
      this.schema = header.schema;
      int numAttributes = header.attributes.size();
      String[] names = new String[numAttributes];
      ValueTable[] tables = new ValueTable[numAttributes];
      int[] featureOf = new int[numAttributes];
      int feature = 0;
      for (int i = 0; i < numAttributes; i++) {
        Attribute a = header.attributes.get(i);
        names[i] = a.name();
        tables[i] = a.isNominal() ? new ValueTable(a.values()) : null;
        featureOf[i] = i == header.classIndex ? -1 : feature++;
      }
      this.row = new ArffRowTokenizer(this.file, lines, names);
      this.filler = new Filler(schema, tables, featureOf, row);
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
   * Reads the next data row into {@code into}: features, class index and weight.
   *
   * @throws DataFormatException if the row is malformed
   * @throws DataSourceException on an I/O error
   * @throws IllegalArgumentException if {@code into} is not sized for the schema
   */
  @Override
  public boolean next(Instance into) {
    if (into.x.length != schema.numFeatures()) {
      throw new IllegalArgumentException(
          "instance has " + into.x.length + " features, schema has " + schema.numFeatures());
    }
    if (exhausted) {
      return false;
    }
    try {
      filler.into = into;
      if (row.nextRow(filler)) {
        return true;
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
    return exhausted ? 1.0 : src.progress();
  }

  /** Releases the file; idempotent. */
  @Override
  public void close() {
    exhausted = true;
    src.close();
  }

  // ---------------------------------------------------------------- data rows

  /**
   * Converts the values of a row and stores them into an instance, numbers straight from the line
   * buffer; no allocation per row.
   */
  private static final class Filler implements ArffRowTokenizer.Values {
    private final Schema schema;
    private final ValueTable[] tables;
    private final int[] featureOf;
    private final ArffRowTokenizer row;
    private final NumberParser number = new NumberParser();
    Instance into;

    Filler(Schema schema, ValueTable[] tables, int[] featureOf, ArffRowTokenizer row) {
      this.schema = schema;
      this.tables = tables;
      this.featureOf = featureOf;
      this.row = row;
    }

    @Override
    public void startRow(boolean sparse) {
      into.weight = 1.0;
      if (sparse) {
        Arrays.fill(into.x, 0.0);
        into.y = schema.isRegression() ? Instance.MISSING_LABEL : 0;
        into.target = schema.isRegression() ? 0.0 : Double.NaN;
      }
    }

    @Override
    public void value(int attr, char[] b, int s, int e, boolean missing) {
      double v;
      if (missing) {
        v = Double.NaN;
      } else if (tables[attr] == null) {
        if (!number.parse(b, s, e)) {
          throw row.atValue(attr, "expected a number, got " + Texts.quote(b, s, e));
        }
        v = number.value;
      } else {
        int k = tables[attr].indexOf(b, s, e);
        if (k < 0) {
          throw row.atValue(
              attr,
              "unknown nominal value "
                  + Texts.quote(b, s, e)
                  + "; expected one of {"
                  + Texts.list(nominalValues(attr))
                  + "}");
        }
        v = k;
      }
      int f = featureOf[attr];
      if (f >= 0) {
        into.x[f] = v;
      } else if (tables[attr] == null) {
        into.target = v; // a numeric target: regression
      } else {
        into.y = Double.isNaN(v) ? Instance.MISSING_LABEL : (int) v;
      }
    }

    @Override
    public void weight(char[] b, int s, int e) {
      if (!number.parse(b, s, e) || !(number.value >= 0) || Double.isInfinite(number.value)) {
        throw row.atWeight("expected a non-negative instance weight, got " + Texts.quote(b, s, e));
      }
      into.weight = number.value;
    }

    private List<String> nominalValues(int attr) {
      int f = featureOf[attr];
      return f >= 0 ? schema.feature(f).values() : schema.target().values();
    }
  }

  // ---------------------------------------------------------------- header

  private record Header(List<Attribute> attributes, int classIndex, Schema schema) {}

  private Header readHeader(ReadOptions options) throws IOException {
    List<Attribute> attributes = new ArrayList<>();
    List<Long> declaredAt = new ArrayList<>();
    String relation =
        ArffHeader.read(
            file,
            lines,
            (column, name, type, values) -> {
              attributes.add(attributeType(column, name, type, values));
              declaredAt.add(lines.lineNumber);
              return true;
            });
    if (relation == null) {
      relation = SourceFile.baseName(src.path);
    }
    int classIndex = attributes.size() - 1;
    String target = options.target();
    if (target != null) {
      classIndex = -1;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < attributes.size(); i++) {
        names.add(attributes.get(i).name());
        if (attributes.get(i).name().equals(target)) {
          classIndex = i;
        }
      }
      if (classIndex < 0) {
        throw new IllegalArgumentException(
            file
                + ": no attribute named '"
                + target
                + "' for the target; attributes: "
                + Texts.list(names));
      }
    }
    Attribute classAttribute = attributes.get(classIndex);
    Task task = options.task();
    boolean wrongType = task != null && classAttribute.isNumeric() != (task == Task.REGRESSION);
    if (wrongType || classAttribute.isNominal() && classAttribute.numValues() == 0) {
      throw DataFormatException.atColumn(
          file,
          declaredAt.get(classIndex),
          classIndex + 1,
          classAttribute.name(),
          (!wrongType
                  ? "the class attribute has no values"
                  : "the class attribute is "
                      + (classAttribute.isNumeric() ? "numeric" : "nominal")
                      + ", so the task is "
                      + (classAttribute.isNumeric() ? "regression" : "classification")
                      + ", not "
                      + task.cliName())
              + (target == null
                  ? " (the class defaults to the last attribute; choose another with the target"
                      + " option)"
                  : ""));
    }
    List<Attribute> features = new ArrayList<>(attributes);
    features.remove(classIndex);
    return new Header(attributes, classIndex, new Schema(relation, features, classAttribute));
  }

  private Attribute attributeType(int column, String name, String type, List<String> values) {
    if (values != null) {
      try {
        return Attribute.nominal(name, values);
      } catch (IllegalArgumentException e) {
        throw DataFormatException.atColumn(file, lines.lineNumber, column, name, e.getMessage());
      }
    }
    switch (type) {
      case "numeric", "real", "integer" -> {
        return Attribute.numeric(name);
      }
      case "string", "date", "relational" -> {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            column,
            name,
            "attribute type '"
                + type
                + "' is not supported (only numeric and nominal); remove the attribute '"
                + name
                + "' or convert it to nominal");
      }
      default -> {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            column,
            name,
            "unknown attribute type '" + type + "'; expected numeric, real, integer or {values}");
      }
    }
  }
}

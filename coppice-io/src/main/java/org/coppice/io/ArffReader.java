package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
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
  private final String[] names;
  private final ValueTable[] tables;
  private final int[] featureOf;
  private final int numAttributes;
  private final NumberParser number = new NumberParser();
  private char[] scratch = new char[128];
  private int scratchLen;
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
      this.numAttributes = header.attributes.size();
      this.names = new String[numAttributes];
      this.tables = new ValueTable[numAttributes];
      this.featureOf = new int[numAttributes];
      int feature = 0;
      for (int i = 0; i < numAttributes; i++) {
        Attribute a = header.attributes.get(i);
        names[i] = a.name();
        tables[i] = a.isNominal() ? new ValueTable(a.values()) : null;
        featureOf[i] = i == header.classIndex ? -1 : feature++;
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
      while (lines.nextLine()) {
        char[] b = lines.buf;
        int e = lines.end;
        int p = skipWs(b, lines.start, e);
        if (p == e || b[p] == '%') {
          continue;
        }
        into.weight = 1.0;
        if (b[p] == '{') {
          parseSparse(b, p, e, into);
        } else {
          parseDense(b, p, e, into);
        }
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

  private void parseDense(char[] b, int p, int e, Instance into) {
    int field = 0;
    while (true) {
      if (field == numAttributes) {
        if (p < e && b[p] == '{') {
          p = parseWeight(b, p, e, into);
          expectEnd(b, p, e, "after the instance weight");
          break;
        }
        throw DataFormatException.atColumn(
            file, lines.lineNumber, field + 1, null, "too many values: expected " + numAttributes);
      }
      p = value(b, p, e, field, false, into);
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
            names[field - 1],
            "expected ',' after the value, got " + Texts.describeChar(b, p, e));
      }
      p = skipWs(b, p + 1, e);
    }
    if (field < numAttributes) {
      throw DataFormatException.atColumn(
          file,
          lines.lineNumber,
          field + 1,
          names[field],
          "expected " + numAttributes + " values, got " + field);
    }
  }

  private void parseSparse(char[] b, int p, int e, Instance into) {
    Arrays.fill(into.x, 0.0);
    into.y = 0;
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
        if (index >= numAttributes) {
          throw DataFormatException.atChar(
              file,
              lines.lineNumber,
              charOffset(indexStart),
              "attribute index "
                  + index
                  + " is out of range: indices run from 0 to "
                  + (numAttributes - 1));
        }
        int attr = (int) index;
        if (attr <= prev) {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              attr + 1,
              names[attr],
              "sparse indices must increase, but " + attr + " follows " + prev);
        }
        prev = attr;
        if (p >= e || !isWs(b[p])) {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              attr + 1,
              names[attr],
              "expected a space between the index and the value, got "
                  + Texts.describeChar(b, p, e));
        }
        p = value(b, skipWs(b, p, e), e, attr, true, into);
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
              names[attr],
              "expected ',' or '}' after the value, got " + Texts.describeChar(b, p, e));
        }
      }
    }
    p = skipWs(b, p, e);
    if (p < e && b[p] == ',') {
      p = skipWs(b, p + 1, e);
    }
    if (p < e && b[p] == '{') {
      p = parseWeight(b, p, e, into);
    }
    expectEnd(b, p, e, "after the sparse row");
  }

  /** Parses one value starting at {@code p} (whitespace skipped) and stores it; returns the end. */
  private int value(char[] b, int p, int e, int attr, boolean sparse, Instance into) {
    char[] vb;
    int vs;
    int ve;
    boolean quoted = p < e && (b[p] == '\'' || b[p] == '"');
    if (quoted) {
      p = unquote(b, p, e, attr);
      vb = scratch;
      vs = 0;
      ve = scratchLen;
    } else {
      vs = p;
      char c;
      while (p < e && (c = b[p]) != ',' && c != '%' && !(sparse && c == '}')) {
        p++;
      }
      ve = p;
      while (ve > vs && isWs(b[ve - 1])) {
        ve--;
      }
      vb = b;
    }
    double v;
    if (!quoted && ve - vs == 1 && vb[vs] == '?') {
      v = Double.NaN;
    } else if (tables[attr] == null) {
      if (!number.parse(vb, vs, ve)) {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            attr + 1,
            names[attr],
            "expected a number, got " + Texts.quote(vb, vs, ve));
      }
      v = number.value;
    } else {
      int k = tables[attr].indexOf(vb, vs, ve);
      if (k < 0) {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            attr + 1,
            names[attr],
            "unknown nominal value "
                + Texts.quote(vb, vs, ve)
                + "; expected one of {"
                + Texts.list(nominalValues(attr))
                + "}");
      }
      v = k;
    }
    int f = featureOf[attr];
    if (f >= 0) {
      into.x[f] = v;
    } else {
      into.y = Double.isNaN(v) ? Instance.MISSING_LABEL : (int) v;
    }
    return p;
  }

  private List<String> nominalValues(int attr) {
    int f = featureOf[attr];
    return f >= 0 ? schema.feature(f).values() : schema.target().values();
  }

  /** Copies the quoted value at {@code p} into the scratch buffer; returns the position after. */
  private int unquote(char[] b, int p, int e, int attr) {
    char quote = b[p++];
    int n = 0;
    while (true) {
      if (p >= e) {
        throw DataFormatException.atColumn(
            file, lines.lineNumber, attr + 1, names[attr], "unterminated quoted value");
      }
      char c = b[p++];
      if (c == quote) {
        break;
      }
      if (c == '\\' && p < e) {
        c = unescape(b[p++]);
      }
      if (n == scratch.length) {
        scratch = Arrays.copyOf(scratch, n * 2);
      }
      scratch[n++] = c;
    }
    scratchLen = n;
    return p;
  }

  private int parseWeight(char[] b, int p, int e, Instance into) {
    int open = p;
    int close = p + 1;
    while (close < e && b[close] != '}') {
      close++;
    }
    if (close >= e) {
      throw DataFormatException.atChar(
          file, lines.lineNumber, charOffset(open), "unterminated instance weight '{'");
    }
    int s = skipWs(b, open + 1, close);
    int t = close;
    while (t > s && isWs(b[t - 1])) {
      t--;
    }
    if (!number.parse(b, s, t) || !(number.value >= 0) || Double.isInfinite(number.value)) {
      throw DataFormatException.atChar(
          file,
          lines.lineNumber,
          charOffset(open),
          "expected a non-negative instance weight, got " + Texts.quote(b, s, t));
    }
    into.weight = number.value;
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

  static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> c;
    };
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

  private record Header(List<Attribute> attributes, int classIndex, Schema schema) {}

  private Header readHeader(ReadOptions options) throws IOException {
    String relation = null;
    List<Attribute> attributes = new ArrayList<>();
    List<Long> declaredAt = new ArrayList<>();
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
          relation = c.name("relation name");
        }
        case "@attribute" -> {
          if (relation == null) {
            relation = SourceFile.baseName(src.path);
          }
          c.skipWs();
          int column = attributes.size() + 1;
          String name = c.name("attribute name");
          if (!seen.add(name)) {
            throw DataFormatException.atColumn(
                file, lines.lineNumber, column, name, "attribute declared twice");
          }
          attributes.add(attributeType(c, column, name));
          declaredAt.add(lines.lineNumber);
          c.skipWs();
          if (!c.atEnd()) {
            throw c.error("unexpected " + c.describe() + " after attribute '" + name + "'");
          }
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
    if (attributes.isEmpty()) {
      throw DataFormatException.atLine(file, lines.lineNumber, "no @attribute before @data");
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
    if (!classAttribute.isNominal() || classAttribute.numValues() == 0) {
      throw DataFormatException.atColumn(
          file,
          declaredAt.get(classIndex),
          classIndex + 1,
          classAttribute.name(),
          (classAttribute.isNominal()
                  ? "the class attribute has no values"
                  : "the class attribute must be nominal, but this one is numeric")
              + (target == null
                  ? " (the class defaults to the last attribute; choose another with the target"
                      + " option)"
                  : ""));
    }
    List<Attribute> features = new ArrayList<>(attributes);
    features.remove(classIndex);
    return new Header(attributes, classIndex, new Schema(relation, features, classAttribute));
  }

  private Attribute attributeType(Cursor c, int column, String name) {
    c.skipWs();
    if (c.atEnd()) {
      throw DataFormatException.atColumn(
          file, lines.lineNumber, column, name, "attribute has no type");
    }
    if (c.peek() == '{') {
      List<String> values = c.nominalList(name);
      try {
        return Attribute.nominal(name, values);
      } catch (IllegalArgumentException e) {
        throw DataFormatException.atColumn(file, lines.lineNumber, column, name, e.getMessage());
      }
    }
    int typeAt = c.pos;
    String type = c.word().toLowerCase(Locale.ROOT);
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
        c.pos = typeAt;
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            column,
            name,
            "unknown attribute type '" + type + "'; expected numeric, real, integer or {values}");
      }
    }
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

    /** At the end of the line or at a {@code %} comment. */
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

    /** Characters up to whitespace, '{' or '%'. */
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

    /** A quoted or bare name. */
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
          c = unescape(s.charAt(pos++));
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
        } else if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return values;
        } else {
          throw error("expected ',' or '}' in the nominal list, got " + describe());
        }
      }
    }
  }
}

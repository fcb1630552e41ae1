package org.coppice.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.io.ReadOptions;

/**
 * Turns a raw record (column name → value) into the feature vector a model was trained on. Kept in
 * the bundle, so prediction needs nothing but the raw record.
 *
 * <ul>
 *   <li>Numeric columns: numbers are used as they are; text is parsed as a decimal number; the
 *       missing tokens, {@code null} and an absent key are missing ({@code NaN}).
 *   <li>Nominal columns: the value's text (a whole number prints without ".0") is looked up in the
 *       training categories; missing as above; a category never seen in training is treated as
 *       missing and counted.
 *   <li>Missing values follow the model: a tree stops at the split that needs the value and answers
 *       with that node's class counts; naive Bayes leaves skip the attribute.
 * </ul>
 *
 * Immutable and thread-safe; counters live in a {@link Counts} owned by the caller.
 */
public final class Preprocessor {
  /** What happens to a category that was not seen in training. */
  public static final String UNSEEN_CATEGORY_POLICY = "treated as missing";

  /** What happens to a missing value. */
  public static final String MISSING_VALUE_POLICY =
      "NaN: a tree answers with the class counts of the split node that needs the value;"
          + " naive Bayes leaves skip the attribute";

  private final Schema schema;
  private final Set<String> missingTokens;

  public Preprocessor(Schema schema, Set<String> missingTokens) {
    this.schema = schema;
    this.missingTokens = Set.copyOf(missingTokens);
  }

  /** With the readers' default missing tokens ("", "?", "NA", "NaN"). */
  public Preprocessor(Schema schema) {
    this(schema, ReadOptions.DEFAULT_MISSING);
  }

  public Schema schema() {
    return schema;
  }

  public Set<String> missingTokens() {
    return missingTokens;
  }

  /** Per-feature counts of missing values and unseen categories met while converting. */
  public static final class Counts {
    final long[] missing;
    final long[] unseen;
    long records;

    public Counts(int numFeatures) {
      missing = new long[numFeatures];
      unseen = new long[numFeatures];
    }

    /** Adds another counter's counts into this one. */
    public void add(Counts other) {
      for (int i = 0; i < missing.length; i++) {
        missing[i] += other.missing[i];
        unseen[i] += other.unseen[i];
      }
      records += other.records;
    }

    public long records() {
      return records;
    }

    public long missing(int feature) {
      return missing[feature];
    }

    public long unseen(int feature) {
      return unseen[feature];
    }

    public long totalMissing() {
      long s = 0;
      for (long v : missing) {
        s += v;
      }
      return s;
    }

    public long totalUnseen() {
      long s = 0;
      for (long v : unseen) {
        s += v;
      }
      return s;
    }
  }

  /**
   * Fills {@code x} from {@code record}.
   *
   * @throws IllegalArgumentException when a numeric column holds text that is not a number
   */
  public void toFeatures(Map<String, ?> record, double[] x, Counts counts) {
    for (int i = 0; i < schema.numFeatures(); i++) {
      x[i] = convert(i, record.get(schema.feature(i).name()), counts);
    }
    if (counts != null) {
      counts.records++;
    }
  }

  /** Converts one raw value of feature {@code i}. */
  public double convert(int i, Object raw, Counts counts) {
    Attribute a = schema.feature(i);
    if (raw == null) {
      return missing(i, counts);
    }
    if (a.isNumeric()) {
      double v = number(a, raw);
      return v == v ? v : missing(i, counts);
    }
    String s = categoryText(raw);
    if (missingTokens.contains(s)) {
      return missing(i, counts);
    }
    int index = a.indexOf(s);
    if (index < 0) {
      if (counts != null) {
        counts.unseen[i]++;
      }
      return Double.NaN;
    }
    return index;
  }

  /**
   * The numeric target of a raw record's label: a number, or NaN when missing (null, NaN or a
   * missing-value token).
   *
   * @throws IllegalArgumentException when the label is text that is not a number
   */
  public double targetValue(Object raw) {
    return raw == null ? Double.NaN : number(schema.target(), raw);
  }

  /** A raw value of numeric column {@code a}: the number, or NaN when missing. */
  private double number(Attribute a, Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    String s = raw.toString().trim();
    if (missingTokens.contains(s)) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column '" + a.name() + "': expected a number, got \"" + s + "\"");
    }
  }

  /**
   * The text of a raw nominal value: a whole floating-point number prints without ".0", anything
   * else as {@code toString()}, trimmed.
   */
  static String categoryText(Object raw) {
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    return raw.toString().trim();
  }

  private static double missing(int i, Counts counts) {
    if (counts != null) {
      counts.missing[i]++;
    }
    return Double.NaN;
  }

  /** The manifest's description of this preprocessing. */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    List<Object> features = new ArrayList<>();
    for (Attribute a : schema.features()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", a.name());
      f.put("type", a.isNumeric() ? "numeric" : "nominal");
      if (a.isNominal()) {
        f.put("categories", a.values()); // category -> index is the position in this list
      }
      features.add(f);
    }
    d.put("features", features);
    d.put(
        "label",
        schema.isRegression()
            ? Map.of("name", schema.target().name(), "type", "numeric")
            : Map.of("name", schema.target().name(), "classes", schema.target().values()));
    d.put("missing_tokens", new java.util.TreeSet<>(missingTokens));
    d.put("missing_values", MISSING_VALUE_POLICY);
    d.put("unseen_categories", UNSEEN_CATEGORY_POLICY);
    d.put("absent_columns", "a record without a feature column: that feature is missing");
    return d;
  }
}

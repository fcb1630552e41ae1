package org.coppice.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.coppice.learn.Task;

/**
 * Immutable options for the readers. Build with {@link #builder()}; {@link #defaults()} gives the
 * defaults.
 *
 * <ul>
 *   <li>{@code target}: name of the class column; default (null) the last column (the last ARFF
 *       attribute, the last CSV column, the last key of the first non-empty JSON object). All
 *       formats.
 *   <li>{@code nominal}: names of columns to treat as nominal even if every value is a number. CSV
 *       and JSON Lines with schema inference.
 *   <li>{@code classValues}: the class labels in index order; default (null) inferred from the
 *       prefix in order of first appearance. CSV and JSON Lines with schema inference.
 *   <li>{@code inferenceRows}: how many data rows to read ahead to infer the schema; default 1000.
 *       CSV and JSON Lines.
 *   <li>{@code delimiter}: CSV field separator; default {@code ','}.
 *   <li>{@code missing}: unquoted CSV field values that mean "missing"; default empty, {@code ?},
 *       {@code NA}, {@code NaN}. Compared exactly, after trimming.
 *   <li>{@code task}: what the target is. Default (null): inferred, so a CSV or JSON Lines target
 *       whose values are all numbers (and not named in {@code nominal} or fixed by {@code
 *       classValues}) is numeric, a regression target, and an ARFF target is what its header
 *       declares. {@link Task#CLASSIFICATION} reads a CSV or JSON Lines target as nominal; {@link
 *       Task#REGRESSION} reads it as numeric (a value that is not a number is then a data error).
 *       An ARFF target declared with the other type is refused.
 * </ul>
 */
public final class ReadOptions {
  /** The default number of rows read ahead to infer a CSV or JSON Lines schema. */
  public static final int DEFAULT_INFERENCE_ROWS = 1000;

  /** The default missing-value tokens for CSV. */
  public static final Set<String> DEFAULT_MISSING = Set.of("", "?", "NA", "NaN");

  private static final ReadOptions DEFAULTS = builder().build();

  private final String target;
  private final Set<String> nominal;
  private final List<String> classValues;
  private final int inferenceRows;
  private final char delimiter;
  private final Set<String> missing;
  private final Task task;

  private ReadOptions(Builder b) {
    this.task = b.task;
    this.target = b.target;
    this.nominal = b.nominal;
    this.classValues = b.classValues;
    this.inferenceRows = b.inferenceRows;
    this.delimiter = b.delimiter;
    this.missing = b.missing;
  }

  /** The default options. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /** A builder initialised to the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised to these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.target = target;
    b.task = task;
    b.nominal = nominal;
    b.classValues = classValues;
    b.inferenceRows = inferenceRows;
    b.delimiter = delimiter;
    b.missing = missing;
    return b;
  }

  /** Name of the class column, or null for the last column. */
  public String target() {
    return target;
  }

  /** The target's task, or null to infer it from the data. */
  public Task task() {
    return task;
  }

  /** Columns forced to be nominal (unmodifiable, in the order given). */
  public Set<String> nominal() {
    return nominal;
  }

  /** The class labels in index order, or null to infer them. */
  public List<String> classValues() {
    return classValues;
  }

  /** Number of data rows read ahead to infer a schema (at least 1). */
  public int inferenceRows() {
    return inferenceRows;
  }

  /** CSV field delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** Unquoted CSV values meaning "missing" (unmodifiable). */
  public Set<String> missing() {
    return missing;
  }

  @Override
  public String toString() {
    return "ReadOptions{target="
        + target
        + ", task="
        + task
        + ", nominal="
        + nominal
        + ", classValues="
        + classValues
        + ", inferenceRows="
        + inferenceRows
        + ", delimiter='"
        + delimiter
        + "', missing="
        + missing
        + "}";
  }

  /** Builder for {@link ReadOptions}. Not thread-safe. */
  public static final class Builder {
    private String target;
    private Set<String> nominal = Set.of();
    private List<String> classValues;
    private int inferenceRows = DEFAULT_INFERENCE_ROWS;
    private char delimiter = ',';
    private Set<String> missing = DEFAULT_MISSING;
    private Task task;

    private Builder() {}

    /** Sets the target's task; null (the default) infers it from the data. */
    public Builder task(Task task) {
      this.task = task;
      return this;
    }

    /** Sets the class column by name; null restores the default (last column). */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /** Sets the columns forced to be nominal. */
    public Builder nominal(Collection<String> columns) {
      this.nominal = unmodifiableOrderedSet(columns, "nominal");
      return this;
    }

    /**
     * Fixes the class labels, in index order; null restores inference.
     *
     * @throws IllegalArgumentException if the list is empty or has duplicates
     */
    public Builder classValues(List<String> labels) {
      if (labels == null) {
        this.classValues = null;
        return this;
      }
      List<String> copy = List.copyOf(labels);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("classValues must not be empty");
      }
      if (new LinkedHashSet<>(copy).size() != copy.size()) {
        throw new IllegalArgumentException("classValues has duplicates: " + copy);
      }
      this.classValues = copy;
      return this;
    }

    /**
     * Sets how many data rows are read ahead to infer a schema.
     *
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public Builder inferenceRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("inferenceRows must be at least 1, got " + rows);
      }
      this.inferenceRows = rows;
      return this;
    }

    /**
     * Sets the CSV field delimiter.
     *
     * @throws IllegalArgumentException for a quote, CR or LF
     */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("invalid delimiter: " + (int) delimiter);
      }
      this.delimiter = delimiter;
      return this;
    }

    /** Sets the unquoted CSV values that mean "missing". */
    public Builder missing(Collection<String> tokens) {
      this.missing = unmodifiableOrderedSet(tokens, "missing");
      return this;
    }

    /** The options. */
    public ReadOptions build() {
      return new ReadOptions(this);
    }

    private static Set<String> unmodifiableOrderedSet(Collection<String> values, String what) {
      Objects.requireNonNull(values, what);
      List<String> list = new ArrayList<>(values.size());
      for (String v : values) {
        list.add(Objects.requireNonNull(v, what + " must not contain null"));
      }
      return Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }
  }
}

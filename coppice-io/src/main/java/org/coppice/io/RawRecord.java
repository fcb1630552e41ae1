package org.coppice.io;

import java.util.Map;
import java.util.Objects;

/**
 * One row of a data file as it was written, before any conversion: column name → raw value.
 *
 * <p>Values are {@link String} for CSV and ARFF (the field's text, unquoted and trimmed), and the
 * JSON value for JSON Lines: {@link String}, {@link Long} (a JSON integer that fits in 64 bits),
 * {@link Double} (any other JSON number, and {@code NaN}, {@code Infinity}, {@code -Infinity}) or
 * {@link Boolean}. A missing value is {@code null}: JSON {@code null} and an unquoted ARFF {@code
 * ?}. CSV fields are never null; missing-value tokens such as {@code NA} or the empty string are
 * left to the consumer. A JSON Lines row holds only the keys of its object; CSV and ARFF rows hold
 * every column of the file, in file order.
 *
 * @param line 1-based line number where the row starts
 * @param values column name → raw value, in column order; unmodifiable
 */
public record RawRecord(long line, Map<String, Object> values) {
  public RawRecord {
    Objects.requireNonNull(values, "values");
  }

  /** The raw value of {@code column}, or null if it is missing or the row has no such column. */
  public Object get(String column) {
    return values.get(column);
  }
}

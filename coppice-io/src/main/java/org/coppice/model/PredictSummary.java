package org.coppice.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch prediction over a file did: rows scored, time, and per feature column how many
 * values were missing and how many categories were never seen in training (both treated as missing,
 * as the manifest's preprocessing says).
 *
 * @param output the predictions file written
 * @param rows rows scored
 * @param seconds wall-clock seconds, from opening the data to committing the output
 * @param columns one entry per feature of the model, in schema order
 */
public record PredictSummary(Path output, long rows, double seconds, List<ColumnCounts> columns) {
  /**
   * Counts for one feature column.
   *
   * @param column the column name
   * @param missing values that were missing (absent, null, or a missing-value token)
   * @param unseen nominal values that were not among the training categories
   */
  public record ColumnCounts(String column, long missing, long unseen) {}

  public PredictSummary {
    Objects.requireNonNull(output, "output");
    columns = List.copyOf(columns);
  }

  /** Rows per second; NaN if no time was measured. */
  public double rowsPerSecond() {
    return seconds > 0 ? rows / seconds : Double.NaN;
  }

  /** Missing values over every column. */
  public long totalMissing() {
    long s = 0;
    for (ColumnCounts c : columns) {
      s += c.missing();
    }
    return s;
  }

  /** Unseen categories over every column. */
  public long totalUnseen() {
    long s = 0;
    for (ColumnCounts c : columns) {
      s += c.unseen();
    }
    return s;
  }

  /** The counts of {@code column}, or null if the model has no such feature. */
  public ColumnCounts column(String column) {
    for (ColumnCounts c : columns) {
      if (c.column().equals(column)) {
        return c;
      }
    }
    return null;
  }

  /** The summary as ordered maps and lists of plain values (see {@link #toJson()}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("output", output.toString());
    m.put("rows", rows);
    m.put("seconds", Json.number(seconds));
    m.put("rows_per_second", Json.number(rowsPerSecond()));
    m.put("missing_values", totalMissing());
    m.put("unseen_categories", totalUnseen());
    List<Object> cols = new ArrayList<>();
    for (ColumnCounts c : columns) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("column", c.column());
      e.put("missing_values", c.missing());
      e.put("unseen_categories", c.unseen());
      cols.add(e);
    }
    m.put("columns", cols);
    return m;
  }

  /** Pretty JSON of {@link #toMap()}, ending with a newline. */
  public String toJson() {
    return Json.pretty(toMap()) + "\n";
  }

  /** A few lines for a terminal; only columns with something to report are listed. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%d rows scored in %.3f s (%.0f rows/s) -> %s\n",
            rows,
            seconds,
            rowsPerSecond(),
            output));
    sb.append(
        String.format(
            Locale.ROOT,
            "missing values: %d, unseen categories: %d (both treated as missing)\n",
            totalMissing(),
            totalUnseen()));
    for (ColumnCounts c : columns) {
      if (c.missing() > 0 || c.unseen() > 0) {
        sb.append(
            String.format(
                Locale.ROOT, "  %s: %d missing, %d unseen\n", c.column(), c.missing(), c.unseen()));
      }
    }
    return sb.toString();
  }
}

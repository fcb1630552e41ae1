package org.coppice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * What the classification and regression reports share: Markdown tables, number formats, the
 * aggregates over runs (means and rates) and the common paragraphs.
 */
final class Tables {
  /** Shown in a cell that has no value. */
  static final String NONE = "—";

  private Tables() {}

  /**
   * A Markdown table. A column name starting with {@code >} is right-aligned, with {@code ^}
   * centred, otherwise left-aligned; the marker is not shown.
   */
  static final class Table {
    private final StringBuilder text = new StringBuilder();
    private final int columns;

    Table(String... columns) {
      this.columns = columns.length;
      StringBuilder rule = new StringBuilder("|");
      text.append('|');
      for (String c : columns) {
        char mark = c.isEmpty() ? ' ' : c.charAt(0);
        boolean marked = mark == '>' || mark == '^';
        text.append(' ').append(marked ? c.substring(1) : c).append(" |");
        rule.append(mark == '>' ? "---:|" : mark == '^' ? ":---:|" : "---|");
      }
      text.append('\n').append(rule).append('\n');
    }

    /** Adds a row; each cell is shown with {@link String#valueOf(Object)}. */
    Table row(Object... cells) {
      if (cells.length != columns) {
        throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
      }
      text.append('|');
      for (Object cell : cells) {
        text.append(' ').append(cell).append(" |");
      }
      text.append('\n');
      return this;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** The runs of {@code all} that {@code filter} accepts, in their order. */
  static <R> List<R> select(List<R> all, Predicate<? super R> filter) {
    List<R> out = new ArrayList<>();
    for (R r : all) {
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Mean of {@code field} over {@code rs}; NaN for none. */
  static <R> double mean(List<R> rs, ToDoubleFunction<? super R> field) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (R r : rs) {
      sum += field.applyAsDouble(r);
    }
    return sum / rs.size();
  }

  /** Instances per second of wall time over all runs (total instances / total seconds). */
  static double rate(List<? extends TimedRun> rs) {
    return rate(rs, TimedRun::seconds);
  }

  /** Instances per CPU second of the whole JVM over all runs. */
  static double cpuRate(List<? extends TimedRun> rs) {
    return rate(rs, TimedRun::processCpuSeconds);
  }

  private static double rate(List<? extends TimedRun> rs, ToDoubleFunction<TimedRun> seconds) {
    if (rs.isEmpty()) {
      return Double.NaN;
    }
    double instances = 0;
    double total = 0;
    for (TimedRun r : rs) {
      instances += r.instances();
      total += seconds.applyAsDouble(r);
    }
    return instances / total;
  }

  /** Garbage-collection time as a share of wall time over all runs, in percent. */
  static String gcShare(List<? extends TimedRun> rs) {
    double gc = 0;
    double wall = 0;
    for (TimedRun r : rs) {
      gc += r.gcSeconds();
      wall += r.seconds();
    }
    return rs.isEmpty() || Double.isNaN(gc)
        ? NONE
        : String.format(Locale.ROOT, "%.1f", 100 * gc / wall);
  }

  /** Two decimals (percentages, seconds). */
  static String fixed2(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Two decimals with a sign (differences). */
  static String signed(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%+.2f", v);
  }

  /** Four decimals below 100, two from 100 on (errors). */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return NONE;
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.2f" : "%.4f", v);
  }

  /** A rate, rounded, with thousands separators. */
  static String count(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? NONE : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A ratio with {@code decimals} decimals and a multiplication sign. */
  static String ratio(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v)
        ? NONE
        : String.format(Locale.ROOT, "%." + decimals + "f×", v);
  }

  /** "1, 2, 3". */
  static String join(List<Integer> values) {
    List<String> parts = new ArrayList<>();
    for (int v : values) {
      parts.add(Integer.toString(v));
    }
    return String.join(", ", parts);
  }

  /** The first line of a generated section. */
  static String generatedNote(String command, Class<?> program) {
    return "Written by `"
        + command
        + "` (`"
        + program.getName()
        + "`); a new run replaces this section except the notes at its end.\n\n";
  }

  /**
   * The first paragraph of a method: how both systems run.
   *
   * @param tested what happens to each instance before it is learned ("scored", "predicted")
   * @param per what a warm-up is run for ("per data set and learner")
   */
  static String sameJvm(String tested, int warmup, String per) {
    return String.format(
        Locale.ROOT,
        "Both systems run in the same JVM, test-then-train (each instance is %s, then learned)"
            + " over the same instances, loaded in memory beforehand: MOA's through its"
            + " `ArffFileStream`, Coppice's through its own ARFF reader, from the same file. Only"
            + " the test-then-train loop is timed, on one thread unless a column says otherwise;"
            + " each system first runs %,d warm-up instances %s, and the warm-up is"
            + " discarded.\n\n",
        tested,
        warmup,
        per);
  }

  /** Whether MOA's and Coppice's readers produced the same values, file by file. */
  static String inputCheck(List<String> checks) {
    if (checks.isEmpty()) {
      return "Not made (only one system ran).\n";
    }
    StringBuilder b =
        new StringBuilder(
            "Every value read by MOA's `ArffFileStream` compared with the value read by Coppice's"
                + " reader:\n\n");
    for (String line : checks) {
      b.append("- ").append(line).append('\n');
    }
    return b.toString();
  }
}

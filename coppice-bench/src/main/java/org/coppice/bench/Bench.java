package org.coppice.bench;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.Locale;

/** Small helpers both comparisons use while running: the log and the input check. */
final class Bench {
  private Bench() {}

  /** Prints one progress line, prefixed {@code [bench]}. */
  static void log(String format, Object... values) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, values));
  }

  /** Seconds since {@code t0} ({@link System#nanoTime()}). */
  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Compares every value MOA's reader produced with the value Coppice's reader produced (both must
   * see the same numbers) and says how they compare: "identical (…)" or how many differ and where
   * first.
   */
  static String compareInputs(MoaData.Loaded moa, Rows coppice) {
    int attributes = moa.header().numAttributes();
    long differences = 0;
    String first = null;
    for (int row = 0; row < coppice.size(); row++) {
      Instance inst = moa.examples().get(row).getData();
      for (int a = 0; a < attributes; a++) {
        double m = inst.value(a);
        double c = coppice.value(row, a);
        if (!(m == c || (Double.isNaN(m) && Double.isNaN(c)))) {
          differences++;
          if (first == null) {
            first = "instance " + row + ", attribute " + a + ": MOA " + m + ", Coppice " + c;
          }
        }
      }
    }
    String verdict =
        differences == 0
            ? "identical (" + coppice.size() + " instances × " + attributes + " attributes)"
            : differences + " values differ; first at " + first;
    log("input check %s", verdict);
    return verdict;
  }
}

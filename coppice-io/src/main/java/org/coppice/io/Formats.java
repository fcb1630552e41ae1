package org.coppice.io;

import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;

/** Shared helpers of the readers and writers. */
final class Formats {
  private static final double MAX_EXACT_LONG = 0x1p53;

  private Formats() {}

  /**
   * Appends {@code v} so that parsing the text gives back exactly {@code v}: integers of magnitude
   * below 2<sup>53</sup> without a fraction ({@code 3}), anything else as {@link
   * Double#toString(double)} does ({@code 0.1}, {@code 1.0E-5}, {@code -0.0}, {@code Infinity}).
   */
  static void appendNumber(StringBuilder sb, double v) {
    if (v == Math.rint(v) && Math.abs(v) < MAX_EXACT_LONG && (v != 0 || 1 / v > 0)) {
      sb.append((long) v);
    } else {
      sb.append(v);
    }
  }

  /**
   * Whether a CSV or JSON Lines target column is read as numeric (regression): as {@link
   * ReadOptions#task()} says, else when its values look numeric and no class labels were given.
   *
   * @throws IllegalArgumentException if regression is asked for with class labels
   */
  static boolean numericTarget(ReadOptions options, boolean looksNumeric, String file) {
    if (options.task() == Task.REGRESSION) {
      if (options.classValues() != null) {
        throw new IllegalArgumentException(
            file + ": class labels were given for a regression target");
      }
      return true;
    }
    return options.task() == null && looksNumeric && options.classValues() == null;
  }

  /**
   * Checks that {@code inst} fits {@code schema}: width, nominal values valid indices or NaN, label
   * in range or missing.
   */
  static void check(Schema schema, Instance inst) {
    if (inst.x.length != schema.numFeatures()) {
      throw new IllegalArgumentException(
          "instance has " + inst.x.length + " features, schema has " + schema.numFeatures());
    }
    for (int i = 0; i < inst.x.length; i++) {
      Attribute a = schema.feature(i);
      double v = inst.x[i];
      if (a.isNominal() && !Double.isNaN(v) && !(v >= 0 && v < a.numValues() && v == (int) v)) {
        throw new IllegalArgumentException(
            "feature '"
                + a.name()
                + "': "
                + v
                + " is not an index of its "
                + a.numValues()
                + " nominal values");
      }
    }
    if (schema.isRegression()) {
      return;
    }
    if (inst.y != Instance.MISSING_LABEL && (inst.y < 0 || inst.y >= schema.numClasses())) {
      throw new IllegalArgumentException(
          "label "
              + inst.y
              + " is out of range: the target has "
              + schema.numClasses()
              + " classes");
    }
  }
}

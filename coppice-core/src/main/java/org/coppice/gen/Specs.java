package org.coppice.gen;

import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;

/** Small helpers shared by the generators: argument checks, spec text and schema building. */
final class Specs {
  private Specs() {}

  /** Throws IllegalArgumentException unless {@code min <= value <= max}. */
  static int checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /** Throws IllegalArgumentException unless {@code min <= value <= max} (NaN is rejected). */
  static double checkRange(String option, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          option + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /** A double in spec text; {@link Double#parseDouble} reads it back exactly. */
  static String num(double value) {
    return Double.toString(value);
  }

  /** Numeric attributes {@code prefix1 .. prefixN}. */
  static void addNumeric(List<Attribute> into, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      into.add(Attribute.numeric(prefix + (i + 1)));
    }
  }

  /** The values {@code prefix1 .. prefixN} (or {@code prefix0 ..} when {@code first} is 0). */
  static List<String> values(String prefix, int first, int n) {
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      v[i] = prefix + (first + i);
    }
    return List.of(v);
  }

  /** A schema whose target is called {@code class}. */
  static Schema schema(String relation, List<Attribute> features, List<String> classValues) {
    return new Schema(relation, features, Attribute.nominal("class", classValues));
  }
}

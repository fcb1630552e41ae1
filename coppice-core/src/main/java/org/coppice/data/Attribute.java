package org.coppice.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a {@link Schema}: a numeric attribute, or a nominal attribute with a fixed, ordered
 * list of values. In an {@link Instance} a nominal value is stored as its index in {@link
 * #values()}, a missing value as {@code NaN}.
 */
public final class Attribute {
  /** The kind of values an attribute holds. */
  public enum Kind {
    NUMERIC,
    NOMINAL
  }

  private final String name;
  private final Kind kind;
  private final List<String> values;
  private final Map<String, Integer> indexByValue;

  private Attribute(String name, Kind kind, List<String> values) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    this.values = List.copyOf(values);
    this.indexByValue = new HashMap<>();
    for (int i = 0; i < this.values.size(); i++) {
      if (indexByValue.putIfAbsent(this.values.get(i), i) != null) {
        throw new IllegalArgumentException(
            "attribute '" + name + "' lists the value '" + this.values.get(i) + "' twice");
      }
    }
  }

  /** A numeric attribute. */
  public static Attribute numeric(String name) {
    return new Attribute(name, Kind.NUMERIC, List.of());
  }

  /**
   * A nominal attribute whose value {@code i} is {@code values.get(i)}; values must be distinct.
   */
  public static Attribute nominal(String name, List<String> values) {
    return new Attribute(name, Kind.NOMINAL, values);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isNumeric() {
    return kind == Kind.NUMERIC;
  }

  public boolean isNominal() {
    return kind == Kind.NOMINAL;
  }

  /** The nominal values in index order; empty for a numeric attribute. */
  public List<String> values() {
    return values;
  }

  /** Number of nominal values (0 for a numeric attribute). */
  public int numValues() {
    return values.size();
  }

  /** Index of a nominal value, or -1 when the attribute has no such value. */
  public int indexOf(String value) {
    Integer index = indexByValue.get(value);
    return index == null ? -1 : index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attribute other
        && name.equals(other.name)
        && kind == other.kind
        && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, values);
  }

  @Override
  public String toString() {
    return kind == Kind.NUMERIC ? name + ": numeric" : name + ": " + values;
  }
}

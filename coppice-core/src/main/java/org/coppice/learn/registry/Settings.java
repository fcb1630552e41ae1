package org.coppice.learn.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings given for one learner, checked against its parameter table: each key is a parameter
 * of the learner and each value is parsed and in range. A value not given is the table's default.
 * Immutable.
 */
public final class Settings {
  private final LearnerType<?, ?> type;
  private final Map<String, Object> given; // name -> typed value, in table order

  private Settings(LearnerType<?, ?> type, Map<String, Object> given) {
    this.type = type;
    this.given = given;
  }

  /**
   * Parses settings given as text for {@code type}.
   *
   * @throws IllegalArgumentException for a setting the learner does not have, or a bad value
   */
  public static Settings parse(LearnerType<?, ?> type, Map<String, String> text) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : text.entrySet()) {
      Parameter p = type.parameter(e.getKey());
      given.put(p.name(), p.parse(e.getValue()));
    }
    return new Settings(type, order(type, given));
  }

  /**
   * Settings from typed values (as {@link LearnerType#values} returns them).
   *
   * @throws IllegalArgumentException for a setting the learner does not have, or a bad value
   */
  public static Settings of(LearnerType<?, ?> type, Map<String, ?> values) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Parameter p = type.parameter(e.getKey());
      Object v = e.getValue();
      given.put(p.name(), v instanceof String s ? p.parse(s) : p.check(v));
    }
    return new Settings(type, order(type, given));
  }

  private static Map<String, Object> order(LearnerType<?, ?> type, Map<String, Object> given) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (Parameter p : type.parameters()) {
      if (given.containsKey(p.name())) {
        ordered.put(p.name(), given.get(p.name()));
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  /** The learner these settings are for. */
  public LearnerType<?, ?> type() {
    return type;
  }

  /** The settings given explicitly, typed, in table order. */
  public Map<String, Object> given() {
    return given;
  }

  /** True if {@code name} was given. */
  public boolean has(String name) {
    return given.containsKey(name);
  }

  /** The value of {@code name}: given, or the table's default. */
  public Object value(String name) {
    Object v = given.get(name);
    return v != null ? v : type.parameter(name).defaultValue();
  }

  public int intValue(String name) {
    return (Integer) value(name);
  }

  public long longValue(String name) {
    return (Long) value(name);
  }

  public double doubleValue(String name) {
    return (Double) value(name);
  }

  public boolean boolValue(String name) {
    return (Boolean) value(name);
  }

  public String choice(String name) {
    return (String) value(name);
  }

  /** The parsed value of a text parameter. */
  public <T> T text(String name, Class<T> as) {
    return as.cast(value(name));
  }

  @Override
  public String toString() {
    return type.name() + given;
  }
}

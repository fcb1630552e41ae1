package org.coppice.learn.registry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of a learner's parameter table: the setting's name (the key of config files and the
 * manifest, and the command-line option {@code --name}; a boolean is also {@code --no-name}), its
 * type, its default, the values it accepts and a help line. Parsing and range checks of every
 * setting, from the command line or from a file, happen here.
 *
 * <p>A parameter is either a model parameter (it changes the model: kept in the manifest and the
 * state) or a runtime setting (such as the number of threads, which never changes results).
 */
public final class Parameter {
  /** The kind of values a parameter takes. */
  public enum Type {
    INTEGER,
    LONG,
    NUMBER,
    BOOLEAN,
    CHOICE,
    TEXT
  }

  private final String name;
  private final Type type;
  private final Object defaultValue;
  private final double min;
  private final double max;
  private final List<String> choices;
  private final Function<String, ?> textParser;
  private final String help;
  private final boolean runtime;

  private Parameter(
      String name,
      Type type,
      Object defaultValue,
      double min,
      double max,
      List<String> choices,
      Function<String, ?> textParser,
      String help,
      boolean runtime) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.textParser = textParser;
    this.help = Objects.requireNonNull(help, "help");
    this.runtime = runtime;
  }

  /** An integer in {@code [min, max]}. */
  public static Parameter integer(String name, int defaultValue, int min, int max, String help) {
    return new Parameter(name, Type.INTEGER, defaultValue, min, max, null, null, help, false);
  }

  /** A long integer (seeds). */
  public static Parameter longInteger(String name, long defaultValue, String help) {
    return new Parameter(
        name, Type.LONG, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE, null, null, help, false);
  }

  /** A finite number in {@code [min, max]}. */
  public static Parameter number(
      String name, double defaultValue, double min, double max, String help) {
    return new Parameter(name, Type.NUMBER, defaultValue, min, max, null, null, help, false);
  }

  /** True or false. */
  public static Parameter bool(String name, boolean defaultValue, String help) {
    return new Parameter(name, Type.BOOLEAN, defaultValue, 0, 1, null, null, help, false);
  }

  /** One of a fixed list of words; the value is the word. */
  public static Parameter choice(
      String name, String defaultValue, List<String> choices, String help) {
    if (!choices.contains(defaultValue)) {
      throw new IllegalArgumentException(name + ": default not among the choices");
    }
    return new Parameter(
        name, Type.CHOICE, defaultValue, 0, 0, List.copyOf(choices), null, help, false);
  }

  /**
   * Text with its own syntax, checked by {@code parser} (which throws {@link
   * IllegalArgumentException} with a message for a bad value); the value is the parser's result.
   */
  public static Parameter text(
      String name, String defaultValue, Function<String, ?> parser, String help) {
    return new Parameter(
        name, Type.TEXT, parser.apply(defaultValue), 0, 0, null, parser, help, false);
  }

  /** This parameter as a runtime setting: it never changes the model and is not saved. */
  public Parameter runtime() {
    return new Parameter(name, type, defaultValue, min, max, choices, textParser, help, true);
  }

  /** This parameter with another default (the same setting in another learner). */
  public Parameter withDefault(Object newDefault) {
    Object d = newDefault instanceof String s && type != Type.CHOICE ? parse(s) : newDefault;
    if (type == Type.CHOICE && !choices.contains(d)) {
      throw new IllegalArgumentException(name + ": default not among the choices");
    }
    return new Parameter(name, type, d, min, max, choices, textParser, help, runtime);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  /**
   * The default value, typed: Integer, Long, Double, Boolean, String (choice) or the parsed text.
   */
  public Object defaultValue() {
    return defaultValue;
  }

  public String help() {
    return help;
  }

  /** True for a runtime setting that does not change the model. */
  public boolean isRuntime() {
    return runtime;
  }

  /** The allowed words of a choice; empty otherwise. */
  public List<String> choices() {
    return choices == null ? List.of() : choices;
  }

  /** The accepted values in words, e.g. "an integer from 1 to 1048576" or "mc, nb or nba". */
  public String range() {
    return switch (type) {
      case INTEGER, LONG -> {
        boolean lo = min > Integer.MIN_VALUE && type == Type.INTEGER;
        boolean hi = max < Integer.MAX_VALUE && type == Type.INTEGER;
        if (lo && hi) {
          yield "an integer from " + (long) min + " to " + (long) max;
        }
        yield lo ? "an integer >= " + (long) min : "an integer";
      }
      case NUMBER -> {
        boolean lo = min > Double.NEGATIVE_INFINITY;
        boolean hi = max < Double.POSITIVE_INFINITY;
        if (lo && hi) {
          yield "a number from " + format(min) + " to " + format(max);
        }
        yield lo ? "a number >= " + format(min) : hi ? "a number <= " + format(max) : "a number";
      }
      case BOOLEAN -> "true or false";
      case CHOICE -> words(choices);
      case TEXT -> "see the help";
    };
  }

  /** The default as a config file writes it. */
  public String defaultText() {
    return format(defaultValue);
  }

  /**
   * Parses and checks a value given as text.
   *
   * @throws IllegalArgumentException naming the setting, the value and what is accepted
   */
  public Object parse(String text) {
    String t = text.trim();
    try {
      Object v =
          switch (type) {
            case INTEGER -> Integer.parseInt(t);
            case LONG -> Long.parseLong(t);
            case NUMBER -> Double.parseDouble(t);
            case BOOLEAN -> {
              String b = t.toLowerCase(Locale.ROOT);
              if (!b.equals("true") && !b.equals("false")) {
                throw new NumberFormatException();
              }
              yield Boolean.parseBoolean(b);
            }
            case CHOICE -> {
              String c = t.toLowerCase(Locale.ROOT);
              if (!choices.contains(c)) {
                throw new NumberFormatException();
              }
              yield c;
            }
            case TEXT -> textParser.apply(t);
          };
      check(v, text);
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be " + range() + ", got '" + text + "'", e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(name)) {
        throw e;
      }
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks a typed value (as a config holds it) against the range.
   *
   * @throws IllegalArgumentException if it is out of range
   */
  public Object check(Object value) {
    return check(value, String.valueOf(value));
  }

  private Object check(Object v, String text) {
    switch (type) {
      case INTEGER, LONG, NUMBER -> {
        double d = ((Number) v).doubleValue();
        if (type == Type.NUMBER && !Double.isFinite(d) || d < min || d > max) {
          throw new IllegalArgumentException(
              name + " must be " + range() + ", got '" + text.trim() + "'");
        }
      }
      default -> {}
    }
    return v;
  }

  /** A value as text: integers without a decimal point, numbers as Java prints them. */
  public static String format(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }

  private static String words(List<String> w) {
    if (w.size() == 1) {
      return w.get(0);
    }
    return String.join(", ", w.subList(0, w.size() - 1)) + " or " + w.get(w.size() - 1);
  }

  @Override
  public String toString() {
    return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + defaultText() + ")";
  }
}

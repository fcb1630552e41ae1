package org.coppice.cli;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A minimal writer of one JSON object on one line, and {@link #pretty} for maps and lists of plain
 * values. Numbers that are not finite are written as {@code null}, as JSON has no NaN.
 */
final class Json {
  private final StringBuilder sb = new StringBuilder("{");
  private boolean first = true;

  Json field(String name, String value) {
    key(name);
    if (value == null) {
      sb.append("null");
    } else {
      string(sb, value);
    }
    return this;
  }

  Json field(String name, long value) {
    key(name).append(value);
    return this;
  }

  /** A whole number, or null. */
  Json nullable(String name, Long value) {
    key(name).append(value == null ? "null" : value.toString());
    return this;
  }

  Json field(String name, double value) {
    number(key(name), value);
    return this;
  }

  Json field(String name, boolean value) {
    key(name).append(value);
    return this;
  }

  /** An array of strings. */
  Json field(String name, List<String> values) {
    StringBuilder b = key(name).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      string(b, values.get(i));
    }
    b.append(']');
    return this;
  }

  /** A matrix of numbers, as an array of rows. */
  Json field(String name, double[][] rows) {
    StringBuilder b = key(name).append('[');
    for (int r = 0; r < rows.length; r++) {
      b.append(r > 0 ? ",[" : "[");
      for (int c = 0; c < rows[r].length; c++) {
        if (c > 0) {
          b.append(',');
        }
        number(b, rows[r][c]);
      }
      b.append(']');
    }
    b.append(']');
    return this;
  }

  private StringBuilder key(String name) {
    if (!first) {
      sb.append(',');
    }
    first = false;
    string(sb, name);
    return sb.append(':');
  }

  @Override
  public String toString() {
    return sb + "}";
  }

  /**
   * {@code value} as indented JSON (two spaces, {@code "key": value}), without a final line break,
   * in the style of the model layers' reports. Maps (string keys, in iteration order), collections,
   * strings, numbers, booleans and null; anything else is written as its string.
   */
  static String pretty(Object value) {
    StringBuilder b = new StringBuilder();
    pretty(b, value, "");
    return b.toString();
  }

  private static void pretty(StringBuilder b, Object v, String indent) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      b.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      String inner = indent + "  ";
      b.append("{\n");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(",\n");
        }
        first = false;
        b.append(inner);
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        pretty(b, e.getValue(), inner);
      }
      b.append('\n').append(indent).append('}');
    } else if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        b.append("[]");
        return;
      }
      String inner = indent + "  ";
      b.append("[\n");
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          b.append(",\n");
        }
        first = false;
        b.append(inner);
        pretty(b, o, inner);
      }
      b.append('\n').append(indent).append(']');
    } else {
      string(b, v.toString());
    }
  }

  static void number(StringBuilder b, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      b.append("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      b.append((long) v);
    } else {
      b.append(v);
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}

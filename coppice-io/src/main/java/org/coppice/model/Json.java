package org.coppice.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON helpers for the reports: pretty printing, numbers that JSON can hold, escaping. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private Json() {}

  /** {@code value} (maps, lists, strings, numbers, booleans, nulls) as pretty JSON, no newline. */
  static String pretty(Object value) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A double for JSON: null when NaN or infinite (JSON has no such numbers). */
  static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** A summed weight for JSON: a whole number as a Long, else a Double (null if not finite). */
  static Object weight(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      return (long) v;
    }
    return number(v);
  }

  /** Appends {@code s} as a JSON string literal. */
  static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Appends a raw value (as read by a RawRecordReader) as a JSON value. */
  static void appendValue(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else {
      appendString(sb, v.toString());
    }
  }
}

package org.coppice.io;

import java.util.Collection;
import org.coppice.data.Attribute;

/** Formatting helpers for error messages. */
final class Texts {
  private static final int MAX_VALUE_CHARS = 60;
  private static final int MAX_LIST_ITEMS = 20;

  private Texts() {}

  /** {@code b[s, e)} in double quotes, with control characters escaped, truncated if long. */
  static String quote(char[] b, int s, int e) {
    return quote(new String(b, s, e - s));
  }

  /** {@code value} in double quotes, with control characters escaped, truncated if long. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    int n = Math.min(value.length(), MAX_VALUE_CHARS);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (value.length() > n) {
      sb.append("...");
    }
    return sb.append('"').toString();
  }

  /**
   * The detail of an error for a nominal value or class label ({@code quotedValue}) that {@code
   * attribute} lacks: with a schema inferred from the first {@code inferredFrom} rows (-1 if the
   * schema was given), how to fix it, unless the labels were given ({@code explicitLabels}); else
   * the values allowed.
   */
  static String unknownNominal(
      String quotedValue,
      Attribute attribute,
      boolean isTarget,
      int inferredFrom,
      boolean explicitLabels) {
    if (inferredFrom >= 0 && !(isTarget && explicitLabels)) {
      return (isTarget ? "class label " : "value ")
          + quotedValue
          + " was not seen in the first "
          + inferredFrom
          + " rows used to infer the schema; raise the inference prefix (inferenceRows)"
          + (isTarget ? " or pass the class labels explicitly (classValues)" : "");
    }
    return (isTarget ? "unknown class label " : "unknown nominal value ")
        + quotedValue
        + "; expected one of {"
        + list(attribute.values())
        + "}";
  }

  /** A character for messages: {@code 'x'}, or "end of line". */
  static String describeChar(char[] b, int i, int e) {
    if (i >= e) {
      return "end of line";
    }
    char c = b[i];
    return c < 0x20 ? String.format("'\\u%04x'", (int) c) : "'" + c + "'";
  }

  /** The items joined by ", ", truncated after a few. */
  static String list(Collection<String> items) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String item : items) {
      if (i == MAX_LIST_ITEMS) {
        sb.append(", ... (").append(items.size()).append(" in all)");
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(item);
      i++;
    }
    return sb.toString();
  }
}

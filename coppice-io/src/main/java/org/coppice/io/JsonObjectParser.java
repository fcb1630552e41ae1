package org.coppice.io;

import java.util.Arrays;

/**
 * Parses one flat JSON object per line, for {@link JsonLinesReader} and {@link JsonLinesRawReader}:
 * keys in double quotes; values that are strings, numbers (with {@code NaN}, {@code Infinity} and
 * {@code -Infinity}), {@code true}, {@code false} or {@code null}; no nested objects or arrays.
 * Errors give the character offset within the line.
 *
 * <p>Use: {@link #begin}, then {@link #next()} until it returns {@link #END}. Each call returns the
 * type of the next key-value pair; the key (unescaped) is then {@code keyBuf[0, keyLen)}, starting
 * at {@link #keyAt} in the line, and the value {@code vb[vs, ve)}, starting at {@link #valueAt}: a
 * string's unescaped text, or else the literal as written ({@code -2e3}, {@code true}, {@code
 * NaN}). Both are valid until the next call. Checking duplicate keys is left to the caller.
 */
final class JsonObjectParser {
  /** A string value. */
  static final int STRING = 0;

  /** A number, including {@code NaN}, {@code Infinity} and {@code -Infinity}. */
  static final int NUMBER = 1;

  /** {@code true} or {@code false}. */
  static final int BOOLEAN = 2;

  /** {@code null}. */
  static final int NULL = 3;

  /** Returned by {@link #next()} after the last pair of the object. */
  static final int END = -1;

  private static final int FIRST_PAIR = 0;
  private static final int AFTER_VALUE = 1;
  private static final int CLOSED = 2;
  private static final int DONE = 3;

  private final String file;

  /** The current key: {@code keyBuf[0, keyLen)}. */
  char[] keyBuf = new char[64];

  int keyLen;

  /** Where the current key (its opening quote) is in the line buffer. */
  int keyAt;

  /** The current value: {@code vb[vs, ve)}. */
  char[] vb;

  int vs;
  int ve;

  /** Where the current value is in the line buffer. */
  int valueAt;

  private char[] valBuf = new char[64];
  private int valLen;
  private long line;
  private int lineStart;
  private char[] b;
  private int p;
  private int e;
  private int state = DONE;

  JsonObjectParser(String file) {
    this.file = file;
  }

  /**
   * Starts parsing the object in {@code b[s, e)}, line {@code lineNumber} of the file.
   *
   * @throws DataFormatException if the line does not start with '{'
   */
  void begin(char[] b, int s, int e, long lineNumber) {
    this.b = b;
    this.e = e;
    line = lineNumber;
    lineStart = s;
    int p = skipWs(b, s, e);
    if (p >= e || b[p] != '{') {
      state = DONE;
      throw error(p, "expected a JSON object '{', got " + Texts.describeChar(b, p, e));
    }
    p = skipWs(b, p + 1, e);
    if (p < e && b[p] == '}') {
      p++;
      state = CLOSED;
    } else {
      state = FIRST_PAIR;
    }
    this.p = p;
  }

  /**
   * The type of the next pair ({@link #STRING}, {@link #NUMBER}, {@link #BOOLEAN}, {@link #NULL}),
   * or {@link #END}.
   *
   * @throws DataFormatException if the object is malformed
   */
  int next() {
    return switch (state) {
      case FIRST_PAIR -> pair();
      case AFTER_VALUE -> separator();
      case CLOSED -> close();
      default -> END;
    };
  }

  /** The current key as a string. */
  String key() {
    return new String(keyBuf, 0, keyLen);
  }

  /** The current value's text as a string. */
  String value() {
    return new String(vb, vs, ve - vs);
  }

  /** An error at position {@code at} of the line buffer: {@code file:line: char n: message}. */
  DataFormatException error(int at, String message) {
    return DataFormatException.atChar(file, line, at - lineStart + 1, message);
  }

  /** An error about the value of column {@code column} at position {@code at} of the line. */
  DataFormatException error(int at, String column, String message) {
    return new DataFormatException(file, line, 0, column, at - lineStart + 1, message);
  }

  private int separator() {
    p = skipWs(b, p, e);
    if (p < e && b[p] == ',') {
      p = skipWs(b, p + 1, e);
      return pair();
    }
    if (p < e && b[p] == '}') {
      p++;
      return close();
    }
    throw error(p, "expected ',' or '}' after the value, got " + Texts.describeChar(b, p, e));
  }

  private int close() {
    p = skipWs(b, p, e);
    if (p < e) {
      throw error(
          p,
          "unexpected " + Texts.describeChar(b, p, e) + " after the object (one object per line)");
    }
    state = DONE;
    return END;
  }

  private int pair() {
    char[] b = this.b;
    int e = this.e;
    int p = this.p;
    if (p >= e || b[p] != '"') {
      throw error(p, "expected a key in double quotes, got " + Texts.describeChar(b, p, e));
    }
    keyAt = p;
    p = string(b, p, e, true);
    p = skipWs(b, p, e);
    if (p >= e || b[p] != ':') {
      throw error(p, "expected ':' after the key, got " + Texts.describeChar(b, p, e));
    }
    p = skipWs(b, p + 1, e);
    valueAt = p;
    char c = p < e ? b[p] : 0;
    int type;
    if (c == '"') {
      p = string(b, p, e, false);
      vb = valBuf;
      vs = 0;
      ve = valLen;
      type = STRING;
    } else {
      if (c == '-' || (c >= '0' && c <= '9')) {
        p = jsonNumber(b, p, e);
        type = NUMBER;
      } else if (c == 't' || c == 'f' || c == 'n' || c == 'N' || c == 'I') {
        String word =
            switch (c) {
              case 't' -> "true";
              case 'f' -> "false";
              case 'n' -> "null";
              case 'N' -> "NaN";
              default -> "Infinity";
            };
        p = literal(b, p, e, word);
        type = c == 't' || c == 'f' ? BOOLEAN : c == 'n' ? NULL : NUMBER;
      } else if (c == '{' || c == '[') {
        throw error(
            p,
            "nested objects and arrays are not supported; values must be numbers,"
                + " strings, booleans or null");
      } else {
        throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
      }
      vb = b;
      vs = valueAt;
      ve = p;
    }
    this.p = p;
    state = AFTER_VALUE;
    return type;
  }

  /** Parses the string at {@code b[p] == '"'} into the key or value buffer; returns the end. */
  private int string(char[] b, int p, int e, boolean key) {
    int open = p++;
    char[] out = key ? keyBuf : valBuf;
    int n = 0;
    while (true) {
      if (p >= e) {
        throw error(open, "unterminated string");
      }
      char c = b[p++];
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error(p - 1, "control character in a string (escape it)");
      }
      if (c == '\\') {
        if (p >= e) {
          throw error(open, "unterminated string");
        }
        char esc = b[p++];
        switch (esc) {
          case '"', '\\', '/' -> c = esc;
          case 'b' -> c = '\b';
          case 'f' -> c = '\f';
          case 'n' -> c = '\n';
          case 'r' -> c = '\r';
          case 't' -> c = '\t';
          case 'u' -> {
            if (p + 4 > e) {
              throw error(p - 2, "incomplete \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(b[p + i], 16);
              if (d < 0) {
                throw error(p - 2, "invalid \\u escape");
              }
              v = v * 16 + d;
            }
            p += 4;
            c = (char) v;
          }
          default -> throw error(p - 2, "invalid escape '\\" + esc + "'");
        }
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
        if (key) {
          keyBuf = out;
        } else {
          valBuf = out;
        }
      }
      out[n++] = c;
    }
    if (key) {
      keyLen = n;
    } else {
      valLen = n;
    }
    return p;
  }

  /** Checks the JSON number grammar (or {@code -Infinity}) at {@code p}; returns its end. */
  private int jsonNumber(char[] b, int p, int e) {
    int start = p;
    if (b[p] == '-') {
      p++;
      if (p < e && b[p] == 'I') {
        return literal(b, p, e, "Infinity");
      }
    }
    if (p < e && b[p] == '0') {
      p++;
    } else if (p < e && b[p] >= '1' && b[p] <= '9') {
      p = digits(b, p, e);
    } else {
      throw error(start, "invalid number");
    }
    if (p < e && b[p] == '.') {
      int q = digits(b, p + 1, e);
      if (q == p + 1) {
        throw error(start, "invalid number: expected digits after '.'");
      }
      p = q;
    }
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int q = digits(b, p, e);
      if (q == p) {
        throw error(start, "invalid number: expected digits in the exponent");
      }
      p = q;
    }
    return p;
  }

  private static int digits(char[] b, int p, int e) {
    while (p < e && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  private int literal(char[] b, int p, int e, String word) {
    int n = word.length();
    if (e - p < n) {
      throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
    }
    for (int i = 0; i < n; i++) {
      if (b[p + i] != word.charAt(i)) {
        throw error(p, "expected a value, got " + Texts.describeChar(b, p, e));
      }
    }
    return p + n;
  }

  private static int skipWs(char[] b, int p, int e) {
    while (p < e) {
      char c = b[p];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      p++;
    }
    return p;
  }
}

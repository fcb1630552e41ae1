package org.coppice.io;

import java.io.IOException;
import java.util.Arrays;

/**
 * Splits the data rows of an ARFF file into values, for {@link ArffReader} and {@link
 * ArffRawReader}: dense rows {@code 1.5, a, ?} and sparse rows {@code {0 1.5, 3 'c d'}}, quoted
 * values with backslash escapes, {@code %} comments and an instance weight {@code {w}} at the end.
 * It checks the syntax and hands each value to a {@link Values} as a span of characters, so that a
 * reader can convert it without allocating; what a value means is up to the reader.
 */
final class ArffRowTokenizer {
  /** Receives the values of one row, in order, as spans valid only during the call. */
  interface Values {
    /** A row begins; in a sparse row the values not given take their default. */
    void startRow(boolean sparse);

    /**
     * The value of attribute {@code attr} (0-based) is {@code b[s, e)}, unquoted and unescaped;
     * {@code missing} if it is an unquoted {@code ?}. May throw {@link #atValue}.
     */
    void value(int attr, char[] b, int s, int e, boolean missing);

    /** The row's instance weight is {@code b[s, e)}, trimmed. May throw {@link #atWeight}. */
    void weight(char[] b, int s, int e);
  }

  private final String file;
  private final LineReader lines;
  private final String[] names;
  private final int numAttributes;
  private char[] scratch = new char[128];
  private int scratchLen;
  private int weightAt;

  /** Tokenizes the rows of {@code lines}, whose attributes (in file order) are {@code names}. */
  ArffRowTokenizer(String file, LineReader lines, String[] names) {
    this.file = file;
    this.lines = lines;
    this.names = names;
    this.numAttributes = names.length;
  }

  /**
   * Reads the next data row, skipping blank and comment lines, and passes its values to {@code
   * values}; false at end of input.
   *
   * @throws DataFormatException if the row is malformed
   */
  boolean nextRow(Values values) throws IOException {
    while (lines.nextLine()) {
      char[] b = lines.buf;
      int e = lines.end;
      int p = skipWs(b, lines.start, e);
      if (p == e || b[p] == '%') {
        continue;
      }
      boolean sparse = b[p] == '{';
      values.startRow(sparse);
      if (sparse) {
        parseSparse(b, p, e, values);
      } else {
        parseDense(b, p, e, values);
      }
      return true;
    }
    return false;
  }

  /** An error about the value of attribute {@code attr} in the current row. */
  DataFormatException atValue(int attr, String message) {
    return DataFormatException.atColumn(file, lines.lineNumber, attr + 1, names[attr], message);
  }

  /** An error about the instance weight of the current row. */
  DataFormatException atWeight(String message) {
    return DataFormatException.atChar(file, lines.lineNumber, charOffset(weightAt), message);
  }

  private void parseDense(char[] b, int p, int e, Values values) {
    int field = 0;
    while (true) {
      if (field == numAttributes) {
        if (p < e && b[p] == '{') {
          p = weight(b, p, e, values);
          expectEnd(b, p, e, "after the instance weight");
          break;
        }
        if (p >= e || b[p] == '%') {
          break; // one trailing comma after the last value, as MOA's ARFF writers end rows
        }
        throw DataFormatException.atColumn(
            file, lines.lineNumber, field + 1, null, "too many values: expected " + numAttributes);
      }
      p = value(b, p, e, field, false, values);
      field++;
      p = skipWs(b, p, e);
      if (p >= e || b[p] == '%') {
        break;
      }
      if (b[p] != ',') {
        throw DataFormatException.atColumn(
            file,
            lines.lineNumber,
            field,
            names[field - 1],
            "expected ',' after the value, got " + Texts.describeChar(b, p, e));
      }
      p = skipWs(b, p + 1, e);
    }
    if (field < numAttributes) {
      throw DataFormatException.atColumn(
          file,
          lines.lineNumber,
          field + 1,
          names[field],
          "expected " + numAttributes + " values, got " + field);
    }
  }

  private void parseSparse(char[] b, int p, int e, Values values) {
    int prev = -1;
    p = skipWs(b, p + 1, e);
    if (p < e && b[p] == '}') {
      p++;
    } else {
      while (true) {
        int indexStart = p;
        long index = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
          index = Math.min(Integer.MAX_VALUE, index * 10 + (b[p] - '0'));
          p++;
        }
        if (p == indexStart) {
          throw DataFormatException.atChar(
              file,
              lines.lineNumber,
              charOffset(p),
              "expected an attribute index in the sparse row, got " + Texts.describeChar(b, p, e));
        }
        if (index >= numAttributes) {
          throw DataFormatException.atChar(
              file,
              lines.lineNumber,
              charOffset(indexStart),
              "attribute index "
                  + index
                  + " is out of range: indices run from 0 to "
                  + (numAttributes - 1));
        }
        int attr = (int) index;
        if (attr <= prev) {
          throw atValue(attr, "sparse indices must increase, but " + attr + " follows " + prev);
        }
        prev = attr;
        if (p >= e || !isWs(b[p])) {
          throw atValue(
              attr,
              "expected a space between the index and the value, got "
                  + Texts.describeChar(b, p, e));
        }
        p = value(b, skipWs(b, p, e), e, attr, true, values);
        p = skipWs(b, p, e);
        if (p < e && b[p] == ',') {
          p = skipWs(b, p + 1, e);
        } else if (p < e && b[p] == '}') {
          p++;
          break;
        } else {
          throw atValue(
              attr, "expected ',' or '}' after the value, got " + Texts.describeChar(b, p, e));
        }
      }
    }
    p = skipWs(b, p, e);
    if (p < e && b[p] == ',') {
      p = skipWs(b, p + 1, e);
    }
    if (p < e && b[p] == '{') {
      p = weight(b, p, e, values);
    }
    expectEnd(b, p, e, "after the sparse row");
  }

  /** Scans one value at {@code p} (whitespace skipped) and passes it on; returns the end. */
  private int value(char[] b, int p, int e, int attr, boolean sparse, Values values) {
    if (p < e && (b[p] == '\'' || b[p] == '"')) {
      p = unquote(b, p, e, attr);
      values.value(attr, scratch, 0, scratchLen, false);
      return p;
    }
    int vs = p;
    char c;
    while (p < e && (c = b[p]) != ',' && c != '%' && !(sparse && c == '}')) {
      p++;
    }
    int ve = p;
    while (ve > vs && isWs(b[ve - 1])) {
      ve--;
    }
    values.value(attr, b, vs, ve, ve - vs == 1 && b[vs] == '?');
    return p;
  }

  /** Copies the quoted value at {@code p} into the scratch buffer; returns the position after. */
  private int unquote(char[] b, int p, int e, int attr) {
    char quote = b[p++];
    int n = 0;
    while (true) {
      if (p >= e) {
        throw atValue(attr, "unterminated quoted value");
      }
      char c = b[p++];
      if (c == quote) {
        break;
      }
      if (c == '\\' && p < e) {
        c = unescape(b[p++]);
      }
      if (n == scratch.length) {
        scratch = Arrays.copyOf(scratch, n * 2);
      }
      scratch[n++] = c;
    }
    scratchLen = n;
    return p;
  }

  /** Scans the weight in braces at {@code p} and passes it on; returns the position after. */
  private int weight(char[] b, int p, int e, Values values) {
    int open = p;
    int close = p + 1;
    while (close < e && b[close] != '}') {
      close++;
    }
    if (close >= e) {
      throw DataFormatException.atChar(
          file, lines.lineNumber, charOffset(open), "unterminated instance weight '{'");
    }
    int s = skipWs(b, open + 1, close);
    int t = close;
    while (t > s && isWs(b[t - 1])) {
      t--;
    }
    weightAt = open;
    values.weight(b, s, t);
    return close + 1;
  }

  private void expectEnd(char[] b, int p, int e, String where) {
    p = skipWs(b, p, e);
    if (p < e && b[p] != '%') {
      throw DataFormatException.atChar(
          file,
          lines.lineNumber,
          charOffset(p),
          "unexpected " + Texts.describeChar(b, p, e) + " " + where);
    }
  }

  private int charOffset(int p) {
    return p - lines.start + 1;
  }

  /** The character that {@code \c} stands for in a quoted name or value. */
  static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> c;
    };
  }

  /** Whitespace between ARFF tokens: space, tab, form feed and vertical tab. */
  static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
  }

  private static int skipWs(char[] b, int p, int e) {
    while (p < e && isWs(b[p])) {
      p++;
    }
    return p;
  }
}

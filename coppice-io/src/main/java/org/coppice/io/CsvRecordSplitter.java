package org.coppice.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Splits CSV text into records of fields, for {@link CsvReader} and {@link CsvRawReader}: RFC 4180
 * quoting (delimiters, line breaks and doubled quotes inside double quotes), whitespace trimmed
 * around unquoted fields and outside quotes, blank lines skipped, and the header row's column names
 * checked.
 *
 * <p>After {@link #nextRecord()} returns true, field {@code i} (of {@link #numFields}) is {@code
 * chars[fieldStart[i], fieldEnd[i])}, unquoted, beginning on line {@code fieldLine[i]}; the arrays
 * are reused by the next call.
 */
final class CsvRecordSplitter {
  private final String file;
  private final LineReader lines;
  private final char delimiter;

  /** The text of the current record's fields, back to back. */
  char[] chars = new char[256];

  /** The number of fields of the current record. */
  int numFields;

  int[] fieldStart = new int[16];
  int[] fieldEnd = new int[16];

  /** Whether each field was in quotes. */
  boolean[] fieldQuoted = new boolean[16];

  /** The 1-based line on which each field begins. */
  long[] fieldLine = new long[16];

  /** The 1-based line on which the current record begins. */
  long recordLine;

  private int length;
  private String[] columns;

  CsvRecordSplitter(String file, LineReader lines, char delimiter) {
    this.file = file;
    this.lines = lines;
    this.delimiter = delimiter;
  }

  /** Field {@code i} of the current record as a string. */
  String field(int i) {
    return new String(chars, fieldStart[i], fieldEnd[i] - fieldStart[i]);
  }

  /**
   * Reads the header row: the column names, which must be non-empty and distinct. Later errors name
   * these columns.
   *
   * @throws DataFormatException if the file is empty or a name is empty or repeated
   */
  String[] readHeader() throws IOException {
    if (!nextRecord()) {
      throw DataFormatException.atLine(file, 0, "empty file: a header row is required");
    }
    String[] names = new String[numFields];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < numFields; i++) {
      String name = field(i);
      if (name.isEmpty()) {
        throw DataFormatException.atColumn(
            file, fieldLine[i], i + 1, null, "empty column name in the header row");
      }
      if (!seen.add(name)) {
        throw DataFormatException.atColumn(
            file, fieldLine[i], i + 1, name, "column name appears twice in the header row");
      }
      names[i] = name;
    }
    columns = names;
    return names;
  }

  /**
   * Checks that the current record has one field per column of the header.
   *
   * @throws DataFormatException if it has fewer or more
   */
  void checkFieldCount() {
    int n = columns.length;
    if (numFields == n) {
      return;
    }
    if (numFields < n) {
      throw DataFormatException.atColumn(
          file,
          lines.lineNumber,
          numFields + 1,
          columns[numFields],
          "expected " + n + " values, got " + numFields);
    }
    throw DataFormatException.atColumn(
        file, fieldLine[n], n + 1, null, "expected " + n + " values, got " + numFields);
  }

  /**
   * Reads the next non-blank record into the field buffers; false at end of input.
   *
   * @throws DataFormatException if a quoted field is not closed, or is followed by other text
   */
  boolean nextRecord() throws IOException {
    do {
      if (!lines.nextLine()) {
        return false;
      }
    } while (lines.isBlank());
    recordLine = lines.lineNumber;
    numFields = 0;
    length = 0;
    char[] b = lines.buf;
    int p = lines.start;
    int e = lines.end;
    while (true) {
      p = skipWs(b, p, e);
      long line = lines.lineNumber;
      int start = length;
      boolean quoted = p < e && b[p] == '"';
      if (quoted) {
        p++;
        while (true) {
          int q = p;
          while (q < e && b[q] != '"') {
            q++;
          }
          append(b, p, q);
          if (q < e) {
            if (q + 1 < e && b[q + 1] == '"') {
              append('"');
              p = q + 2;
              continue;
            }
            p = q + 1;
            break;
          }
          if (lines.hadCr) {
            append('\r');
          }
          append('\n');
          if (!lines.nextLine()) {
            throw DataFormatException.atColumn(
                file,
                line,
                numFields + 1,
                columnName(numFields),
                "unterminated quoted field: the file ends before the closing quote");
          }
          b = lines.buf;
          p = lines.start;
          e = lines.end;
        }
        p = skipWs(b, p, e);
        if (p < e && b[p] != delimiter) {
          throw DataFormatException.atColumn(
              file,
              lines.lineNumber,
              numFields + 1,
              columnName(numFields),
              "unexpected " + Texts.describeChar(b, p, e) + " after the closing quote");
        }
      } else {
        int s = p;
        while (p < e && b[p] != delimiter) {
          p++;
        }
        int t = p;
        while (t > s && isWs(b[t - 1])) {
          t--;
        }
        append(b, s, t);
      }
      addField(start, quoted, line);
      if (p >= e) {
        return true;
      }
      p++;
    }
  }

  private String columnName(int i) {
    return columns != null && i < columns.length ? columns[i] : null;
  }

  private void addField(int start, boolean quoted, long line) {
    if (numFields == fieldStart.length) {
      int size = numFields * 2;
      fieldStart = Arrays.copyOf(fieldStart, size);
      fieldEnd = Arrays.copyOf(fieldEnd, size);
      fieldQuoted = Arrays.copyOf(fieldQuoted, size);
      fieldLine = Arrays.copyOf(fieldLine, size);
    }
    fieldStart[numFields] = start;
    fieldEnd[numFields] = length;
    fieldQuoted[numFields] = quoted;
    fieldLine[numFields] = line;
    numFields++;
  }

  private void append(char[] b, int s, int e) {
    int n = e - s;
    if (length + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
    }
    System.arraycopy(b, s, chars, length, n);
    length += n;
  }

  private void append(char c) {
    if (length == chars.length) {
      chars = Arrays.copyOf(chars, length * 2);
    }
    chars[length++] = c;
  }

  private boolean isWs(char c) {
    return (c == ' ' || c == '\t' || c == '\f' || c == '\u000b') && c != delimiter;
  }

  private int skipWs(char[] b, int p, int e) {
    while (p < e && isWs(b[p])) {
      p++;
    }
    return p;
  }
}

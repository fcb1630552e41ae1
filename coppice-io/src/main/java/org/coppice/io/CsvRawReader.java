package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RawRecordReader} for CSV: the syntax of {@link CsvReader}, every field as its text
 * (unquoted, trimmed outside quotes).
 */
final class CsvRawReader implements RawRecordReader {
  private final SourceFile src;
  private final String file;
  private final LineReader lines;
  private final char delimiter;

  private char[] chars = new char[256];
  private int length;
  private int numFields;
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];
  private long[] fieldLine = new long[16];
  private long recordLine;

  private String[] columns;
  private List<String> columnList;
  private boolean exhausted;

  CsvRawReader(Path path, char delimiter) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.lines = new LineReader(src.reader);
    this.delimiter = delimiter;
    try {
      readHeader();
    } catch (IOException e) {
      src.close();
      throw DataSourceException.reading(path, e);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public List<String> columns() {
    return columnList;
  }

  @Override
  public RawRecord next() {
    if (exhausted) {
      return null;
    }
    try {
      if (!readRecord()) {
        exhausted = true;
        return null;
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    checkFieldCount();
    Map<String, Object> values = new LinkedHashMap<>(columns.length * 2);
    for (int i = 0; i < columns.length; i++) {
      values.put(columns[i], new String(chars, fieldStart[i], fieldEnd[i] - fieldStart[i]));
    }
    return new RawRecord(recordLine, Collections.unmodifiableMap(values));
  }

  @Override
  public boolean columnsFixed() {
    return true;
  }

  @Override
  public double progress() {
    return exhausted ? 1.0 : src.progress();
  }

  @Override
  public void close() {
    exhausted = true;
    src.close();
  }

  private void readHeader() throws IOException {
    if (!readRecord()) {
      throw DataFormatException.atLine(file, 0, "empty file: a header row is required");
    }
    columns = new String[numFields];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < numFields; i++) {
      String name = new String(chars, fieldStart[i], fieldEnd[i] - fieldStart[i]);
      if (name.isEmpty()) {
        throw DataFormatException.atColumn(
            file, fieldLine[i], i + 1, null, "empty column name in the header row");
      }
      if (!seen.add(name)) {
        throw DataFormatException.atColumn(
            file, fieldLine[i], i + 1, name, "column name appears twice in the header row");
      }
      columns[i] = name;
    }
    columnList = List.of(columns);
  }

  private void checkFieldCount() {
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

  /** Reads the next non-blank record into the field buffers; false at end of input. */
  private boolean readRecord() throws IOException {
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
      if (p < e && b[p] == '"') {
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
      addField(start, line);
      if (p >= e) {
        return true;
      }
      p++;
    }
  }

  private String columnName(int i) {
    return columns != null && i < columns.length ? columns[i] : null;
  }

  private void addField(int start, long line) {
    if (numFields == fieldStart.length) {
      int size = numFields * 2;
      fieldStart = Arrays.copyOf(fieldStart, size);
      fieldEnd = Arrays.copyOf(fieldEnd, size);
      fieldLine = Arrays.copyOf(fieldLine, size);
    }
    fieldStart[numFields] = start;
    fieldEnd[numFields] = length;
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

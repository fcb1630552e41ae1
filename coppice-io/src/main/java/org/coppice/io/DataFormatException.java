package org.coppice.io;

/**
 * Malformed input in a data file: a bad header, a row with the wrong number of values, a value that
 * does not fit its column, invalid JSON, and so on.
 *
 * <p>The exception locates the problem by file (as the user named it), 1-based line number, and
 * either a 1-based column (field index and/or name) or a 1-based character offset within the line.
 * {@link #getMessage()} is a single line meant to be shown to the user as is, for example:
 *
 * <pre>
 * data.csv:17: column 3 ('price'): expected a number, got "abc"
 * data.jsonl:5: char 23: expected ',' or '}', got 'x'
 * </pre>
 */
public class DataFormatException extends RuntimeException {
  private final String file;
  private final long line;
  private final int column;
  private final String columnName;
  private final int charOffset;
  private final String detail;

  /**
   * Creates an exception with every location field.
   *
   * @param file the file as the user gave it (may be null if unknown)
   * @param line 1-based line number, or 0 if the problem concerns the whole file
   * @param column 1-based field index, or 0 if unknown or not applicable
   * @param columnName the column name, or null if unknown
   * @param charOffset 1-based character offset within the line, or 0 if not applicable
   * @param detail what is wrong, e.g. {@code expected a number, got "abc"}
   */
  public DataFormatException(
      String file, long line, int column, String columnName, int charOffset, String detail) {
    super(format(file, line, column, columnName, charOffset, detail));
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.charOffset = charOffset;
    this.detail = detail;
  }

  /** An error about a field: {@code file:line: column 3 ('price'): detail}. */
  public static DataFormatException atColumn(
      String file, long line, int column, String columnName, String detail) {
    return new DataFormatException(file, line, column, columnName, 0, detail);
  }

  /** An error at a character offset of a line: {@code file:line: char 12: detail}. */
  public static DataFormatException atChar(String file, long line, int charOffset, String detail) {
    return new DataFormatException(file, line, 0, null, charOffset, detail);
  }

  /** An error about a whole line (or, with line 0, the whole file): {@code file:line: detail}. */
  public static DataFormatException atLine(String file, long line, String detail) {
    return new DataFormatException(file, line, 0, null, 0, detail);
  }

  /** The file as the user named it, or null. */
  public String file() {
    return file;
  }

  /** 1-based line number, or 0 when the error concerns the whole file. */
  public long line() {
    return line;
  }

  /** 1-based field index, or 0 when not applicable. */
  public int column() {
    return column;
  }

  /** Name of the column concerned, or null. */
  public String columnName() {
    return columnName;
  }

  /** 1-based character offset within the line, or 0 when not applicable. */
  public int charOffset() {
    return charOffset;
  }

  /** The description of the problem without the location prefix. */
  public String detail() {
    return detail;
  }

  private static String format(
      String file, long line, int column, String columnName, int charOffset, String detail) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (line > 0) {
      sb.append(sb.length() > 0 ? ":" : "line ").append(line);
    }
    String sep = sb.length() > 0 ? ": " : "";
    if (column > 0) {
      sb.append(sep).append("column ").append(column);
      if (columnName != null) {
        sb.append(" ('").append(columnName).append("')");
      }
      sep = ", ";
    } else if (columnName != null) {
      sb.append(sep).append("column '").append(columnName).append('\'');
      sep = ", ";
    }
    if (charOffset > 0) {
      sb.append(sep).append("char ").append(charOffset);
    }
    if (sb.length() > 0) {
      sb.append(": ");
    }
    return sb.append(detail).toString();
  }
}

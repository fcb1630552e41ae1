package org.coppice.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a character stream into lines without allocating per line. After {@link #nextLine()}
 * returns true, the line is {@code buf[start, end)}, without its terminator ({@code \n} or {@code
 * \r\n}); the array and offsets are valid until the next call. A UTF-8 byte-order mark at the start
 * of the stream is dropped.
 */
final class LineReader {
  private final Reader in;
  private int pos;
  private int limit;
  private boolean eof;

  /** The buffer holding the current line. */
  char[] buf = new char[1 << 16];

  /** Start (inclusive) of the current line in {@link #buf}. */
  int start;

  /** End (exclusive) of the current line in {@link #buf}, before any {@code \r\n}. */
  int end;

  /** 1-based number of the current line; 0 before the first call. */
  long lineNumber;

  /** Whether the current line was terminated by {@code \r\n}. */
  boolean hadCr;

  LineReader(Reader in) {
    this.in = in;
  }

  /** Advances to the next line; false at end of input. */
  boolean nextLine() throws IOException {
    int scan = pos;
    while (true) {
      char[] b = buf;
      int lim = limit;
      while (scan < lim && b[scan] != '\n') {
        scan++;
      }
      if (scan < lim) {
        start = pos;
        end = scan;
        pos = scan + 1;
        break;
      }
      if (eof) {
        if (pos >= limit) {
          start = end = pos;
          return false;
        }
        start = pos;
        end = limit;
        pos = limit;
        break;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        scan -= pos;
        limit -= pos;
        pos = 0;
      }
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
    lineNumber++;
    hadCr = end > start && buf[end - 1] == '\r';
    if (hadCr) {
      end--;
    }
    if (lineNumber == 1 && end > start && buf[start] == '\uFEFF') {
      start++;
    }
    return true;
  }

  /** Whether the current line is empty or whitespace only. */
  boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(buf[i])) {
        return false;
      }
    }
    return true;
  }
}

package org.coppice.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** UTF-8 text written atomically to a file, gzipped when the name ends in {@code .gz}. */
final class TextSink {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final AtomicFileWriter atomic;
  private final Writer out;
  private char[] chars = new char[256];
  private boolean finished;

  private TextSink(Path file, AtomicFileWriter atomic, Writer out) {
    this.file = file;
    this.atomic = atomic;
    this.out = out;
  }

  /** Opens the temporary file; throws {@link DataSourceException} on failure. */
  static TextSink open(Path file) {
    AtomicFileWriter atomic = null;
    try {
      atomic = AtomicFileWriter.open(file);
      OutputStream stream = new BufferedOutputStream(atomic.stream(), BUFFER);
      if (SourceFile.isGzip(file)) {
        stream = new GZIPOutputStream(stream, BUFFER);
      }
      return new TextSink(file, atomic, new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (atomic != null) {
        atomic.close();
      }
      throw DataSourceException.writing(file, e);
    }
  }

  /** Appends the builder's characters. */
  void write(StringBuilder sb) {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed: " + file);
    }
    int n = sb.length();
    if (n > chars.length) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    sb.getChars(0, n, chars, 0);
    try {
      out.write(chars, 0, n);
    } catch (IOException e) {
      throw DataSourceException.writing(file, e);
    }
  }

  /** Flushes, finishes gzip and commits the atomic write. */
  void commit() {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed: " + file);
    }
    finished = true;
    try {
      // Closing finishes gzip and flushes every buffer; it does not close the temporary file.
      out.close();
      atomic.commit();
    } catch (IOException e) {
      atomic.close();
      throw DataSourceException.writing(file, e);
    }
  }

  /** Discards the output unless committed; never throws. */
  void close() {
    if (!finished) {
      finished = true;
      try {
        out.close(); // releases the deflater; the bytes go to the temporary file, deleted below
      } catch (IOException ignored) {
        // We are discarding the output anyway.
      }
    }
    atomic.close();
  }
}

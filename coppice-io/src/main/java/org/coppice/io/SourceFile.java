package org.coppice.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * An opened input file: UTF-8 text, transparently gunzipped when the name ends in {@code .gz}, with
 * a count of the (compressed) bytes consumed for progress reports.
 */
final class SourceFile implements Closeable {
  private static final int BUFFER = 1 << 16;

  /** The file as the user gave it, for messages. */
  final String name;

  final Path path;
  final Reader reader;
  private final CountingInputStream counting;
  private final long size;
  private boolean closed;

  private SourceFile(Path path, Reader reader, CountingInputStream counting, long size) {
    this.path = path;
    this.name = path.toString();
    this.reader = reader;
    this.counting = counting;
    this.size = size;
  }

  /**
   * Opens {@code path} for reading.
   *
   * @throws DataSourceException if the file does not exist or cannot be read
   */
  static SourceFile open(Path path) {
    InputStream raw = null;
    try {
      if (Files.isDirectory(path)) {
        throw new DataSourceException(
            "cannot read " + path + ": is a directory", new IOException("is a directory"));
      }
      raw = Files.newInputStream(path);
      long size = Files.size(path);
      CountingInputStream counting = new CountingInputStream(new BufferedInputStream(raw, BUFFER));
      InputStream in = counting;
      if (isGzip(path)) {
        in = new GZIPInputStream(counting, BUFFER);
      }
      Reader reader =
          new InputStreamReader(
              in,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
      return new SourceFile(path, reader, counting, size);
    } catch (IOException e) {
      closeQuietly(raw);
      throw DataSourceException.reading(path, e);
    }
  }

  /** Whether the file name ends in {@code .gz} (any case). */
  static boolean isGzip(Path path) {
    return lowerName(path).endsWith(".gz");
  }

  /** The file name in lower case, without the directory. */
  static String lowerName(Path path) {
    Path fileName = path.getFileName();
    return fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
  }

  /** The file name without directory, {@code .gz} and the format extension, e.g. "data". */
  static String baseName(Path path) {
    Path fileName = path.getFileName();
    String name = fileName == null ? "data" : fileName.toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Fraction of the file's bytes consumed so far, in [0, 1], or NaN for an empty file. */
  double progress() {
    if (size <= 0) {
      return closed ? 1.0 : Double.NaN;
    }
    return Math.min(1.0, (double) counting.count / size);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(reader);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Nothing useful to do: the data has been read already or we are failing anyway.
      }
    }
  }

  /** Counts bytes read through it. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      return skipped;
    }
  }
}

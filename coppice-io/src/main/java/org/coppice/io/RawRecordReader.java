package org.coppice.io;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the rows of a data file as {@link RawRecord}s (column name → raw value, no schema), for
 * prediction and evaluation, where the model or the predictions file fixes what the columns mean.
 * No column is required: in particular the target column may be absent.
 *
 * <p>Syntax is that of the typed readers: {@link CsvReader} (header row, RFC 4180 quoting, {@link
 * ReadOptions#delimiter()}), {@link JsonLinesReader} (one flat JSON object per line) and {@link
 * ArffReader} (dense and sparse rows; instance weights are read and dropped); gzip when the name
 * ends in {@code .gz}. Only one row is held in memory at a time (plus the read-ahead first object
 * of a JSON Lines file).
 *
 * <p>Malformed input raises {@link DataFormatException} located as {@code file:line: column 3
 * ('price'): ...} or {@code file:line: char 12: ...}; I/O errors raise {@link DataSourceException}.
 * Not thread-safe. Close the reader to release the file.
 */
public interface RawRecordReader extends AutoCloseable {
  /**
   * Opens {@code file}, choosing the syntax from its extension as {@link DataSources#open}: {@code
   * .csv}, {@code .jsonl} or {@code .ndjson}, {@code .arff}, each optionally followed by {@code
   * .gz}. Only {@link ReadOptions#delimiter()} applies.
   *
   * @throws IllegalArgumentException if the extension is none of those
   * @throws DataSourceException if the file does not exist or cannot be read
   * @throws DataFormatException if the header (CSV, ARFF) or the first object (JSON Lines) is
   *     malformed
   */
  static RawRecordReader open(Path file, ReadOptions options) {
    String name = SourceFile.lowerName(file);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (!Files.exists(file)) {
      throw new DataSourceException(
          "no such file: " + file, new NoSuchFileException(file.toString()));
    }
    if (name.endsWith(".csv")) {
      return new CsvRawReader(file, options.delimiter());
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return new JsonLinesRawReader(file);
    }
    if (name.endsWith(".arff")) {
      return new ArffRawReader(file);
    }
    throw new IllegalArgumentException(
        "cannot tell the format of "
            + file
            + " from its extension; use .arff, .csv, .jsonl or .ndjson (optionally followed by"
            + " .gz)");
  }

  /** Same as {@link #open(Path, ReadOptions)} with the default options. */
  static RawRecordReader open(Path file) {
    return open(file, ReadOptions.defaults());
  }

  /** The file as the caller gave it, for messages. */
  String file();

  /**
   * The columns known so far, in file order: the header row of a CSV file, the attributes of an
   * ARFF file; for JSON Lines the keys of the objects read so far (at least those of the first
   * object, read ahead when the file is opened), in order of first appearance. Unmodifiable.
   */
  List<String> columns();

  /**
   * The next row, or null at the end of the file.
   *
   * @throws DataFormatException if the row is malformed
   * @throws DataSourceException on an I/O error
   */
  RawRecord next();

  /**
   * True when {@link #columns()} is the complete header, known before any row is read (CSV, ARFF);
   * false when it grows as rows are read (JSON Lines).
   */
  boolean columnsFixed();

  /** Fraction of the file's bytes (compressed bytes for gzip) consumed so far, or NaN. */
  double progress();

  /** Releases the file; idempotent. */
  @Override
  void close();
}

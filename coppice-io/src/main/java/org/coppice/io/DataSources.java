package org.coppice.io;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.coppice.stream.InstanceStream;

/** Opens an {@link InstanceStream} on a data file, choosing the reader from the file extension. */
public final class DataSources {
  private DataSources() {}

  /** Same as {@link #open(Path, ReadOptions)} with the default options. */
  public static InstanceStream open(Path file) {
    return open(file, ReadOptions.defaults());
  }

  /**
   * Opens {@code file}: {@code .arff} with {@link ArffReader}, {@code .csv} with {@link CsvReader},
   * {@code .jsonl} or {@code .ndjson} with {@link JsonLinesReader}; each optionally followed by
   * {@code .gz} for gzip (extensions in any case).
   *
   * @throws IllegalArgumentException if the extension is none of those, or an option names an
   *     unknown column
   * @throws DataSourceException if the file does not exist ({@code no such file: data.csv}) or
   *     cannot be read
   * @throws DataFormatException if the header (or, for inference, the prefix) is malformed
   */
  public static InstanceStream open(Path file, ReadOptions options) {
    String name = SourceFile.lowerName(file);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (!Files.exists(file)) {
      throw new DataSourceException(
          "no such file: " + file, new NoSuchFileException(file.toString()));
    }
    if (name.endsWith(".arff")) {
      return new ArffReader(file, options);
    }
    if (name.endsWith(".csv")) {
      return new CsvReader(file, options);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return new JsonLinesReader(file, options);
    }
    throw new IllegalArgumentException(
        "cannot tell the format of "
            + file
            + " from its extension; use .arff, .csv, .jsonl or .ndjson (optionally followed by"
            + " .gz)");
  }
}

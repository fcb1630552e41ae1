package org.coppice.io;

import java.nio.file.Path;
import org.coppice.data.Schema;

/** Opens an {@link InstanceWriter} chosen by the file extension. */
public final class DataWriters {
  private DataWriters() {}

  /**
   * Starts writing {@code file} atomically: {@code .arff} gives an {@link ArffWriter}, {@code .csv}
   * a {@link CsvWriter}, each optionally followed by {@code .gz} for gzip (extensions in any case).
   * Nothing appears at {@code file} until {@link InstanceWriter#commit()}.
   *
   * @throws IllegalArgumentException if the extension is not one of those
   * @throws DataSourceException if the temporary file cannot be created
   */
  public static InstanceWriter open(Path file, Schema schema) {
    String name = SourceFile.lowerName(file);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".arff")) {
      return ArffWriter.open(file, schema);
    }
    if (name.endsWith(".csv")) {
      return CsvWriter.open(file, schema);
    }
    throw new IllegalArgumentException(
        "cannot tell the output format of "
            + file
            + " from its extension; use .arff or .csv (optionally followed by .gz)");
  }
}

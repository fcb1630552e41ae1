package org.coppice.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RawRecordReader} for CSV: the syntax of {@link CsvReader}, every field as its text
 * (unquoted, trimmed outside quotes).
 */
final class CsvRawReader implements RawRecordReader {
  private final SourceFile src;
  private final String file;
  private final CsvRecordSplitter record;
  private final String[] columns;
  private final List<String> columnList;
  private boolean exhausted;

  CsvRawReader(Path path, char delimiter) {
    this.src = SourceFile.open(path);
    this.file = src.name;
    this.record = new CsvRecordSplitter(file, new LineReader(src.reader), delimiter);
    try {
      columns = record.readHeader();
      columnList = List.of(columns);
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
      if (!record.nextRecord()) {
        exhausted = true;
        return null;
      }
    } catch (IOException e) {
      throw DataSourceException.reading(src.path, e);
    }
    record.checkFieldCount();
    Map<String, Object> values = new LinkedHashMap<>(columns.length * 2);
    for (int i = 0; i < columns.length; i++) {
      values.put(columns[i], record.field(i));
    }
    return new RawRecord(record.recordLine, Collections.unmodifiableMap(values));
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
}

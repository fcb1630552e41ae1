package org.coppice.io;

import static org.coppice.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coppice.data.Instance;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
  private static final String ARFF =
      "@relation r\n@attribute x numeric\n@attribute y {a,b}\n@data\n" + "1,b\n";
  private static final String CSV = "x,y\n1,b\n";
  private static final String JSONL = "{\"x\": 1, \"y\": \"b\"}\n";

  @TempDir Path dir;

  @Test
  void picksTheReaderFromTheExtension() {
    assertOpens(ArffReader.class, write(dir, "a.arff", ARFF), 1);
    assertOpens(ArffReader.class, write(dir, "a.ARFF.GZ", ARFF), 1);
    assertOpens(CsvReader.class, write(dir, "c.csv", CSV), 0);
    assertOpens(CsvReader.class, write(dir, "c.csv.gz", CSV), 0);
    assertOpens(JsonLinesReader.class, write(dir, "j.jsonl", JSONL), 0);
    assertOpens(JsonLinesReader.class, write(dir, "j.ndjson.gz", JSONL), 0);
  }

  private static void assertOpens(Class<?> type, Path file, int label) {
    try (InstanceStream stream = DataSources.open(file)) {
      assertInstanceOf(type, stream);
      Instance inst = stream.schema().newInstance();
      assertTrue(stream.next(inst));
      TestFiles.assertRow(inst, label, 1);
    }
  }

  @Test
  void passesTheOptionsOn() {
    Path file = write(dir, "c.csv", "x,y\n1,b\n");
    try (InstanceStream stream =
        DataSources.open(file, ReadOptions.builder().target("x").build())) {
      assertEquals("x", stream.schema().target().name());
    }
  }

  @Test
  void unknownExtensionIsAClearError() {
    Path file = write(dir, "data.txt", CSV);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DataSources.open(file));
    assertEquals(
        "cannot tell the format of "
            + file
            + " from its extension; use .arff, .csv, .jsonl or .ndjson (optionally followed by"
            + " .gz)",
        e.getMessage());
  }

  @Test
  void missingFileIsAOneLineMessageNamingThePathAsGiven() {
    Path relative = Path.of("no-such-dir", "data.csv");
    DataSourceException e =
        assertThrows(DataSourceException.class, () -> DataSources.open(relative));
    assertEquals("no such file: " + relative, e.getMessage());

    DataSourceException direct =
        assertThrows(DataSourceException.class, () -> new ArffReader(dir.resolve("x.arff")));
    assertEquals("no such file: " + dir.resolve("x.arff"), direct.getMessage());
  }

  @Test
  void corruptGzipIsReportedAsADataSourceError() throws Exception {
    Path file = dir.resolve("bad.csv.gz");
    Files.write(file, "x,y\n".getBytes(StandardCharsets.UTF_8));
    DataSourceException e = assertThrows(DataSourceException.class, () -> DataSources.open(file));
    assertEquals(
        "cannot read " + file + ": corrupt gzip data (Not in GZIP format)", e.getMessage());
  }
}

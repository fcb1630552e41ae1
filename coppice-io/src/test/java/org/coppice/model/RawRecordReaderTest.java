package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.coppice.io.DataFormatException;
import org.coppice.io.DataSourceException;
import org.coppice.io.RawRecord;
import org.coppice.io.RawRecordReader;
import org.coppice.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw record readers of org.coppice.io, as prediction and evaluation use them. */
class RawRecordReaderTest {
  @TempDir Path tmp;

  private static List<RawRecord> readAll(RawRecordReader r) {
    List<RawRecord> all = new ArrayList<>();
    RawRecord rec;
    while ((rec = r.next()) != null) {
      all.add(rec);
    }
    assertNull(r.next());
    return all;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void csvRowsAsText() {
    Path f =
        TestData.write(
            tmp,
            "d.csv",
            "\uFEFFid, price ,note\n"
                + "1, 2.5 ,\"a, b\"\n"
                + "\n"
                + "2,,\"two\nlines\"\r\n"
                + "3,NA,\"say \"\"hi\"\"\"\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      assertEquals(List.of("id", "price", "note"), r.columns());
      assertTrue(r.columnsFixed());
      assertEquals(f.toString(), r.file());
      List<RawRecord> rows = readAll(r);
      assertEquals(3, rows.size());
      assertEquals(2, rows.get(0).line());
      assertEquals(map("id", "1", "price", "2.5", "note", "a, b"), rows.get(0).values());
      assertEquals(List.of("id", "price", "note"), List.copyOf(rows.get(0).values().keySet()));
      assertEquals(4, rows.get(1).line());
      assertEquals("", rows.get(1).get("price"));
      assertEquals("two\nlines", rows.get(1).get("note"));
      assertEquals(6, rows.get(2).line());
      assertEquals("NA", rows.get(2).get("price"));
      assertEquals("say \"hi\"", rows.get(2).get("note"));
      assertEquals(1.0, r.progress());
    }
  }

  @Test
  void csvErrorsNameFileLineAndColumn() {
    Path f = TestData.write(tmp, "bad.csv", "a,b\n1,2\n3\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      r.next();
      DataFormatException e = assertThrows(DataFormatException.class, r::next);
      assertEquals(f + ":3: column 2 ('b'): expected 2 values, got 1", e.getMessage());
    }
    Path semi = TestData.write(tmp, "semi.csv", "a;b\n1;2\n");
    try (RawRecordReader r =
        RawRecordReader.open(semi, ReadOptions.builder().delimiter(';').build())) {
      assertEquals(map("a", "1", "b", "2"), r.next().values());
    }
    Path dup = TestData.write(tmp, "dup.csv", "a,a\n");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> RawRecordReader.open(dup));
    assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
  }

  @Test
  void jsonLinesValuesKeepTheirJsonTypes() {
    Path f =
        TestData.write(
            tmp,
            "d.jsonl",
            "{\"id\": 7, \"x\": 1.5, \"s\": \"a\\tb\", \"t\": true}\n"
                + "\n"
                + "{\"id\": 12345678901234567890, \"x\": null, \"y\": -2e3, \"z\": NaN}\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      assertFalse(r.columnsFixed());
      assertEquals(List.of("id", "x", "s", "t"), r.columns(), "the first object is read ahead");
      RawRecord a = r.next();
      assertEquals(1, a.line());
      assertEquals(7L, a.get("id"));
      assertEquals(1.5, a.get("x"));
      assertEquals("a\tb", a.get("s"));
      assertEquals(Boolean.TRUE, a.get("t"));
      RawRecord b = r.next();
      assertEquals(3, b.line());
      assertEquals(1.2345678901234567e19, b.get("id"));
      assertTrue(b.values().containsKey("x"));
      assertNull(b.get("x"));
      assertEquals(-2000.0, b.get("y"));
      assertTrue(Double.isNaN((Double) b.get("z")));
      assertEquals(List.of("id", "x", "s", "t", "y", "z"), r.columns());
      assertNull(r.next());
    }
  }

  @Test
  void jsonLinesErrorsNameFileLineAndChar() {
    Path f = TestData.write(tmp, "bad.jsonl", "{\"a\": 1}\n{\"a\": 1, \"b\": [1]}\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      r.next();
      DataFormatException e = assertThrows(DataFormatException.class, r::next);
      assertEquals(2, e.line());
      assertEquals(15, e.charOffset());
      assertTrue(e.getMessage().startsWith(f + ":2: char 15: nested"), e.getMessage());
    }
    Path dup = TestData.write(tmp, "dup.jsonl", "{\"a\": 1, \"a\": 2}\n");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> RawRecordReader.open(dup));
    assertEquals(dup + ":1: char 10: duplicate key \"a\"", e.getMessage());
  }

  @Test
  void arffDenseSparseMissingAndWeights() {
    Path f =
        TestData.write(
            tmp,
            "d.arff",
            "% comment\n@relation r\n@attribute 'the x' numeric\n@attribute c {red, 'dark blue'}\n"
                + "@attribute note string\n@attribute when date \"yyyy-MM-dd\"\n"
                + "@data\n"
                + "1.5, 'dark blue', 'it\\'s', 2024-01-01\n"
                + "?, red, ?, ? % trailing comment\n"
                + "{1 'dark blue', 2 hello} {2.0}\n"
                + "3, red, x, 2024-02-02, {0.5}\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      assertEquals(List.of("the x", "c", "note", "when"), r.columns());
      List<RawRecord> rows = readAll(r);
      assertEquals(4, rows.size());
      assertEquals(8, rows.get(0).line());
      assertEquals("1.5", rows.get(0).get("the x"));
      assertEquals("dark blue", rows.get(0).get("c"));
      assertEquals("it's", rows.get(0).get("note"));
      assertEquals("2024-01-01", rows.get(0).get("when"));
      assertEquals(
          Arrays.asList(null, "red", null, null), new ArrayList<>(rows.get(1).values().values()));
      assertEquals(
          Arrays.asList("0", "dark blue", "hello", null),
          new ArrayList<>(rows.get(2).values().values()));
      assertEquals("x", rows.get(3).get("note"));
    }
  }

  @Test
  void arffErrorsAndUnknownFiles() {
    Path f = TestData.write(tmp, "bad.arff", "@relation r\n@attribute a numeric\n@data\n1,2\n");
    try (RawRecordReader r = RawRecordReader.open(f)) {
      DataFormatException e = assertThrows(DataFormatException.class, r::next);
      assertEquals(f + ":4: column 2: too many values: expected 1", e.getMessage());
    }
    assertThrows(DataSourceException.class, () -> RawRecordReader.open(tmp.resolve("absent.csv")));
    Path txt = TestData.write(tmp, "d.txt", "a\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RawRecordReader.open(txt));
    assertTrue(e.getMessage().contains("cannot tell the format"), e.getMessage());
  }

  @Test
  void gzippedFiles() throws IOException {
    Path f = tmp.resolve("d.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    try (RawRecordReader r = RawRecordReader.open(f)) {
      assertEquals(map("a", "1", "b", "2"), r.next().values());
      assertNull(r.next());
    }
  }
}

package org.coppice.io;

import static org.coppice.io.TestFiles.assertRow;
import static org.coppice.io.TestFiles.readAll;
import static org.coppice.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static final double NAN = Double.NaN;
  private static final int MISSING = Instance.MISSING_LABEL;

  @TempDir Path dir;

  @Test
  void handlesQuotesEmbeddedNewlinesTrimmingAndMissingValues() {
    Path file =
        write(
            dir,
            "q.csv",
            "name, \"comment\" ,x,label\n"
                + "\"Smith, J\", \"said \"\"hi\"\"\" , 1.5 ,yes\n"
                + "  plain  ,\"multi\n"
                + "line\",2,no\n"
                + "\"\",?,NA,yes\n"
                + "\n"
                + "a,\"?\",,NaN\n");
    try (CsvReader reader = new CsvReader(file)) {
      assertEquals(List.of("name", "comment", "x", "label"), reader.columns());
      Schema schema = reader.schema();
      assertEquals("q", schema.relation());
      assertEquals(
          List.of(
              Attribute.nominal("name", List.of("Smith, J", "plain", "", "a")),
              Attribute.nominal("comment", List.of("said \"hi\"", "multi\nline", "?")),
              Attribute.numeric("x")),
          schema.features());
      assertEquals(Attribute.nominal("label", List.of("yes", "no")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(4, rows.size());
      assertRow(rows.get(0), 0, 0, 0, 1.5);
      assertRow(rows.get(1), 1, 1, 1, 2);
      assertRow(rows.get(2), 0, 2, NAN, NAN);
      assertRow(rows.get(3), MISSING, 3, 2, NAN);
      assertEquals(1.0, reader.progress());
    }
  }

  @Test
  void infersTypesFromThePrefixAndHonoursTheNominalOption() {
    String text = "id,color,size,label\n1,red,10,a\n2,blue,20,b\n3,red,?,a\n";
    try (CsvReader reader = new CsvReader(write(dir, "t.csv", text))) {
      assertEquals(
          List.of(
              Attribute.numeric("id"),
              Attribute.nominal("color", List.of("red", "blue")),
              Attribute.numeric("size")),
          reader.schema().features());
      List<Instance> rows = readAll(reader);
      assertRow(rows.get(0), 0, 1, 0, 10);
      assertRow(rows.get(1), 1, 2, 1, 20);
      assertRow(rows.get(2), 0, 3, 0, NAN);
    }
    ReadOptions options = ReadOptions.builder().nominal(Set.of("id")).build();
    try (CsvReader reader = new CsvReader(write(dir, "t.csv", text), options)) {
      assertEquals(Attribute.nominal("id", List.of("1", "2", "3")), reader.schema().feature(0));
      assertRow(readAll(reader).get(2), 0, 2, 0, NAN);
    }
  }

  @Test
  void classValuesFixTheLabelOrderAndTargetPicksTheColumn() {
    String text = "color,size,label\nred,1,a\nblue,2,b\nred,3,c\n";
    ReadOptions options =
        ReadOptions.builder().classValues(List.of("c", "b", "a")).inferenceRows(1).build();
    try (CsvReader reader =
        new CsvReader(write(dir, "n.csv", "size,label\n1,a\n2,b\n3,c\n"), options)) {
      assertEquals(List.of("c", "b", "a"), reader.schema().target().values());
      List<Instance> rows = readAll(reader);
      assertEquals(List.of(2, 1, 0), rows.stream().map(r -> r.y).toList());
    }
    options = ReadOptions.builder().target("color").build();
    try (CsvReader reader = new CsvReader(write(dir, "t.csv", text), options)) {
      Schema schema = reader.schema();
      assertEquals(Attribute.nominal("color", List.of("red", "blue")), schema.target());
      assertEquals(
          List.of(Attribute.numeric("size"), Attribute.nominal("label", List.of("a", "b", "c"))),
          schema.features());
      assertRow(readAll(reader).get(1), 1, 2, 1);
    }
  }

  @Test
  void unknownTargetOrNominalColumnListsTheColumns() {
    Path file = write(dir, "t.csv", "id,color,label\n1,red,a\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CsvReader(file, ReadOptions.builder().target("colour").build()));
    assertEquals(
        file + ": no column named 'colour' for the target; columns: id, color, label",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CsvReader(file, ReadOptions.builder().nominal(List.of("ID")).build()));
    assertEquals(
        file + ": no column named 'ID' to make nominal; columns: id, color, label", e.getMessage());
  }

  @Test
  void nominalValueFirstSeenAfterThePrefixIsReportedWithAFix() {
    Path file = write(dir, "t.csv", "id,color,label\n1,red,a\n2,blue,b\n3,teal,a\n");
    ReadOptions options = ReadOptions.builder().inferenceRows(2).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(
          file
              + ":4: column 2 ('color'): value \"teal\" was not seen in the first 2 rows used to"
              + " infer the schema; raise the inference prefix (inferenceRows)",
          e.getMessage());
      assertEquals(4, e.line());
      assertEquals(2, e.column());
    }
  }

  @Test
  void classLabelFirstSeenAfterThePrefixSuggestsClassValues() {
    Path file = write(dir, "t.csv", "id,label\n1,a\n2,a\n3,b\n");
    ReadOptions options = ReadOptions.builder().inferenceRows(2).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(
          file
              + ":4: column 2 ('label'): class label \"b\" was not seen in the first 2 rows used"
              + " to infer the schema; raise the inference prefix (inferenceRows) or pass the"
              + " class labels explicitly (classValues)",
          e.getMessage());
    }
    options = ReadOptions.builder().classValues(List.of("a")).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(
          file + ":4: column 2 ('label'): unknown class label \"b\"; expected one of {a}",
          e.getMessage());
    }
  }

  @Test
  void badNumberAfterAMultiLineRecordReportsTheExactLine() {
    Path file = write(dir, "m.csv", "a,b,label\n1,\"x\ny\",p\n2,z,q\noops,z,p\n");
    ReadOptions options = ReadOptions.builder().inferenceRows(2).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      assertEquals(List.of("x\ny", "z"), reader.schema().feature(1).values());
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      assertRow(inst, 0, 1, 0);
      assertTrue(reader.next(inst));
      assertRow(inst, 1, 2, 1);
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(
          file
              + ":5: column 1 ('a'): expected a number, got \"oops\" (the column looked numeric in"
              + " the first 2 rows; raise the inference prefix (inferenceRows) or declare the"
              + " column nominal)",
          e.getMessage());
    }
  }

  @Test
  void wrongNumberOfFieldsReportsLineAndColumn() {
    Path fewer = write(dir, "f.csv", "a,b,label\n1,2,x\n3,4\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvReader(fewer));
    assertEquals(fewer + ":3: column 3 ('label'): expected 3 values, got 2", e.getMessage());

    Path more = write(dir, "m.csv", "a,b,label\n1,2,x\n3,4,y,\n");
    e = assertThrows(DataFormatException.class, () -> new CsvReader(more));
    assertEquals(more + ":3: column 4: expected 3 values, got 4", e.getMessage());
  }

  @Test
  void aNumericTargetColumnIsRegressionByDefault() {
    Path file = write(dir, "prices.csv", "rooms,zone,price\n3,a,250000\n2,b,NA\n4,a,410000.5\n");
    try (CsvReader reader = new CsvReader(file)) {
      assertTrue(reader.schema().isRegression());
      assertEquals(Attribute.numeric("price"), reader.schema().target());
      List<Instance> rows = readAll(reader);
      assertEquals(250000, rows.get(0).target);
      assertTrue(Double.isNaN(rows.get(1).target), "NA is a missing target");
      assertEquals(410000.5, rows.get(2).target);
    }
    ReadOptions classes = ReadOptions.builder().task(Task.CLASSIFICATION).build();
    try (CsvReader reader = new CsvReader(file, classes)) {
      assertEquals(List.of("250000", "410000.5"), reader.schema().target().values());
    }
    Path text = write(dir, "words.csv", "x,y\n1,cheap\n");
    ReadOptions regression = ReadOptions.builder().task(Task.REGRESSION).build();
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> readAll(new CsvReader(text, regression)));
    assertTrue(e.getMessage().contains("expected a number, got \"cheap\""), e.getMessage());
  }

  @Test
  void malformedQuotingAndEmptyFilesAreReported() {
    Path open = write(dir, "o.csv", "a,label\n1,\"x\n2,y\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvReader(open));
    assertEquals(
        open
            + ":2: column 2 ('label'): unterminated quoted field: the file ends before the"
            + " closing quote",
        e.getMessage());

    Path junk = write(dir, "j.csv", "a,label\n1,\"x\"y\n");
    e = assertThrows(DataFormatException.class, () -> new CsvReader(junk));
    assertEquals(
        junk + ":2: column 2 ('label'): unexpected 'y' after the closing quote", e.getMessage());

    Path empty = write(dir, "e.csv", "\n\n");
    e = assertThrows(DataFormatException.class, () -> new CsvReader(empty));
    assertEquals(empty + ": empty file: a header row is required", e.getMessage());

    Path duplicate = write(dir, "d.csv", "a,b,a\n");
    e = assertThrows(DataFormatException.class, () -> new CsvReader(duplicate));
    assertEquals(
        duplicate + ":1: column 3 ('a'): column name appears twice in the header row",
        e.getMessage());

    Path noLabels = write(dir, "n.csv", "a,label\n1,?\n");
    e = assertThrows(DataFormatException.class, () -> new CsvReader(noLabels));
    assertEquals(
        noLabels
            + ": column 2 ('label'): no class label in the first 1000 data rows; pass the"
            + " class labels explicitly (classValues)",
        e.getMessage());
  }

  @Test
  void readsGzipCrlfUtf8AndByteOrderMark() {
    String text =
        "\uFEFFgr\u00f6\u00dfe,\"f\u00fc\u00dfe\",\u7c7b\u522b\r\n"
            + "1.25,s\u00fc\u00df,\u732b\r\n"
            + "\r\n"
            + "2,\"sauer\r\n\u00e9\",\u72d7\r\n";
    try (CsvReader reader = new CsvReader(write(dir, "d\u00e4ta.csv.gz", text))) {
      Schema schema = reader.schema();
      assertEquals("d\u00e4ta", schema.relation());
      assertEquals(Attribute.numeric("gr\u00f6\u00dfe"), schema.feature(0));
      assertEquals(
          Attribute.nominal("f\u00fc\u00dfe", List.of("s\u00fc\u00df", "sauer\r\n\u00e9")),
          schema.feature(1));
      assertEquals(Attribute.nominal("\u7c7b\u522b", List.of("\u732b", "\u72d7")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(2, rows.size());
      assertRow(rows.get(0), 0, 1.25, 0);
      assertRow(rows.get(1), 1, 2, 1);
    }
  }

  @Test
  void customDelimiterAndMissingTokens() {
    Path file = write(dir, "s.csv", "a;b;label\n1,5;-;x\n-;\"-\";y\n\t2 ;NA;x\n");
    ReadOptions options = ReadOptions.builder().delimiter(';').missing(Set.of("-")).build();
    try (CsvReader reader = new CsvReader(file, options)) {
      Schema schema = reader.schema();
      assertEquals(Attribute.nominal("a", List.of("1,5", "2")), schema.feature(0));
      assertEquals(Attribute.nominal("b", List.of("-", "NA")), schema.feature(1));
      List<Instance> rows = readAll(reader);
      assertRow(rows.get(0), 0, 0, NAN);
      assertRow(rows.get(1), 1, NAN, 0);
      assertRow(rows.get(2), 0, 1, 1);
    }
    Path tabs = write(dir, "t.csv", "a\tlabel\n 1 \tx\n\t\ty\n");
    ReadOptions tabbed = ReadOptions.builder().delimiter('\t').build();
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> new CsvReader(tabs, tabbed));
    assertEquals(tabs + ":3: column 3: expected 2 values, got 3", e.getMessage());
  }

  @Test
  void continuesStreamingAfterThePrefix() {
    StringBuilder sb = new StringBuilder("x,label\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
    }
    ReadOptions options = ReadOptions.builder().inferenceRows(10).build();
    try (CsvReader reader = new CsvReader(write(dir, "long.csv", sb.toString()), options)) {
      Instance inst = reader.schema().newInstance();
      for (int i = 0; i < 5000; i++) {
        assertTrue(reader.next(inst), "row " + i);
        assertRow(inst, i % 3 == 0 ? 0 : 1, i);
      }
      assertFalse(reader.next(inst));
      assertEquals(1.0, reader.progress());
    }
  }

  @Test
  void readsWithAGivenSchemaInAnyColumnOrder() {
    Schema schema =
        new Schema(
            "given",
            List.of(Attribute.numeric("x"), Attribute.nominal("c", List.of("u", "v", "w"))),
            Attribute.nominal("y", List.of("n", "p")));
    Path file = write(dir, "g.csv", "c,y,x\nw,p,1\nu,,2\n");
    try (CsvReader reader = new CsvReader(file, schema, ReadOptions.defaults())) {
      assertEquals(schema, reader.schema());
      List<Instance> rows = readAll(reader);
      assertRow(rows.get(0), 1, 1, 2);
      assertRow(rows.get(1), MISSING, 2, 0);
    }
    Path unknown = write(dir, "u.csv", "c,y,x\nv,q,1\n");
    try (CsvReader reader = new CsvReader(unknown, schema, ReadOptions.defaults())) {
      DataFormatException e =
          assertThrows(DataFormatException.class, () -> reader.next(schema.newInstance()));
      assertEquals(
          unknown + ":2: column 2 ('y'): unknown class label \"q\"; expected one of {n, p}",
          e.getMessage());
    }
    Path lacking = write(dir, "l.csv", "c,x,z\n");
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> new CsvReader(lacking, schema, ReadOptions.defaults()));
    assertEquals(lacking + ":1: column 3 ('z'): the column is not in the schema", e.getMessage());
  }
}

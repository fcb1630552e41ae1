package org.coppice.io;

import static org.coppice.io.TestFiles.assertRow;
import static org.coppice.io.TestFiles.assertWeightedRow;
import static org.coppice.io.TestFiles.readAll;
import static org.coppice.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArffReaderTest {
  private static final double NAN = Double.NaN;
  private static final int MISSING = Instance.MISSING_LABEL;

  @TempDir Path dir;

  private static final String HEADER =
      """
      @relation shop
      @attribute color {red, green}
      @attribute price numeric
      @attribute qty integer
      @attribute size {S, M, L}
      @attribute class {yes, no}
      @data
      """;

  @Test
  void readsHeaderVariantsCommentsQuotesAndMissingValues() {
    Path file =
        write(
            dir,
            "shop.arff",
            """
            % A comment before the header
            @RELATION 'my data'

            @Attribute 'first name' {alice, 'bob smith', "c\\"d", 'it\\'s'}
            @attribute "price (€)" NUMERIC   % a trailing comment
            @ATTRIBUTE count Integer
            @attribute ratio REAL
            @attribute class {yes,no}
            % a comment before the data
            @DATA
            alice, 1.5, 3, -2e-3, yes
            'bob smith',?,4,0.25,no   % a comment after a row

              "c\\"d" , 7 , ? , 1E2 , ?
            'it\\'s',0,0,0,"no"
            """);
    try (ArffReader reader = new ArffReader(file)) {
      Schema schema = reader.schema();
      assertEquals("my data", schema.relation());
      assertEquals(
          List.of(
              Attribute.nominal("first name", List.of("alice", "bob smith", "c\"d", "it's")),
              Attribute.numeric("price (€)"),
              Attribute.numeric("count"),
              Attribute.numeric("ratio")),
          schema.features());
      assertEquals(Attribute.nominal("class", List.of("yes", "no")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(4, rows.size());
      assertRow(rows.get(0), 0, 0, 1.5, 3, -0.002);
      assertRow(rows.get(1), 1, 1, NAN, 4, 0.25);
      assertRow(rows.get(2), MISSING, 2, 7, NAN, 100);
      assertRow(rows.get(3), 1, 3, 0, 0, 0);
      assertEquals(1.0, reader.progress());
      assertFalse(reader.next(schema.newInstance()));
    }
  }

  @Test
  void readsSparseRowsWithOmittedValuesAsZeroAndWeights() {
    Path file =
        write(
            dir,
            "sparse.arff",
            """
            @relation sp
            @attribute a numeric
            @attribute b {x, y, z}
            @attribute c numeric
            @attribute d {p, q}
            @data
            {0 1.5, 2 3}
            {1 z, 3 q}
            {}
            { 1 ?, 2 -1 }
            {0 2}, {0.5}
            1,y,2,q,{3}
            {1 'y'} {2}
            """);
    try (ArffReader reader = new ArffReader(file)) {
      List<Instance> rows = readAll(reader);
      assertEquals(7, rows.size());
      assertRow(rows.get(0), 0, 1.5, 0, 3);
      assertRow(rows.get(1), 1, 0, 2, 0);
      assertRow(rows.get(2), 0, 0, 0, 0);
      assertRow(rows.get(3), 0, 0, NAN, -1);
      assertWeightedRow(rows.get(4), 0, 0.5, 2, 0, 0);
      assertWeightedRow(rows.get(5), 1, 3.0, 1, 1, 2);
      assertWeightedRow(rows.get(6), 0, 2.0, 0, 1, 0);
    }
  }

  @Test
  void sparseRowOverwritesEveryValueOfAReusedInstance() {
    Path file =
        write(
            dir,
            "s.arff",
            "@relation r\n@attribute a numeric\n@attribute b numeric\n"
                + "@attribute c {u, v}\n@data\n1,2,v\n{1 5}\n");
    try (ArffReader reader = new ArffReader(file)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      assertRow(inst, 1, 1, 2);
      assertTrue(reader.next(inst));
      assertRow(inst, 0, 0, 5);
    }
  }

  @Test
  void readsGzipWithCrlfUtf8NamesAndByteOrderMark() throws Exception {
    String text =
        "\uFEFF@relation caf\u00e9\r\n"
            + "@attribute gr\u00f6\u00dfe numeric\r\n"
            + "@attribute 'f\u00fc\u00dfe' {s\u00fc\u00df, 'sauer \u00e9'}\r\n"
            + "@attribute \u7c7b\u522b {\u732b, \u72d7}\r\n"
            + "\r\n"
            + "@data\r\n"
            + "1.25,s\u00fc\u00df,\u732b\r\n"
            + "2,'sauer \u00e9',\u72d7\r\n";
    Path file = write(dir, "d\u00e4ta.arff.gz", text);
    try (ArffReader reader = new ArffReader(file)) {
      Schema schema = reader.schema();
      assertEquals("caf\u00e9", schema.relation());
      assertEquals("gr\u00f6\u00dfe", schema.feature(0).name());
      assertEquals(List.of("s\u00fc\u00df", "sauer \u00e9"), schema.feature(1).values());
      assertEquals(Attribute.nominal("\u7c7b\u522b", List.of("\u732b", "\u72d7")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(2, rows.size());
      assertRow(rows.get(0), 0, 1.25, 0);
      assertRow(rows.get(1), 1, 2, 1);
    }
  }

  @Test
  void progressIsAFractionOfTheFileAndReachesOne() throws Exception {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 20_000; i++) {
      sb.append("red,").append(i).append(".5,1,M,no\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path file = TestFiles.writeBytes(dir, "big.arff", bytes.toByteArray());
    try (ArffReader reader = new ArffReader(file)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      double early = reader.progress();
      assertTrue(early > 0 && early < 1, "early progress " + early);
      int n = 1;
      while (reader.next(inst)) {
        n++;
      }
      assertEquals(20_000, n);
      assertRow(inst, 1, 0, 19_999.5, 1, 1);
      assertEquals(1.0, reader.progress());
      assertEquals(-1, reader.sizeHint());
    }
  }

  @Test
  void targetOptionPicksTheClassAttribute() {
    Path file = write(dir, "shop.arff", HEADER + "green,2.5,3,L,no\n");
    ReadOptions options = ReadOptions.builder().target("size").build();
    try (ArffReader reader = new ArffReader(file, options)) {
      Schema schema = reader.schema();
      assertEquals("size", schema.target().name());
      assertEquals(List.of("color", "price", "qty", "class"), names(schema));
      List<Instance> rows = readAll(reader);
      assertRow(rows.get(0), 2, 1, 2.5, 3, 1);
    }
  }

  @Test
  void unknownTargetListsTheAttributes() {
    Path file = write(dir, "shop.arff", HEADER);
    ReadOptions options = ReadOptions.builder().target("colour").build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ArffReader(file, options));
    assertEquals(
        file
            + ": no attribute named 'colour' for the target; attributes: color, price, qty,"
            + " size, class",
        e.getMessage());
  }

  @Test
  void aNumericTargetIsRegressionAndATaskThatContradictsTheHeaderIsRefused() {
    Path file = write(dir, "shop.arff", HEADER);
    try (ArffReader reader = new ArffReader(file, ReadOptions.builder().target("price").build())) {
      assertTrue(reader.schema().isRegression());
      assertEquals("price", reader.schema().target().name());
    }
    ReadOptions classification =
        ReadOptions.builder().target("price").task(Task.CLASSIFICATION).build();
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> new ArffReader(file, classification));
    assertEquals(
        file
            + ":3: column 2 ('price'): the class attribute is numeric, so the task is"
            + " regression, not classification",
        e.getMessage());

    Path nominalLast =
        write(dir, "cls.arff", "@relation r\n@attribute a numeric\n@attribute y {p,q}\n@data\n");
    e =
        assertThrows(
            DataFormatException.class,
            () -> new ArffReader(nominalLast, ReadOptions.builder().task(Task.REGRESSION).build()));
    assertTrue(e.getMessage().contains("choose another with the target option"), e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void readsMoaRegressionRowsWithATrailingComma() {
    // MOA's regression ARFF writer ends every data row with a comma.
    Path file =
        write(
            dir,
            "moa.arff",
            "@relation hyper\n@attribute x1 numeric\n@attribute x2 numeric\n"
                + "@attribute target numeric\n@data\n0.5,0.25,1.75,\n0.1,0.2,?,\n");
    try (ArffReader reader = new ArffReader(file)) {
      assertTrue(reader.schema().isRegression());
      Instance in = reader.schema().newInstance();
      assertTrue(reader.next(in));
      assertEquals(1.75, in.target);
      assertEquals(0.25, in.x[1]);
      assertTrue(reader.next(in));
      assertTrue(Double.isNaN(in.target));
      assertFalse(reader.next(in));
    }
  }

  @Test
  void stringAndDateAttributesAreRejectedByName() {
    Path strings =
        write(
            dir,
            "s.arff",
            "@relation r\n@attribute id numeric\n"
                + "@attribute comment string\n@attribute c {a}\n@data\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> new ArffReader(strings));
    assertEquals(
        strings
            + ":3: column 2 ('comment'): attribute type 'string' is not supported (only"
            + " numeric and nominal); remove the attribute 'comment' or convert it to nominal",
        e.getMessage());

    Path dates =
        write(
            dir,
            "d.arff",
            "@relation r\n% dates\n@attribute 'when' DATE"
                + " \"yyyy-MM-dd\"\n@attribute c {a}\n@data\n");
    e = assertThrows(DataFormatException.class, () -> new ArffReader(dates));
    assertEquals(3, e.line());
    assertEquals("when", e.columnName());
    assertTrue(e.getMessage().contains("'date' is not supported"), e.getMessage());
  }

  @Test
  void badRowsReportLineAndColumn() {
    assertRowError("green,1,2,S\n", ":9: column 5 ('class'): expected 5 values, got 4");
    assertRowError("green,1,2,S,no,7\n", ":9: column 6: too many values: expected 5");
    assertRowError(
        "% comment\n\npurple,1,2,S,no\n",
        ":11: column 1 ('color'): unknown nominal value \"purple\"; expected one of {red, green}");
    assertRowError("red,abc,2,S,no\n", ":9: column 2 ('price'): expected a number, got \"abc\"");
    assertRowError("red,1,,S,no\n", ":9: column 3 ('qty'): expected a number, got \"\"");
    assertRowError("red,1,2,'S,no\n", ":9: column 4 ('size'): unterminated quoted value");
    assertRowError(
        "{1 2, 0 red}\n", ":9: column 1 ('color'): sparse indices must increase, but 0 follows 1");
    assertRowError(
        "{1 2, 9 3}\n", ":9: char 7: attribute index 9 is out of range: indices run from 0 to 4");
    assertRowError(
        "{1 2, 4 maybe}\n",
        ":9: column 5 ('class'): unknown nominal value \"maybe\"; expected one of {yes, no}");
  }

  private void assertRowError(String rows, String expectedSuffix) {
    Path file = write(dir, "bad.arff", HEADER + "red,1,2,M,yes\n" + rows);
    try (ArffReader reader = new ArffReader(file)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(file + expectedSuffix, e.getMessage());
    }
  }

  @Test
  void malformedHeadersAreReported() {
    assertHeaderError("@relation r\n@attribute a numeric\n", ":2: no @data section");
    assertHeaderError(
        "@relation r\n@attribute a fancy\n@data\n",
        ":2: column 1 ('a'): unknown attribute type 'fancy'; expected numeric, real, integer or"
            + " {values}");
    assertHeaderError(
        "@relation r\n@attribute a {x, y\n@data\n",
        ":2: char 14: unterminated nominal value list of attribute 'a'");
    assertHeaderError(
        "@relation r\n@attribute a {x, y, x}\n@data\n",
        ":2: column 1 ('a'): attribute 'a' lists the value 'x' twice");
    assertHeaderError(
        "@relation r\n@attribute a {x}\n@attribute a {y}\n@data\n",
        ":3: column 2 ('a'): attribute declared twice");
    assertHeaderError(
        "@relation r\nhello\n",
        ":2: char 1: expected @relation, @attribute or" + " @data, got 'h'");
    assertHeaderError("@relation r\n@data\n", ":2: no @attribute before @data");
  }

  private void assertHeaderError(String text, String expectedSuffix) {
    Path file = write(dir, "h.arff", text);
    DataFormatException e = assertThrows(DataFormatException.class, () -> new ArffReader(file));
    assertEquals(file + expectedSuffix, e.getMessage());
  }

  private static List<String> names(Schema schema) {
    return schema.features().stream().map(Attribute::name).toList();
  }
}

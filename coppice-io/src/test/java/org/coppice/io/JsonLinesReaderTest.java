package org.coppice.io;

import static org.coppice.io.TestFiles.assertRow;
import static org.coppice.io.TestFiles.readAll;
import static org.coppice.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
  private static final double NAN = Double.NaN;
  private static final int MISSING = Instance.MISSING_LABEL;

  @TempDir Path dir;

  @Test
  void infersTheSchemaAndReadsValuesNullsAndAbsentKeys() {
    Path file =
        write(
            dir,
            "d.jsonl",
            """
            {"x": 1.5, "color": "red", "flag": true, "label": "yes"}
            {"color":"blue","x":null,"label":"no","flag":false}

            { "x" : -2e3 , "label" : "yes" }
            {"x": 3, "color": "r\\u00e9d \\"q\\"\\n", "flag": true, "label": null}
            {"x": NaN, "color": "red", "label": "no", "n": 1}
            """);
    try (JsonLinesReader reader = new JsonLinesReader(file)) {
      Schema schema = reader.schema();
      assertEquals("d", schema.relation());
      assertEquals(
          List.of(
              Attribute.numeric("x"),
              Attribute.nominal("color", List.of("red", "blue", "r\u00e9d \"q\"\n")),
              Attribute.nominal("flag", List.of("true", "false")),
              Attribute.numeric("n")),
          schema.features());
      assertEquals(Attribute.nominal("label", List.of("yes", "no")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(5, rows.size());
      assertRow(rows.get(0), 0, 1.5, 0, 0, NAN);
      assertRow(rows.get(1), 1, NAN, 1, 1, NAN);
      assertRow(rows.get(2), 0, -2000, NAN, NAN, NAN);
      assertRow(rows.get(3), MISSING, 3, 2, 0, NAN);
      assertRow(rows.get(4), 1, NAN, 0, NAN, 1);
      assertEquals(1.0, reader.progress());
    }
  }

  @Test
  void numbersInANominalColumnKeepTheirSpelling() {
    Path file =
        write(
            dir,
            "n.ndjson.gz",
            "{\"day\": 1, \"v\": 1e2, \"y\": 0}\r\n{\"day\": \"7\", \"v\": -0.5, \"y\": 1}\r\n");
    ReadOptions options =
        ReadOptions.builder().nominal(List.of("day")).task(Task.CLASSIFICATION).build();
    try (JsonLinesReader reader = new JsonLinesReader(file, options)) {
      Schema schema = reader.schema();
      assertEquals(Attribute.nominal("day", List.of("1", "7")), schema.feature(0));
      assertEquals(Attribute.numeric("v"), schema.feature(1));
      assertEquals(List.of("0", "1"), schema.target().values());
      List<Instance> rows = readAll(reader);
      assertRow(rows.get(0), 0, 0, 100);
      assertRow(rows.get(1), 1, 1, -0.5);
    }
  }

  @Test
  void aNumericTargetIsRegressionUnlessTheTaskSaysOtherwise() {
    Path file = write(dir, "r.jsonl", "{\"a\": 1, \"y\": 2.5}\n{\"a\": 2, \"y\": null}\n");
    try (JsonLinesReader reader = new JsonLinesReader(file)) {
      assertTrue(reader.schema().isRegression());
      List<Instance> rows = readAll(reader);
      assertEquals(2.5, rows.get(0).target);
      assertTrue(Double.isNaN(rows.get(1).target), "null is a missing target");
      assertEquals(Instance.MISSING_LABEL, rows.get(0).y);
    }
    ReadOptions classification = ReadOptions.builder().task(Task.CLASSIFICATION).build();
    try (JsonLinesReader reader = new JsonLinesReader(file, classification)) {
      assertEquals(List.of("2.5"), reader.schema().target().values());
    }
  }

  @Test
  void targetOptionAndUnknownTarget() {
    Path file = write(dir, "t.jsonl", "{\"a\": \"u\", \"b\": 2}\n{\"a\": \"v\", \"b\": 3}\n");
    try (JsonLinesReader reader =
        new JsonLinesReader(file, ReadOptions.builder().target("a").build())) {
      assertEquals(Attribute.nominal("a", List.of("u", "v")), reader.schema().target());
      assertRow(readAll(reader).get(1), 1, 3);
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new JsonLinesReader(file, ReadOptions.builder().target("c").build()));
    assertEquals(file + ": no key named 'c' for the target; keys: a, b", e.getMessage());
  }

  @Test
  void badJsonReportsLineAndCharacter() {
    assertJsonError(
        "{\"x\": 1, \"label\": \"a\" \"y\": 2}",
        ":3: char 23: expected ',' or '}'" + " after the value, got '\"'");
    assertJsonError(
        "{\"x\": 1, \"label\": \"a\"",
        ":3: char 22: expected ',' or '}' after the" + " value, got end of line");
    assertJsonError(
        "{\"x\": 01, \"label\": \"a\"}",
        ":3: char 8: expected ',' or '}' after the" + " value, got '1'");
    assertJsonError("{\"x\": 1.}", ":3: char 7: invalid number: expected digits after '.'");
    assertJsonError("{\"x\": tru}", ":3: char 7: expected a value, got 't'");
    assertJsonError("{x: 1}", ":3: char 2: expected a key in double quotes, got 'x'");
    assertJsonError(
        "{\"x\": [1, 2]}",
        ":3: char 7: nested objects and arrays are not supported;"
            + " values must be numbers, strings, booleans or null");
    assertJsonError("{\"label\": \"a\\qb\"}", ":3: char 13: invalid escape '\\q'");
    assertJsonError("{\"label\": \"ab}", ":3: char 11: unterminated string");
    assertJsonError(
        "{\"x\": 1} {\"x\": 2}",
        ":3: char 10: unexpected '{' after the object (one" + " object per line)");
    assertJsonError("[1, 2]", ":3: char 1: expected a JSON object '{', got '['");
    assertJsonError("{\"x\": 1, \"x\": 2}", ":3: char 10: duplicate key \"x\"");
  }

  private void assertJsonError(String badLine, String expectedSuffix) {
    Path file =
        write(
            dir,
            "bad.jsonl",
            "{\"x\": 1, \"label\": \"a\"}\n\n" + badLine + "\n{\"x\": 2, \"label\": \"b\"}\n");
    ReadOptions options = ReadOptions.builder().inferenceRows(1).build();
    try (JsonLinesReader reader = new JsonLinesReader(file, options)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(file + expectedSuffix, e.getMessage());
    }
    // The same line inside the inference prefix is reported the same way.
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> new JsonLinesReader(file));
    assertEquals(file + expectedSuffix, e.getMessage());
  }

  @Test
  void valuesThatDoNotFitTheInferredSchemaNameTheColumn() {
    String first = "{\"x\": 1, \"c\": \"red\", \"label\": \"a\"}\n";
    ReadOptions options = ReadOptions.builder().inferenceRows(1).build();
    assertValueError(
        first + "{\"x\": \"1\", \"label\": \"a\"}",
        options,
        ":2: column 'x', char 7: expected a number, got the string \"1\" (the column held only"
            + " numbers in the first 1 rows; raise the inference prefix (inferenceRows) or"
            + " declare the column nominal)");
    assertValueError(
        first + "{\"c\": \"blue\"}",
        options,
        ":2: column 'c', char 7: value \"blue\" was not seen in the first 1 rows used to infer"
            + " the schema; raise the inference prefix (inferenceRows)");
    assertValueError(
        first + "{\"label\": \"b\"}",
        options,
        ":2: column 'label', char 11: class label \"b\" was not seen in the first 1 rows used to"
            + " infer the schema; raise the inference prefix (inferenceRows) or pass the class"
            + " labels explicitly (classValues)");
    assertValueError(
        first + "{\"size\": 3}",
        options,
        ":2: char 2: key \"size\" was not seen in the first 1 rows used to infer the schema;"
            + " raise the inference prefix (inferenceRows)");
  }

  private void assertValueError(String text, ReadOptions options, String expectedSuffix) {
    Path file = write(dir, "v.jsonl", text);
    try (JsonLinesReader reader = new JsonLinesReader(file, options)) {
      Instance inst = reader.schema().newInstance();
      assertTrue(reader.next(inst));
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(file + expectedSuffix, e.getMessage());
    }
  }

  @Test
  void readsWithAGivenSchema() {
    Schema schema =
        new Schema(
            "given",
            List.of(Attribute.numeric("x"), Attribute.nominal("c", List.of("u", "v"))),
            Attribute.nominal("y", List.of("n", "p")));
    Path file =
        write(
            dir,
            "g.jsonl",
            "{\"y\": \"p\", \"c\": \"v\"}\n{\"x\": Infinity, \"y\": \"n\"}\n"
                + "{\"x\": -Infinity, \"z\": 1}\n");
    try (JsonLinesReader reader = new JsonLinesReader(file, schema, ReadOptions.defaults())) {
      assertEquals(schema, reader.schema());
      Instance inst = schema.newInstance();
      assertTrue(reader.next(inst));
      assertRow(inst, 1, NAN, 1);
      assertTrue(reader.next(inst));
      assertRow(inst, 0, Double.POSITIVE_INFINITY, NAN);
      DataFormatException e = assertThrows(DataFormatException.class, () -> reader.next(inst));
      assertEquals(file + ":3: char 18: key \"z\" is not in the schema", e.getMessage());
    }
  }

  @Test
  void defaultTargetIsTheLastKeyOfTheFirstNonEmptyObject() {
    Path file =
        write(
            dir,
            "u.jsonl",
            "{}\n{\"gr\u00f6\u00dfe\": 2.5, \"\u7c7b\u522b\": \"\u732b\"}\n"
                + "{\"\u7c7b\u522b\": \"\u72d7\", \"gr\u00f6\u00dfe\": 1}\n");
    try (JsonLinesReader reader = new JsonLinesReader(file)) {
      Schema schema = reader.schema();
      assertEquals(List.of(Attribute.numeric("gr\u00f6\u00dfe")), schema.features());
      assertEquals(Attribute.nominal("\u7c7b\u522b", List.of("\u732b", "\u72d7")), schema.target());
      List<Instance> rows = readAll(reader);
      assertEquals(3, rows.size());
      assertRow(rows.get(0), MISSING, NAN);
      assertRow(rows.get(1), 0, 2.5);
      assertRow(rows.get(2), 1, 1);
    }
  }

  @Test
  void emptyFileCannotBeInferred() {
    Path file = write(dir, "e.jsonl", "\n  \n");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> new JsonLinesReader(file));
    assertEquals(file + ": no JSON object with any key: cannot infer a schema", e.getMessage());
  }
}

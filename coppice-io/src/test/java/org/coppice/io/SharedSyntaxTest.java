package org.coppice.io;

import static org.coppice.io.TestFiles.readAll;
import static org.coppice.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed readers and the raw record readers share their syntax ({@link ArffHeader}, {@link
 * ArffRowTokenizer}, {@link CsvRecordSplitter}, {@link JsonObjectParser}): the same input must fail
 * with the same message in both.
 */
class SharedSyntaxTest {
  private static final String HEADER =
      "@relation r\n@attribute a numeric\n@attribute b {x, y}\n@attribute c {yes, no}\n@data\n";

  @TempDir Path dir;

  private int files;

  /** Reads {@code content} with the typed and the raw reader; both must fail with the message. */
  private void assertBothFail(
      String extension,
      Function<Path, InstanceStream> typed,
      String content,
      String expectedAfterFile) {
    Path file = write(dir, "f" + files++ + "." + extension, content);
    String expected = file + expectedAfterFile;
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> {
              try (InstanceStream s = typed.apply(file)) {
                readAll(s);
              }
            });
    assertEquals(expected, e.getMessage(), "typed reader");
    e =
        assertThrows(
            DataFormatException.class,
            () -> {
              try (RawRecordReader r = RawRecordReader.open(file)) {
                while (r.next() != null) {
                  // Read to the error.
                }
              }
            });
    assertEquals(expected, e.getMessage(), "raw reader");
  }

  private void assertArffFails(String content, String expectedAfterFile) {
    assertBothFail("arff", ArffReader::new, content, expectedAfterFile);
  }

  private void assertCsvFails(String content, String expectedAfterFile) {
    assertBothFail("csv", CsvReader::new, content, expectedAfterFile);
  }

  private void assertJsonFails(String content, String expectedAfterFile) {
    assertBothFail("jsonl", JsonLinesReader::new, content, expectedAfterFile);
  }

  @Test
  void arffRowErrorsAreTheSameForBothReaders() {
    assertArffFails(
        HEADER + "1, x, yes\n{1 y, 0 2}\n",
        ":7: column 1 ('a'): sparse indices must increase, but 0 follows 1");
    assertArffFails(
        HEADER + "{3 1}\n",
        ":6: char 2: attribute index 3 is out of range: indices run from 0 to 2");
    assertArffFails(HEADER + "{0 1,2 no}x\n", ":6: char 11: unexpected 'x' after the sparse row");
    assertArffFails(
        HEADER + "{0, 1}\n",
        ":6: column 1 ('a'): expected a space between the index and the value, got ','");
    assertArffFails(
        HEADER + "{0 1 , x 2}\n",
        ":6: char 8: expected an attribute index in the sparse row, got 'x'");
    assertArffFails(
        HEADER + "{0 '1' 2}\n", ":6: column 1 ('a'): expected ',' or '}' after the value, got '2'");
    assertArffFails(HEADER + "1, x, yes, {2\n", ":6: char 12: unterminated instance weight '{'");
    assertArffFails(
        HEADER + "1, x, yes, {2} z\n", ":6: char 16: unexpected 'z' after the instance weight");
    assertArffFails(HEADER + "{0 1} {0.5} z\n", ":6: char 13: unexpected 'z' after the sparse row");
    assertArffFails(HEADER + "1, 'x, yes\n", ":6: column 2 ('b'): unterminated quoted value");
    assertArffFails(
        HEADER + "1, 'x' y, yes\n", ":6: column 2 ('b'): expected ',' after the value, got 'y'");
    assertArffFails(HEADER + "1, x\n", ":6: column 3 ('c'): expected 3 values, got 2");
    assertArffFails(HEADER + "1, x, yes, 2\n", ":6: column 4: too many values: expected 3");
  }

  @Test
  void arffHeaderErrorsAreTheSameForBothReaders() {
    assertArffFails(
        "@relation r\n@attribute a numeric x\n@attribute c {yes}\n@data\n",
        ":2: char 22: unexpected 'x' after attribute 'a'");
    assertArffFails(
        "@relation r\n@attribute a {x, 'y}\n@data\n", ":2: char 18: unterminated quote");
    assertArffFails(
        "@relation r\n@attribute a numeric\n@attribute a {x}\n@data\n",
        ":3: column 2 ('a'): attribute declared twice");
    assertArffFails(
        "@relation r\n@attribute a\n@data\n", ":2: column 1 ('a'): attribute has no type");
    assertArffFails(
        "@relation r\n@attribute a {x,, y}\n@data\n",
        ":2: char 17: empty value in the nominal list of attribute 'a'");
    assertArffFails(
        "@relation r\n@attribute a {x y\n@data\n",
        ":2: char 14: unterminated nominal value list of attribute 'a'");
    assertArffFails(
        "@relation r\n@bogus a\n@data\n",
        ":2: char 1: unknown keyword '@bogus'; expected @relation, @attribute or @data");
    assertArffFails("@relation\n@data\n", ":1: char 10: expected a relation name, got end of line");
    assertArffFails("@relation r\n@attribute a numeric\n", ":2: no @data section");
    assertArffFails("@relation r\n@data\n", ":2: no @attribute before @data");
  }

  @Test
  void arffTypesDifferOnlyWhereTheReadersDo() {
    Path file =
        write(
            dir,
            "types.arff",
            "@relation r\n@attribute s string\n@attribute d date 'yyyy-MM-dd'\n"
                + "@attribute n {x, y}\n@attribute c {yes, no}\n@data\n"
                + "'it\\'s', 2024-01-01, ?, yes\n{3 no}\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> new ArffReader(file));
    assertEquals(
        file
            + ":2: column 1 ('s'): attribute type 'string' is not supported (only numeric and"
            + " nominal); remove the attribute 's' or convert it to nominal",
        e.getMessage());
    try (RawRecordReader r = RawRecordReader.open(file)) {
      assertEquals(List.of("s", "d", "n", "c"), r.columns());
      assertEquals(
          Arrays.asList("it's", "2024-01-01", null, "yes"),
          new ArrayList<>(r.next().values().values()));
      assertEquals(
          Arrays.asList(null, null, "x", "no"), new ArrayList<>(r.next().values().values()));
      assertNull(r.next());
    }
    Path relational = write(dir, "rel.arff", "@relation r\n@attribute g relational\n@data\n");
    e = assertThrows(DataFormatException.class, () -> RawRecordReader.open(relational));
    assertEquals(
        relational + ":2: column 1 ('g'): attribute type 'relational' is not supported",
        e.getMessage());
  }

  @Test
  void csvRecordErrorsAreTheSameForBothReaders() {
    assertCsvFails(
        "a,b,c\n1,\"x\" z,yes\n", ":2: column 2 ('b'): unexpected 'z' after the closing quote");
    assertCsvFails(
        "a,b,c\n1,\"x\ny,yes\n",
        ":2: column 2 ('b'): unterminated quoted field: the file ends before the closing quote");
    assertCsvFails("a,b,c\n1,x,yes,4\n", ":2: column 4: expected 3 values, got 4");
    assertCsvFails("a,b,c\n1,\"x\n\",yes,4\n", ":3: column 4: expected 3 values, got 4");
    assertCsvFails("a,b,c\n1,\"x\n\"\n", ":3: column 3 ('c'): expected 3 values, got 2");
    assertCsvFails("a,,c\n", ":1: column 2: empty column name in the header row");
    assertCsvFails("a,b,a\n", ":1: column 3 ('a'): column name appears twice in the header row");
    assertCsvFails("\n  \n", ": empty file: a header row is required");
  }

  @Test
  void csvMultiLineRecordsKeepTheirFirstLine() {
    Path file = write(dir, "multi.csv", "a,b,c\n1,\"x\r\ny\",yes\n\n\"2\" ,\"q\"\"r\",no\n");
    try (RawRecordReader r = RawRecordReader.open(file)) {
      RawRecord first = r.next();
      assertEquals(2, first.line());
      assertEquals("x\r\ny", first.get("b"));
      RawRecord second = r.next();
      assertEquals(5, second.line());
      assertEquals(Arrays.asList("2", "q\"r", "no"), new ArrayList<>(second.values().values()));
    }
  }

  @Test
  void jsonSyntaxErrorsAreTheSameForBothReaders() {
    assertJsonFails("{\"a\": 1, \"b\": tru}\n", ":1: char 15: expected a value, got 't'");
    assertJsonFails("{\"a\": 1, \"b\": \"x\\u00\"}\n", ":1: char 17: invalid \\u escape");
    assertJsonFails("{\"a\": 1, \"b\": \"x\\u0\n", ":1: char 17: incomplete \\u escape");
    assertJsonFails("{\"a\": 1, \"b\": \"x\\q\"}\n", ":1: char 17: invalid escape '\\q'");
    assertJsonFails("{\"a\": \"x\n", ":1: char 7: unterminated string");
    assertJsonFails("{\"a\": 1.e5}\n", ":1: char 7: invalid number: expected digits after '.'");
    assertJsonFails(
        "{\"a\": 1e+}\n", ":1: char 7: invalid number: expected digits in the exponent");
    assertJsonFails("{\"a\": -x}\n", ":1: char 7: invalid number");
    assertJsonFails(
        "{\"a\": 1} x\n", ":1: char 10: unexpected 'x' after the object (one object per line)");
    assertJsonFails(
        "{\"a\": 1 \"b\": 2}\n", ":1: char 9: expected ',' or '}' after the value, got '\"'");
    assertJsonFails("{\"a\" 1}\n", ":1: char 6: expected ':' after the key, got '1'");
    assertJsonFails("{a: 1}\n", ":1: char 2: expected a key in double quotes, got 'a'");
    assertJsonFails("[1]\n", ":1: char 1: expected a JSON object '{', got '['");
    assertJsonFails(
        "{\"a\": [1]}\n",
        ":1: char 7: nested objects and arrays are not supported; values must be numbers, strings,"
            + " booleans or null");
    assertJsonFails("{\"a\": \"x\ty\"}\n", ":1: char 9: control character in a string (escape it)");
    assertJsonFails("{\"a\": 1, \"a\": 2}\n", ":1: char 10: duplicate key \"a\"");
  }

  @Test
  void jsonRawValuesKeepTheirJsonTypes() {
    Path file =
        write(
            dir,
            "types.jsonl",
            "{\"a\": -Infinity, \"b\": Infinity, \"c\": NaN, \"d\": false, \"e\": \"\\u0041\\n"
                + "\", \"f\": -0, \"g\": 1E2, \"h\": 9223372036854775807, \"i\":"
                + " 9223372036854775808}\n");
    try (RawRecordReader r = RawRecordReader.open(file)) {
      RawRecord rec = r.next();
      assertEquals(
          Arrays.asList(
              Double.NEGATIVE_INFINITY,
              Double.POSITIVE_INFINITY,
              Double.NaN,
              Boolean.FALSE,
              "A\n",
              0L,
              100.0,
              Long.MAX_VALUE,
              9.223372036854775808e18),
          new ArrayList<>(rec.values().values()));
    }
  }
}

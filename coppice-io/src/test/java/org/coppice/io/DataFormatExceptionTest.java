package org.coppice.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataFormatExceptionTest {
  @Test
  void columnMessageNamesFileLineColumnAndName() {
    DataFormatException e =
        DataFormatException.atColumn("data.csv", 17, 3, "price", "expected a number, got \"abc\"");
    assertEquals("data.csv:17: column 3 ('price'): expected a number, got \"abc\"", e.getMessage());
    assertEquals("data.csv", e.file());
    assertEquals(17, e.line());
    assertEquals(3, e.column());
    assertEquals("price", e.columnName());
    assertEquals(0, e.charOffset());
    assertEquals("expected a number, got \"abc\"", e.detail());
  }

  @Test
  void otherLocationShapes() {
    assertEquals(
        "data.jsonl:5: char 23: expected ':'",
        DataFormatException.atChar("data.jsonl", 5, 23, "expected ':'").getMessage());
    assertEquals(
        "data.jsonl:5: column 'price', char 9: expected a number",
        new DataFormatException("data.jsonl", 5, 0, "price", 9, "expected a number").getMessage());
    assertEquals(
        "data.csv: column 4 ('y'): no class label",
        DataFormatException.atColumn("data.csv", 0, 4, "y", "no class label").getMessage());
    assertEquals(
        "data.arff:3: no @data section",
        DataFormatException.atLine("data.arff", 3, "no @data section").getMessage());
    assertEquals(
        "data.csv:2: column 6: too many values",
        DataFormatException.atColumn("data.csv", 2, 6, null, "too many values").getMessage());
  }
}

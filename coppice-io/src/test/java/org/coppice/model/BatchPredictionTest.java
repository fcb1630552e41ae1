package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.coppice.io.DataFormatException;
import org.coppice.io.ReadOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPredictionTest {
  private static final int ROWS = 9000; // more than two blocks
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path model;
  private Path data;
  private List<Map<String, Object>> records;
  private long unseenColors;
  private long missingX1;
  private long missingX2;

  @BeforeEach
  void trainAndWriteData() throws IOException {
    List<TestData.Row> rows = TestData.rows(21, 2000, Integer.MAX_VALUE);
    Path train = TestData.write(tmp, "train.csv", TestData.csv(rows, 0, 2000));
    model = tmp.resolve("model");
    Training.train(
        train,
        ReadOptions.defaults(),
        null,
        LearnerSpec.defaults().with("trees", 4).with("seed", 5),
        model,
        false,
        null);
    // Rows to score: ids out of order, no label column, unseen categories and missing values.
    Random r = new Random(99);
    StringBuilder csv = new StringBuilder("id,x1,color,x2\n");
    records = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String id = "r" + (ROWS - i);
      String x1 = r.nextInt(50) == 0 ? "NA" : String.format(Locale.ROOT, "%.4f", r.nextDouble());
      String x2 = r.nextInt(20) == 0 ? "" : String.format(Locale.ROOT, "%.3f", r.nextGaussian());
      String color = r.nextInt(30) == 0 ? "purple" : TestData.COLORS[r.nextInt(3)];
      missingX1 += x1.equals("NA") ? 1 : 0;
      missingX2 += x2.isEmpty() ? 1 : 0;
      unseenColors += color.equals("purple") ? 1 : 0;
      csv.append(id).append(',').append(x1).append(',').append(color).append(',').append(x2);
      csv.append('\n');
      records.add(Map.of("id", id, "x1", x1, "color", color, "x2", x2));
    }
    data = TestData.write(tmp, "score.csv", csv.toString());
  }

  @Test
  void outputIsTheSameForAnyThreadCountAndInInputOrder() throws IOException {
    Path one = tmp.resolve("one.jsonl");
    Path four = tmp.resolve("out/four.jsonl");
    PredictSummary s1 = BatchPrediction.predict(model, data, one, "id", 1);
    PredictSummary s4 = BatchPrediction.predict(model, data, four, "id", 4);
    assertArrayEquals(TestData.bytes(one), TestData.bytes(four));
    assertEquals(ROWS, s1.rows());
    assertEquals(s1.columns(), s4.columns());
    assertEquals(unseenColors, s4.column("color").unseen());
    assertEquals(0, s4.column("color").missing());
    assertEquals(missingX1, s4.column("x1").missing());
    assertEquals(missingX2, s4.column("x2").missing());
    assertEquals(missingX1 + missingX2, s4.totalMissing());
    assertEquals(unseenColors, s4.totalUnseen());
    assertTrue(s4.toText().contains("unseen categories: " + unseenColors), s4.toText());
    assertEquals(unseenColors, JSON.readTree(s4.toJson()).get("unseen_categories").asLong());

    CoppiceModel m = CoppiceModel.load(model);
    List<String> lines = Files.readAllLines(one, StandardCharsets.UTF_8);
    assertEquals(ROWS, lines.size());
    for (int i = 0; i < ROWS; i += 997) {
      JsonNode line = JSON.readTree(lines.get(i));
      List<String> keys = new ArrayList<>();
      line.properties().forEach(e -> keys.add(e.getKey()));
      assertEquals(List.of("id", "label", "probabilities"), keys);
      assertEquals("r" + (ROWS - i), line.get("id").asText());
      Prediction expected = m.predict(records.get(i));
      assertEquals(expected.label(), line.get("label").asText());
      List<String> classes = new ArrayList<>();
      line.get("probabilities").properties().forEach(e -> classes.add(e.getKey()));
      assertEquals(m.schema().target().values(), classes);
      for (int c = 0; c < classes.size(); c++) {
        assertEquals(
            expected.probabilities()[c], line.get("probabilities").get(classes.get(c)).asDouble());
      }
    }
    assertTrue(lines.get(0).startsWith("{\"id\": \"r" + ROWS + "\", \"label\": \""), lines.get(0));
  }

  @Test
  void csvOutputWithRowNumbersAsIds() throws IOException {
    Path one = tmp.resolve("one.csv");
    Path four = tmp.resolve("four.csv");
    BatchPrediction.predict(model, data, one, null, 1);
    BatchPrediction.predict(model, data, four, null, 0);
    assertArrayEquals(TestData.bytes(one), TestData.bytes(four));
    List<String> lines = Files.readAllLines(one, StandardCharsets.UTF_8);
    CoppiceModel m = CoppiceModel.load(model);
    List<String> classes = m.schema().target().values();
    assertEquals("id,label,p_" + classes.get(0) + ",p_" + classes.get(1), lines.get(0));
    assertEquals(ROWS + 1, lines.size());
    for (int i = 0; i < ROWS; i += 1013) {
      String[] f = lines.get(i + 1).split(",");
      assertEquals(Integer.toString(i + 1), f[0]);
      Prediction expected = m.predict(records.get(i));
      assertEquals(expected.label(), f[1]);
      assertEquals(expected.probabilities()[0], Double.parseDouble(f[2]));
      assertEquals(expected.probabilities()[1], Double.parseDouble(f[3]));
    }
  }

  @Test
  void inMemoryBatchesMatchSingleRecordPredictions() throws IOException {
    CoppiceModel m = CoppiceModel.load(model);
    BatchPrediction.Batch one = BatchPrediction.score(m, records, 1);
    BatchPrediction.Batch many;
    try (BatchPrediction scorer = new BatchPrediction(m, 4)) {
      assertEquals(4, scorer.threads());
      many = scorer.score(records);
      scorer.score(records.subList(0, 10)); // reusable
    }
    assertEquals(ROWS, many.predictions().size());
    for (int i = 0; i < ROWS; i++) {
      Prediction expected = m.predict(records.get(i));
      assertEquals(expected.label(), many.predictions().get(i).label());
      assertArrayEquals(expected.probabilities(), many.predictions().get(i).probabilities());
      assertArrayEquals(
          one.predictions().get(i).probabilities(), many.predictions().get(i).probabilities());
    }
    assertEquals(ROWS, many.counts().records());
    assertEquals(unseenColors, many.counts().unseen(2));
    assertEquals(missingX1, many.counts().missing(0));
    assertEquals(one.counts().totalMissing(), many.counts().totalMissing());

    List<Map<String, Object>> bad = new ArrayList<>(records.subList(0, 600));
    Map<String, Object> broken = new HashMap<>(bad.get(400));
    broken.put("x1", "abc");
    bad.set(400, broken);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BatchPrediction.score(m, bad, 3));
    assertTrue(e.getMessage().startsWith("record 401: column 'x1'"), e.getMessage());
  }

  @Test
  void aMissingFeatureColumnIsAClearError() {
    Path lacking = TestData.write(tmp, "lacking.csv", "id,x1,color\na,0.5,red\n");
    Path out = tmp.resolve("p.jsonl");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchPrediction.predict(model, lacking, out, "id", 2));
    assertEquals(lacking + ": column 'x2' required by the model is missing", e.getMessage());
    assertFalse(Files.exists(out));

    Path jsonl = TestData.write(tmp, "lacking.jsonl", "{\"x1\": 0.5, \"label\": \"UP\"}\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchPrediction.predict(model, jsonl, out, null, 2));
    assertEquals(
        jsonl + ": columns 'x2', 'color' required by the model are missing", e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchPrediction.predict(model, data, out, "key", 2));
    assertTrue(e.getMessage().contains("no column 'key'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchPrediction.predict(model, data, tmp.resolve("p.txt"), null, 2));
    assertTrue(e.getMessage().contains(".jsonl or .csv"), e.getMessage());
  }

  @Test
  void textInANumericColumnNamesFileAndLine() {
    Path bad =
        TestData.write(
            tmp, "bad.csv", "x1,x2,color\n0.1,0.2,red\n0.1,0.2,red\n0.1,oops,red\n0.1,0.2,red\n");
    Path out = tmp.resolve("p.csv");
    DataFormatException e =
        assertThrows(
            DataFormatException.class, () -> BatchPrediction.predict(model, bad, out, null, 4));
    assertEquals(bad + ":4: column 'x2': expected a number, got \"oops\"", e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void jsonLinesInputWithNumericIdsAndAbsentKeys() throws IOException {
    Path in =
        TestData.write(
            tmp,
            "in.jsonl",
            "{\"n\": 7, \"x1\": 0.9, \"x2\": 0.1, \"color\": \"red\"}\n"
                + "\n"
                + "{\"n\": 8, \"x1\": 0.1, \"color\": \"blue\", \"label\": \"DOWN\"}\n"
                + "{\"n\": 9, \"x1\": null, \"x2\": 1.5, \"color\": \"teal\"}\n");
    Path out = tmp.resolve("p.jsonl");
    PredictSummary s = BatchPrediction.predict(model, in, out, "n", 2);
    assertEquals(3, s.rows());
    assertEquals(1, s.column("x1").missing());
    assertEquals(1, s.column("x2").missing());
    assertEquals(1, s.column("color").unseen());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, lines.size());
    assertEquals(7, JSON.readTree(lines.get(0)).get("id").asInt());
    assertTrue(JSON.readTree(lines.get(2)).get("id").isIntegralNumber());
    CoppiceModel m = CoppiceModel.load(model);
    assertEquals(
        m.predict(Map.of("x1", 0.9, "x2", 0.1, "color", "red")).label(),
        JSON.readTree(lines.get(0)).get("label").asText());
  }
}

package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coppice.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  private static final double EPS = 1e-12;

  @TempDir Path tmp;

  /*
   * Six rows. Rows 1-4 are scored normally (3 right), row 5 has no label (skipped), row 6's label
   * SIDEWAYS is not a prediction class (wrong). Classes UP, DOWN, then SIDEWAYS.
   *   confusion [actual][predicted]: UP->UP 1; DOWN->UP 1, DOWN->DOWN 2; SIDEWAYS->DOWN 1
   *   accuracy 3/5; kappa: pc = (1*2 + 3*3 + 1*0)/25 = 0.44, (0.6 - 0.44)/0.56
   *   macro F1 over the 3 present classes: UP 2/3, DOWN 4/6, SIDEWAYS 0
   *   log loss: mean of -ln 0.8, -ln 0.4, -ln 0.7, -ln 0.9, -ln 1e-15
   */
  private static final double ACCURACY = 0.6;
  private static final double KAPPA = 0.16 / 0.56;
  private static final double MACRO_F1 = (2.0 / 3 + 2.0 / 3 + 0) / 3;
  private static final double LOG_LOSS =
      -(Math.log(0.8) + Math.log(0.4) + Math.log(0.7) + Math.log(0.9) + Math.log(1e-15)) / 5;

  private static final String DATA =
      "key,x,label\n"
          + "k1,1,UP\n"
          + "k2,2,DOWN\n"
          + "k3,3,DOWN\n"
          + "k4,4,DOWN\n"
          + "k5,5,\n"
          + "k6,6,SIDEWAYS\n";

  private static final String[] LINES = {
    "{\"id\": \"k1\", \"label\": \"UP\", \"probabilities\": {\"UP\": 0.8, \"DOWN\": 0.2}}",
    "{\"id\": \"k2\", \"label\": \"UP\", \"probabilities\": {\"UP\": 0.6, \"DOWN\": 0.4}}",
    "{\"id\": \"k3\", \"label\": \"DOWN\", \"probabilities\": {\"UP\": 0.3, \"DOWN\": 0.7}}",
    "{\"id\": \"k4\", \"label\": \"DOWN\", \"probabilities\": {\"DOWN\": 0.9, \"UP\": 0.1}}",
    "{\"id\": \"k5\", \"label\": \"UP\", \"probabilities\": {\"UP\": 0.9, \"DOWN\": 0.1}}",
    "{\"id\": \"k6\", \"label\": \"DOWN\", \"probabilities\": {\"UP\": 0.5, \"DOWN\": 0.5}}",
  };

  private static void assertKnownMetrics(EvaluationReport r) {
    assertEquals(6, r.rows());
    assertEquals(5, r.count());
    assertEquals(1, r.skipped());
    assertEquals(1, r.unknownLabels());
    assertEquals(List.of("UP", "DOWN", "SIDEWAYS"), r.classes());
    assertEquals(2, r.predictionClasses());
    assertEquals(ACCURACY, r.accuracy(), EPS);
    assertEquals(KAPPA, r.kappa(), EPS);
    assertEquals(MACRO_F1, r.macroF1(), EPS);
    assertEquals(LOG_LOSS, r.logLoss(), EPS);
    assertArrayEquals(new long[] {1, 0, 0}, r.confusion()[0]);
    assertArrayEquals(new long[] {1, 2, 0}, r.confusion()[1]);
    assertArrayEquals(new long[] {0, 1, 0}, r.confusion()[2]);
    assertEquals(2, r.confusion("DOWN", "DOWN"));
  }

  @Test
  void byIdInAnyOrder() throws IOException {
    Path data = TestData.write(tmp, "data.csv", DATA);
    List<String> shuffled = new ArrayList<>(Arrays.asList(LINES));
    java.util.Collections.reverse(shuffled);
    Path preds = TestData.write(tmp, "p.jsonl", String.join("\n", shuffled) + "\n");
    EvaluationReport r = Evaluation.evaluate(preds, data, "label", "key");
    assertEquals("id", r.join());
    assertKnownMetrics(r);

    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertEquals(ACCURACY, json.get("accuracy").asDouble(), EPS);
    assertEquals(1, json.get("skipped_missing_label").asInt());
    assertEquals("SIDEWAYS", json.get("confusion_matrix").get("classes").get(2).asText());
    assertEquals(2, json.get("confusion_matrix").get("counts").get(1).get(1).asInt());
    String text = r.toText();
    assertTrue(text.contains("accuracy:        0.600000"), text);
    assertTrue(text.contains("SIDEWAYS"), text);
  }

  @Test
  void byOrderFromACsvPredictionsFile() throws IOException {
    Path data = TestData.write(tmp, "data.csv", DATA);
    Path preds =
        TestData.write(
            tmp,
            "p.csv",
            "id,label,p_UP,p_DOWN\n"
                + "1,UP,0.8,0.2\n"
                + "2,UP,0.6,0.4\n"
                + "3,DOWN,0.3,0.7\n"
                + "4,DOWN,0.1,0.9\n"
                + "5,UP,0.9,0.1\n"
                + "6,DOWN,0.5,0.5\n");
    EvaluationReport r = Evaluation.evaluate(preds, data, "label", null);
    assertEquals("order", r.join());
    assertKnownMetrics(r);
  }

  @Test
  void inMemory() {
    List<String> classes = List.of("UP", "DOWN");
    double[][] p = {{0.8, 0.2}, {0.6, 0.4}, {0.3, 0.7}, {0.1, 0.9}, {0.9, 0.1}, {0.5, 0.5}};
    String[] predicted = {"UP", "UP", "DOWN", "DOWN", "UP", "DOWN"};
    List<Prediction> predictions = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      predictions.add(
          Prediction.ofClass(classes.indexOf(predicted[i]), predicted[i], p[i], classes));
    }
    List<String> labels = Arrays.asList("UP", "DOWN", "DOWN", "DOWN", null, "SIDEWAYS");
    EvaluationReport r = Evaluation.evaluate(labels, predictions);
    assertKnownMetrics(r);
    assertEquals(null, r.join());
  }

  @Test
  void joinErrorsAreClear() {
    Path data = TestData.write(tmp, "data.csv", DATA);
    Path dup =
        TestData.write(tmp, "dup.jsonl", LINES[0] + "\n" + LINES[1] + "\n" + LINES[0] + "\n");
    IllegalArgumentException e = fails(dup, data, "key");
    assertEquals(dup + ":3: duplicate id 'k1' (first on line 1)", e.getMessage());

    Path fewer = TestData.write(tmp, "fewer.jsonl", String.join("\n", Arrays.copyOf(LINES, 5)));
    e = fails(fewer, data, "key");
    assertEquals(data + ":7: id 'k6' has no prediction in " + fewer, e.getMessage());
    e = fails(fewer, data, null);
    assertTrue(
        e.getMessage().startsWith(fewer + " has 5 rows but " + data + " has 6"), e.getMessage());

    Path dupData = TestData.write(tmp, "dupdata.csv", DATA + "k2,7,UP\n");
    Path all = TestData.write(tmp, "all.jsonl", String.join("\n", LINES));
    e = fails(all, dupData, "key");
    assertEquals(dupData + ":8: duplicate id 'k2' (first on line 3)", e.getMessage());

    Path more = TestData.write(tmp, "more.csv", "key,x,label\nk1,1,UP\n");
    e = fails(all, more, "key");
    assertTrue(e.getMessage().contains("id 'k2' has no row in " + more), e.getMessage());

    e = fails(all, data, "nokey");
    assertTrue(e.getMessage().contains("no column 'nokey'"), e.getMessage());
    IllegalArgumentException t =
        assertThrows(
            IllegalArgumentException.class, () -> Evaluation.evaluate(all, data, "target", null));
    assertTrue(t.getMessage().contains("no column 'target'"), t.getMessage());
  }

  @Test
  void evaluatesWhatBatchPredictionWrote() throws IOException {
    List<TestData.Row> rows = TestData.rows(31, 1500, Integer.MAX_VALUE);
    Path train = TestData.write(tmp, "train.csv", TestData.csv(rows, 0, 1000));
    Path model = tmp.resolve("m");
    Training.train(
        train,
        ReadOptions.defaults(),
        null,
        LearnerSpec.defaults().with("learner", "ht"),
        model,
        false,
        null);
    Path test = TestData.write(tmp, "test.csv", TestData.csv(rows, 1000, 1500));
    Path out = tmp.resolve("p.jsonl");
    BatchPrediction.predict(model, test, out, null, 3);
    EvaluationReport fromFiles = Evaluation.evaluate(out, test, "label", null);

    CoppiceModel m = CoppiceModel.load(model);
    List<String> labels = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    for (int i = 1000; i < 1500; i++) {
      TestData.Row r = rows.get(i);
      labels.add(r.label());
      String[] csv = r.csv().split(",", -1); // the values exactly as in the file
      predictions.add(m.predict(Map.of("x1", csv[0], "x2", csv[1], "color", csv[2])));
    }
    EvaluationReport inMemory = Evaluation.evaluate(labels, predictions);
    assertEquals(TestData.unlabelled(rows, 1000, 1500), fromFiles.skipped());
    assertEquals(inMemory.count(), fromFiles.count());
    assertEquals(inMemory.accuracy(), fromFiles.accuracy(), 1e-12);
    assertEquals(inMemory.kappa(), fromFiles.kappa(), 1e-12);
    assertEquals(inMemory.logLoss(), fromFiles.logLoss(), 1e-9);
    assertTrue(fromFiles.accuracy() > 0.7, fromFiles.toText());
  }

  private IllegalArgumentException fails(Path preds, Path data, String id) {
    return assertThrows(
        IllegalArgumentException.class, () -> Evaluation.evaluate(preds, data, "label", id));
  }
}

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
import org.coppice.io.DataFormatException;
import org.coppice.io.ReadOptions;
import org.coppice.learn.Task;
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

  @Test
  void classificationNamesItsTaskAndDefaultsToTheLastColumn() throws IOException {
    Path data = TestData.write(tmp, "data.csv", DATA);
    Path preds = TestData.write(tmp, "p.jsonl", String.join("\n", LINES) + "\n");
    EvaluationReport named = Evaluation.evaluate(preds, data, "label", null);
    EvaluationReport last = Evaluation.evaluate(preds, data, null, null);
    assertEquals(Task.CLASSIFICATION, last.task());
    assertKnownMetrics(last);
    assertEquals(named, last);
    assertEquals(named.toText(), last.toText());
    JsonNode json = new ObjectMapper().readTree(last.toJson());
    assertEquals("classification", json.get("task").asText());
    assertEquals(List.of("task", "join", "rows"), fieldNames(json).subList(0, 3));
    assertTrue(json.get("mae") == null, last.toJson());
  }

  // ------------------------------------------------------------------------------------------
  // Regression

  /*
   * Six rows; rows 3 (NA) and 5 (empty) have no true value. The four scored rows, in order:
   *   y:  2    4    3    6
   *   ŷ:  2.5  3    3    5      errors -0.5, 1, 0, 1
   *   MAE = 2.5 / 4 = 0.625; RMSE = sqrt(2.25 / 4) = 0.75
   *   running mean before each row: 0, 2, 3, 3 -> baseline squared errors 4, 4, 0, 9 (sum 17)
   *   R² = 1 - 2.25 / 17
   */
  private static final double MAE = 0.625;
  private static final double RMSE = 0.75;
  private static final double R2 = 1 - 2.25 / 17;

  private static final String REGRESSION_DATA =
      "key,x,y\n" + "k1,1,2.0\n" + "k2,2,4\n" + "k3,3,NA\n" + "k4,4,3.0\n" + "k5,5,\n" + "k6,6,6\n";

  private static final String REGRESSION_CSV =
      "id,prediction\n1,2.5\n2,3.0\n3,1.0\n4,3\n5,7.0\n6,5.0\n";

  private static final String[] REGRESSION_LINES = {
    "{\"id\": \"k1\", \"prediction\": 2.5}",
    "{\"id\": \"k2\", \"prediction\": 3.0}",
    "{\"id\": \"k3\", \"prediction\": 1.0}",
    "{\"id\": \"k4\", \"prediction\": 3}",
    "{\"id\": \"k5\", \"prediction\": 7.0}",
    "{\"id\": \"k6\", \"prediction\": 5.0}",
  };

  private static void assertKnownRegression(EvaluationReport r) {
    assertEquals(Task.REGRESSION, r.task());
    assertEquals(6, r.rows());
    assertEquals(4, r.count());
    assertEquals(2, r.skipped());
    assertEquals(MAE, r.mae(), EPS);
    assertEquals(RMSE, r.rmse(), EPS);
    assertEquals(R2, r.r2(), EPS);
    assertEquals(List.of(), r.classes());
    assertTrue(Double.isNaN(r.accuracy()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void regressionByOrderFromACsvPredictionsFile() throws IOException {
    Path data = TestData.write(tmp, "data.csv", REGRESSION_DATA);
    Path preds = TestData.write(tmp, "p.csv", REGRESSION_CSV);
    EvaluationReport r = Evaluation.evaluate(preds, data, "y", null);
    assertEquals("order", r.join());
    assertKnownRegression(r);
    assertEquals(r, Evaluation.evaluate(preds, data, null, null)); // y is the last column

    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertEquals(
        List.of("task", "join", "rows", "count", "skipped_missing_label", "mae", "rmse", "r2"),
        fieldNames(json));
    assertEquals("regression", json.get("task").asText());
    assertEquals(4, json.get("count").asInt());
    assertEquals(2, json.get("skipped_missing_label").asInt());
    assertEquals(MAE, json.get("mae").asDouble(), EPS);
    assertEquals(RMSE, json.get("rmse").asDouble(), EPS);
    assertEquals(R2, json.get("r2").asDouble(), EPS);
    assertEquals(
        "rows:            6 (joined by order)\n"
            + "scored:          4\n"
            + "missing value:   2 (skipped)\n"
            + "MAE:             0.625000\n"
            + "RMSE:            0.750000\n"
            + "R2:              0.867647\n",
        r.toText());
  }

  @Test
  void regressionByIdInAnyOrder() throws IOException {
    Path data = TestData.write(tmp, "data.csv", REGRESSION_DATA);
    List<String> shuffled = new ArrayList<>(Arrays.asList(REGRESSION_LINES));
    java.util.Collections.reverse(shuffled);
    Path preds = TestData.write(tmp, "p.jsonl", String.join("\n", shuffled) + "\n");
    EvaluationReport r = Evaluation.evaluate(preds, data, "y", "key");
    assertEquals("id", r.join());
    assertKnownRegression(r); // the data's order: R² does not depend on the predictions' order
  }

  @Test
  void regressionTrueValuesFromJsonLinesAndArff() throws IOException {
    Path jsonl =
        TestData.write(
            tmp,
            "data.jsonl",
            "{\"key\": \"k1\", \"y\": 2.0}\n"
                + "{\"key\": \"k2\", \"y\": 4}\n"
                + "{\"key\": \"k3\", \"y\": null}\n"
                + "{\"key\": \"k4\", \"y\": \"3\"}\n"
                + "{\"key\": \"k5\"}\n"
                + "{\"key\": \"k6\", \"y\": 6}\n");
    Path preds = TestData.write(tmp, "p.jsonl", String.join("\n", REGRESSION_LINES));
    assertKnownRegression(Evaluation.evaluate(preds, jsonl, null, "key"));
    assertKnownRegression(Evaluation.evaluate(preds, jsonl, "y", null));

    Path arff =
        TestData.write(
            tmp,
            "data.arff",
            "@relation r\n@attribute x numeric\n@attribute y numeric\n@data\n"
                + "1,2\n2,4\n3,?\n4,3\n5,?\n6,6\n");
    assertKnownRegression(Evaluation.evaluate(preds, arff, null, null));
  }

  @Test
  void regressionInMemory() {
    double[] values = {2, 4, Double.NaN, 3, Double.NaN, 6};
    double[] predicted = {2.5, 3, 1, 3, 7, 5};
    List<Prediction> predictions = new ArrayList<>();
    for (double v : predicted) {
      predictions.add(Prediction.ofValue(v));
    }
    EvaluationReport r = Evaluation.evaluate(values, predictions);
    assertKnownRegression(r);
    assertEquals(null, r.join());
    assertEquals(
        "prediction 1 is a class, not a value",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Evaluation.evaluate(
                        new double[] {1},
                        List.of(Prediction.ofClass(0, "A", new double[] {1}, List.of("A")))))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Evaluation.evaluate(Arrays.asList("A"), List.of(Prediction.ofValue(1))));
  }

  @Test
  void regressionUndefinedMetricsAreNull() throws IOException {
    // One row of true value 0: the running-mean baseline is exactly right, so R² is undefined.
    Path one = TestData.write(tmp, "one.csv", "x,y\n1,0\n");
    Path preds = TestData.write(tmp, "p.csv", "id,prediction\n1,1.5\n");
    EvaluationReport r = Evaluation.evaluate(preds, one, null, null);
    assertEquals(1.5, r.mae(), EPS);
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertTrue(json.get("r2").isNull(), r.toJson());
    assertTrue(r.toText().contains("R2:              n/a\n"), r.toText());

    // Nothing scored: every metric is undefined.
    Path none = TestData.write(tmp, "none.csv", "x,y\n1,\n");
    r = Evaluation.evaluate(preds, none, null, null);
    assertEquals(1, r.rows());
    assertEquals(0, r.count());
    assertEquals(1, r.skipped());
    json = new ObjectMapper().readTree(r.toJson());
    assertTrue(json.get("mae").isNull() && json.get("rmse").isNull(), r.toJson());
    assertTrue(json.get("r2").isNull(), r.toJson());
  }

  @Test
  void regressionNumbersThatAreNotNumbersAreLocated() {
    Path preds = TestData.write(tmp, "p.csv", REGRESSION_CSV);
    Path bad = TestData.write(tmp, "bad.csv", REGRESSION_DATA.replace("k2,2,4", "k2,2,four"));
    DataFormatException e = badNumber(preds, bad, null);
    assertEquals(bad + ":3: column 3 ('y'): expected a number, got \"four\"", e.getMessage());
    assertEquals(3, e.line());
    assertEquals("y", e.columnName());

    Path badJson =
        TestData.write(
            tmp, "bad.jsonl", "{\"key\": \"k1\", \"y\": 2}\n{\"key\": \"k2\", \"y\": true}\n");
    Path two = TestData.write(tmp, "two.csv", "id,prediction\n1,2\n2,3\n");
    e = badNumber(two, badJson, null);
    assertEquals(badJson + ":2: column 'y': expected a number, got \"true\"", e.getMessage());

    Path data = TestData.write(tmp, "data.csv", REGRESSION_DATA);
    Path badPreds = TestData.write(tmp, "bad-p.csv", REGRESSION_CSV.replace("2,3.0", "2,three"));
    e = badNumber(badPreds, data, null);
    assertEquals(
        badPreds + ":3: column 2 ('prediction'): expected a number, got \"three\"", e.getMessage());
    Path emptyPred = TestData.write(tmp, "empty-p.csv", REGRESSION_CSV.replace("4,3\n", "4,\n"));
    e = badNumber(emptyPred, data, null);
    assertEquals(
        emptyPred + ":5: column 2 ('prediction'): expected a number, got \"\"", e.getMessage());
    Path infinite = TestData.write(tmp, "inf-p.csv", REGRESSION_CSV.replace("6,5.0", "6,Infinity"));
    e = badNumber(infinite, data, null);
    assertEquals(
        infinite + ":7: column 2 ('prediction'): expected a finite number, got \"Infinity\"",
        e.getMessage());

    String[] lines = REGRESSION_LINES.clone();
    lines[1] = "{\"id\": \"k2\", \"prediction\": null}";
    Path nullPred = TestData.write(tmp, "null-p.jsonl", String.join("\n", lines));
    e = badNumber(nullPred, data, "key");
    assertEquals(nullPred + ":2: column 'prediction': expected a number, got null", e.getMessage());
    lines[1] = "{\"id\": \"k2\", \"label\": \"A\"}";
    Path noPred = TestData.write(tmp, "no-p.jsonl", String.join("\n", lines));
    e = badNumber(noPred, data, "key");
    assertEquals(noPred + ":2: no \"prediction\"", e.getMessage());
  }

  private static DataFormatException badNumber(Path preds, Path data, String id) {
    return assertThrows(
        DataFormatException.class, () -> Evaluation.evaluate(preds, data, null, id));
  }

  @Test
  void regressionJoinErrorsAreTheSame() {
    Path data = TestData.write(tmp, "data.csv", REGRESSION_DATA);
    Path dup =
        TestData.write(
            tmp,
            "dup.jsonl",
            REGRESSION_LINES[0] + "\n" + REGRESSION_LINES[1] + "\n" + REGRESSION_LINES[0] + "\n");
    assertEquals(
        dup + ":3: duplicate id 'k1' (first on line 1)",
        regressionFails(dup, data, "key").getMessage());

    Path fewer =
        TestData.write(tmp, "fewer.jsonl", String.join("\n", Arrays.copyOf(REGRESSION_LINES, 5)));
    assertEquals(
        data + ":7: id 'k6' has no prediction in " + fewer,
        regressionFails(fewer, data, "key").getMessage());
    String byOrder = regressionFails(fewer, data, null).getMessage();
    assertTrue(byOrder.startsWith(fewer + " has 5 rows but " + data + " has 6"), byOrder);

    Path all = TestData.write(tmp, "all.jsonl", String.join("\n", REGRESSION_LINES));
    Path dupData = TestData.write(tmp, "dupdata.csv", REGRESSION_DATA + "k2,7,1\n");
    assertEquals(
        dupData + ":8: duplicate id 'k2' (first on line 3)",
        regressionFails(all, dupData, "key").getMessage());
    Path more = TestData.write(tmp, "more.csv", "key,x,y\nk1,1,2\n");
    String noRow = regressionFails(all, more, "key").getMessage();
    assertTrue(noRow.contains("id 'k2' has no row in " + more), noRow);
    Path csvPreds = TestData.write(tmp, "p.csv", REGRESSION_CSV);
    assertTrue(regressionFails(csvPreds, data, "nokey").getMessage().contains("no column 'nokey'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Evaluation.evaluate(csvPreds, data, "target", null))
            .getMessage()
            .contains("no column 'target'"));
  }

  private static IllegalArgumentException regressionFails(Path preds, Path data, String id) {
    return assertThrows(
        IllegalArgumentException.class, () -> Evaluation.evaluate(preds, data, "y", id));
  }
}

package org.coppice.cli;

import static org.coppice.cli.CliTest.assertUserError;
import static org.coppice.cli.CliTest.json;
import static org.coppice.cli.CliTest.num;
import static org.coppice.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.coppice.cli.CliTest.Run;
import org.coppice.model.CoppiceModel;
import org.coppice.model.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression from the command line, as a new user meets it: a CSV file whose target column holds
 * numbers trains a regressor without being told, predictions are numbers, and a classifier on a
 * numeric target is a clear usage error.
 */
class RegressionCommandsTest {
  @TempDir static Path shared;
  static Path houses;

  @TempDir Path dir;

  /** Five columns: three numeric features, one nominal, and the price. */
  @BeforeAll
  static void writeData() throws IOException {
    StringBuilder sb = new StringBuilder("rooms,area,age,zone,price\n");
    Random r = new Random(42);
    String[] zones = {"north", "south", "centre"};
    for (int i = 0; i < 3000; i++) {
      int rooms = 1 + r.nextInt(6);
      double area = 30 + 170 * r.nextDouble();
      int age = r.nextInt(80);
      int zone = r.nextInt(3);
      double price =
          20_000
              + 1_500 * area
              + 8_000 * rooms
              - 300 * age
              + (zone == 2 ? 60_000 : 0)
              + 5_000 * r.nextGaussian();
      sb.append(
          String.format(Locale.ROOT, "%d,%.2f,%d,%s,%.2f%n", rooms, area, age, zones[zone], price));
    }
    houses = shared.resolve("houses.csv");
    Files.writeString(houses, sb);
  }

  /**
   * A setting that classification and regression trees share by name but not by choices: each
   * learner accepts its own, whatever the order of the options, and rejects the other's.
   */
  @Test
  void leafPredictionTakesTheChoicesOfTheLearnerNamed() {
    for (String[] order :
        List.of(
            new String[] {"--learner", "ht-regressor", "--leaf-prediction", "mean"},
            new String[] {"--leaf-prediction", "mean", "--learner", "ht-regressor"})) {
      Run r =
          run(
              "prequential",
              "--data",
              houses.toString(),
              order[0],
              order[1],
              order[2],
              order[3],
              "--limit",
              "500",
              "--json");
      assertEquals(0, r.exitCode(), r.err());
    }
    Run wrong =
        run(
            "prequential",
            "--data",
            houses.toString(),
            "--learner",
            "ht-regressor",
            "--leaf-prediction",
            "nba");
    assertEquals(2, wrong.exitCode(), wrong.err());
    assertTrue(wrong.err().contains("perceptron"), wrong.err());
    assertFalse(wrong.err().contains("\tat "), "no stack trace: " + wrong.err());
  }

  @Test
  void aNumericTargetTrainsARegressorAndPredictsNumbers() throws IOException {
    Path model = dir.resolve("model");
    Run t = run("train", "--data", houses.toString(), "--out", model.toString(), "--json");
    assertEquals(0, t.exitCode(), t.err());
    Map<String, Object> summary = MiniJson.object(t.out());
    String learner = (String) summary.get("learner");
    assertTrue(learner.endsWith("regressor"), learner);
    Map<?, ?> metrics = (Map<?, ?>) summary.get("metrics");
    double r2 = (Double) metrics.get("r2");
    assertTrue(r2 > 0.5, "far better than the running mean: r2 " + r2);
    assertTrue((Double) metrics.get("rmse") > 0);
    assertFalse(metrics.containsKey("accuracy"));

    Path out = dir.resolve("p.jsonl");
    Run p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            houses.toString(),
            "--out",
            out.toString());
    assertEquals(0, p.exitCode(), p.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(3000, lines.size());
    Map<String, Object> first = MiniJson.object(lines.get(0));
    assertEquals(List.of("id", "prediction"), List.copyOf(first.keySet()));
    assertTrue(first.get("prediction") instanceof Double, lines.get(0));

    Path csv = dir.resolve("p.csv");
    p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            houses.toString(),
            "--out",
            csv.toString());
    assertEquals(0, p.exitCode(), p.err());
    List<String> rows = Files.readAllLines(csv);
    assertEquals("id,prediction", rows.get(0));
    assertEquals((Double) first.get("prediction"), Double.parseDouble(rows.get(1).split(",")[1]));

    CoppiceModel loaded = CoppiceModel.load(model);
    Prediction one = loaded.predict(Map.of("rooms", 3, "area", 120.0, "age", 10, "zone", "centre"));
    assertTrue(one.isRegression());
    assertNull(one.label());
    assertTrue(one.value() > 150_000 && one.value() < 350_000, "price " + one.value());

    Run inspect = run("inspect", model.toString(), "--json");
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertTrue(inspect.out().contains("\"task\": \"regression\""), inspect.out());

    Path more = dir.resolve("model2");
    Run learn =
        run(
            "learn",
            "--model",
            model.toString(),
            "--data",
            houses.toString(),
            "--out",
            more.toString());
    assertEquals(0, learn.exitCode(), learn.err());
    assertTrue(learn.out().contains("RMSE"), learn.out());
  }

  @Test
  void prequentialReportsRegressionMetrics() {
    Run r = run("prequential", "--data", houses.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    Map<String, Object> j = json(r);
    assertEquals("regression", j.get("task"));
    assertEquals(3000, (long) num(j, "instances"));
    assertTrue(num(j, "r2") > 0.5, "r2 " + num(j, "r2"));
    assertTrue(num(j, "rmse") >= 0 && num(j, "mae") >= 0);
    assertTrue(num(j, "window_rmse") >= 0);
    assertFalse(j.containsKey("accuracy"));
    assertFalse(j.containsKey("confusion_matrix"));

    Run text = run("prequential", "--data", houses.toString(), "--learner", "ht-regressor");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("RMSE"), text.out());
    assertTrue(text.out().contains("numeric target price"), text.out());

    Run stream =
        run("prequential", "--stream", "hyperplane-regression", "--limit", "3000", "--json");
    assertEquals(0, stream.exitCode(), stream.err());
    assertTrue(num(json(stream), "rmse") > 0);
  }

  @Test
  void aClassifierOrTheWrongTaskIsAClearError() {
    // A classifier named explicitly reads a numeric-looking CSV target as classes, as asked.
    Run rooms =
        run(
            "prequential",
            "--data",
            houses.toString(),
            "--target",
            "rooms",
            "--learner",
            "nb",
            "--json");
    assertEquals(0, rooms.exitCode(), rooms.err());
    assertEquals(6, ((List<?>) json(rooms).get("classes")).size());

    assertUserError(
        run("prequential", "--data", houses.toString(), "--task", "regression", "--learner", "nb"),
        "learner nb is for classification, but the target is numeric (regression)");
    assertUserError(
        run(
            "train",
            "--data",
            houses.toString(),
            "--learner",
            "ht-regressor",
            "--trees",
            "3",
            "--out",
            dir.resolve("m").toString()),
        "--trees applies only to --learner");
    assertUserError(
        run("prequential", "--data", houses.toString(), "--task", "guess"),
        "the task must be classification or regression");
    assertFalse(Files.exists(dir.resolve("m")));
  }
}

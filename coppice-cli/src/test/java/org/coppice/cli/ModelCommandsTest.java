package org.coppice.cli;

import static org.coppice.cli.CliTest.assertUserError;
import static org.coppice.cli.CliTest.num;
import static org.coppice.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coppice.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model commands run in-process: generate, train (config file and an option overriding it),
 * inspect, predict, evaluate, learn, and their one-line errors.
 */
class ModelCommandsTest {
  /** Data and a model trained once for every test; tests must not change them. */
  @TempDir static Path shared;

  static Path train;
  static Path score;
  static Path more;
  static Path model;
  static Run trained;

  @TempDir Path dir;

  @BeforeAll
  static void trainOnce() throws IOException {
    train = generate(shared.resolve("train.csv"), 3000, 7);
    score = withIds(generate(shared.resolve("score-raw.csv"), 1000, 11), "score.csv");
    more = generate(shared.resolve("more.csv"), 2000, 9);
    Path config = shared.resolve("arf.yaml");
    Files.writeString(config, "learner: arf\ntrees: 5\nseed: 3\nmax-features: sqrt\n");
    model = shared.resolve("model");
    // --seed overrides the config file's seed.
    trained =
        run(
            "train",
            "--data",
            train.toString(),
            "--config",
            config.toString(),
            "--seed",
            "7",
            "--out",
            model.toString());
    assertEquals(0, trained.exitCode(), trained.err());
  }

  private static Path generate(Path file, int n, int seed) {
    Run r =
        run(
            "generate",
            "agrawal(function=7)",
            "--n",
            Integer.toString(n),
            "--seed",
            Integer.toString(seed),
            "--out",
            file.toString());
    assertEquals(0, r.exitCode(), r.err());
    return file;
  }

  /** A copy of a CSV file with a first column "id" holding "r1", "r2", ... */
  private static Path withIds(Path csv, String name) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> out = new ArrayList<>();
    out.add("id," + lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      out.add("r" + i + "," + lines.get(i));
    }
    Path file = csv.resolveSibling(name);
    Files.write(file, out);
    return file;
  }

  /** The values of column {@code name} of a simple CSV file (no quoted fields). */
  private static List<String> column(Path csv, String name) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int c = List.of(lines.get(0).split(",")).indexOf(name);
    assertTrue(c >= 0, name + " not in " + lines.get(0));
    List<String> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      values.add(line.split(",", -1)[c]);
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertTrue(o instanceof Map, "not an object: " + o);
    return (Map<String, Object>) o;
  }

  private static List<?> list(Object o) {
    assertTrue(o instanceof List, "not an array: " + o);
    return (List<?>) o;
  }

  private static Map<String, Object> inspectJson(Path bundle) {
    Run r = run("inspect", bundle.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    return MiniJson.object(r.out());
  }

  private Path copyOf(Path bundle, String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(bundle)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void trainPrintsASummary() {
    String out = trained.out();
    assertEquals("", trained.err());
    assertTrue(out.startsWith("bundle       " + model + ": 2 files, "), out);
    assertTrue(out.contains("\nlearner      arf (Adaptive Random Forest), 5 trees, seed 7\n"), out);
    assertTrue(out.contains("\ndata         " + train + ": 3,000 rows read, 0 rejected"), out);
    assertTrue(out.matches("(?s).*\naccuracy     \\d+\\.\\d\\d % .*"), out);
    assertTrue(out.matches("(?s).*\nkappa        -?\\d\\.\\d{4}\n.*"), out);
    assertTrue(out.matches("(?s).*\ntime         \\d+\\.\\d\\d s, .* rows/s .*"), out);
  }

  @Test
  void inspectJsonShowsTheSettingsOfTheConfigFileAndTheOptions() {
    Map<String, Object> j = inspectJson(model);
    assertEquals(model.toString(), j.get("bundle"));
    assertEquals(true, j.get("verified"));
    assertEquals("arf", j.get("learner"));
    assertEquals(7, num(j, "seed"), "--seed overrides the config file");
    assertEquals(false, j.get("frozen"));
    Map<String, Object> parameters = map(j.get("parameters"));
    assertEquals(5, (Double) parameters.get("trees"), "from the config file");
    assertEquals("sqrt", parameters.get("max-features"));
    assertEquals(7, (Double) parameters.get("seed"));
    assertEquals(50, (Double) parameters.get("grace-period"), "MOA's default for the ARF");
    Map<String, Object> m = map(j.get("model"));
    assertEquals(5, num(m, "trees"));
    assertEquals(3000, num(m, "instances_seen"));
    assertEquals(5, list(m.get("per_tree")).size());
    assertTrue(num(m, "nodes") >= num(m, "leaves") && num(m, "leaves") >= 5);
    assertTrue(num(m, "max_depth") >= 1);
    num(m, "drifts");
    num(m, "warnings");
    num(m, "background_trees");
    Map<String, Object> sizes = map(j.get("file_sizes"));
    assertEquals(List.of("manifest.json", "model.bin"), List.copyOf(sizes.keySet()));
    double parts = 0;
    for (Object v : map(j.get("bytes_by_part")).values()) {
      parts += (Double) v;
    }
    assertEquals((Double) sizes.get("model.bin"), parts);
    Map<String, Object> training = map(j.get("training"));
    assertEquals(train.toString(), training.get("data_file"));
    assertEquals(3000, num(training, "rows_read"));
    assertEquals(64, ((String) training.get("data_sha256")).length());
    Map<String, Object> schema = map(j.get("schema"));
    assertEquals("class", schema.get("target"));
    assertEquals(9, num(schema, "features"));
    num(map(j.get("metrics")), "accuracy");
  }

  @Test
  void inspectText() {
    Run r = run("inspect", model.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Adaptive Random Forest"), r.out());
    assertTrue(r.out().contains("hyper-parameters"), r.out());
    assertTrue(r.out().contains("bytes by part"), r.out());
  }

  @Test
  void predictionsAreTheSameForAnyThreadCount() throws IOException {
    for (String ext : List.of("jsonl", "csv")) {
      Path one = dir.resolve("one." + ext);
      Path two = dir.resolve("two." + ext);
      Run r1 =
          run(
              "predict",
              "--model",
              model.toString(),
              "--data",
              score.toString(),
              "--out",
              one.toString(),
              "--threads",
              "1");
      assertEquals(0, r1.exitCode(), r1.err());
      assertEquals("", r1.err());
      assertTrue(r1.out().startsWith("1000 rows scored in "), r1.out());
      assertTrue(r1.out().contains("missing values: 0, unseen categories: 0"), r1.out());
      Run r2 =
          run(
              "predict",
              "--model",
              model.toString(),
              "--data",
              score.toString(),
              "--out",
              two.toString(),
              "--threads",
              "2",
              "--json");
      assertEquals(0, r2.exitCode(), r2.err());
      Map<String, Object> summary = MiniJson.object(r2.out());
      assertEquals(1000, num(summary, "rows"));
      assertEquals(0, num(summary, "missing_values"));
      assertEquals(9, list(summary.get("columns")).size());
      assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), ext);
    }
    List<String> jsonl = Files.readAllLines(dir.resolve("one.jsonl"));
    List<String> csv = Files.readAllLines(dir.resolve("one.csv"));
    assertEquals(1000, jsonl.size());
    assertEquals(1001, csv.size());
    assertEquals("id,label,p_groupB,p_groupA", csv.get(0));
    for (int i = 0; i < jsonl.size(); i++) {
      Map<String, Object> p = MiniJson.object(jsonl.get(i));
      assertEquals(i + 1, (Double) p.get("id"), "row numbers without --id");
      String label = (String) p.get("label");
      Map<String, Object> probabilities = map(p.get("probabilities"));
      assertEquals(List.of("groupB", "groupA"), List.copyOf(probabilities.keySet()));
      double pb = (Double) probabilities.get("groupB");
      double pa = (Double) probabilities.get("groupA");
      assertEquals(1.0, pa + pb, 1e-9);
      String[] row = csv.get(i + 1).split(",");
      assertEquals(label, row[1]);
      assertEquals(pb, Double.parseDouble(row[2]));
      assertEquals(pa, Double.parseDouble(row[3]));
    }
  }

  @Test
  void evaluateMatchesWhatThePredictionsFileSays() throws IOException {
    Path predictions = dir.resolve("p.jsonl");
    Run p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            predictions.toString(),
            "--id",
            "id");
    assertEquals(0, p.exitCode(), p.err());
    List<String> truth = column(score, "class");
    List<String> ids = column(score, "id");
    long correct = 0;
    List<String> lines = Files.readAllLines(predictions);
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> row = MiniJson.object(lines.get(i));
      assertEquals(ids.get(i), row.get("id"));
      if (row.get("label").equals(truth.get(i))) {
        correct++;
      }
    }
    double expected = (double) correct / truth.size();

    for (String join : List.of("order", "id")) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "evaluate",
                  "--predictions",
                  predictions.toString(),
                  "--data",
                  score.toString(),
                  "--target",
                  "class",
                  "--json"));
      if (join.equals("id")) {
        args.addAll(List.of("--id", "id"));
      }
      Run e = run(args.toArray(String[]::new));
      assertEquals(0, e.exitCode(), e.err());
      assertEquals("", e.err());
      Map<String, Object> j = MiniJson.object(e.out());
      assertEquals(join, j.get("join"));
      assertEquals(1000, num(j, "count"));
      assertEquals(expected, num(j, "accuracy"), 1e-12);
      double diagonal = 0;
      double total = 0;
      List<?> counts = list(map(j.get("confusion_matrix")).get("counts"));
      for (int a = 0; a < counts.size(); a++) {
        List<?> row = list(counts.get(a));
        for (int q = 0; q < row.size(); q++) {
          total += (Double) row.get(q);
          diagonal += a == q ? (Double) row.get(q) : 0;
        }
      }
      assertEquals(1000, total);
      assertEquals(correct, diagonal);
    }
    Run text =
        run(
            "evaluate",
            "--predictions",
            predictions.toString(),
            "--data",
            score.toString(),
            "--target",
            "class");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("accuracy:"), text.out());
    assertTrue(text.out().contains("confusion matrix"), text.out());
  }

  @Test
  void evaluateDefaultsTheTargetToTheLastColumn() {
    Path predictions = dir.resolve("p.jsonl");
    Run p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            predictions.toString());
    assertEquals(0, p.exitCode(), p.err());
    String[] common = {"evaluate", "--predictions", predictions.toString(), "--data"};
    Run named = run(concat(common, score.toString(), "--target", "class", "--json"));
    Run last = run(concat(common, score.toString(), "--json"));
    assertEquals(0, last.exitCode(), last.err());
    assertEquals(named.out(), last.out());
    Map<String, Object> j = MiniJson.object(last.out());
    assertEquals("classification", j.get("task"));
    assertEquals(1000, num(j, "count"));
    String help = run("evaluate", "--help").out();
    assertTrue(help.contains("(default: the last column)"), help);
  }

  @Test
  void evaluateScoresARegressorsPredictions() throws IOException {
    // Scored rows (y, prediction): (2, 2.5), (4, 3), (3, 3), (6, 5); rows r3 and r5 have no y.
    // MAE 2.5 / 4, RMSE sqrt(2.25 / 4), R² 1 - 2.25 / 17 (running means 0, 2, 3, 3).
    Path data = dir.resolve("y.csv");
    Files.writeString(data, "id,x,y\nr1,1,2.0\nr2,2,4\nr3,3,NA\nr4,4,3.0\nr5,5,\nr6,6,6\n");
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "id,prediction\nr1,2.5\nr2,3.0\nr3,1.0\nr4,3\nr5,7.0\nr6,5.0\n");
    Path jsonl = dir.resolve("p.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\": \"r6\", \"prediction\": 5.0}\n"
            + "{\"id\": \"r5\", \"prediction\": 7.0}\n"
            + "{\"id\": \"r4\", \"prediction\": 3}\n"
            + "{\"id\": \"r3\", \"prediction\": 1.0}\n"
            + "{\"id\": \"r2\", \"prediction\": 3.0}\n"
            + "{\"id\": \"r1\", \"prediction\": 2.5}\n");
    List<List<String>> variants =
        List.of(
            List.of("--predictions", csv.toString(), "--target", "y"),
            List.of("--predictions", csv.toString()),
            List.of("--predictions", jsonl.toString(), "--id", "id"),
            List.of("--predictions", jsonl.toString(), "--id", "id", "--target", "y"));
    for (List<String> variant : variants) {
      List<String> args = new ArrayList<>(List.of("evaluate", "--data", data.toString(), "--json"));
      args.addAll(variant);
      Run e = run(args.toArray(String[]::new));
      assertEquals(0, e.exitCode(), variant + ": " + e.err());
      assertEquals("", e.err());
      Map<String, Object> j = MiniJson.object(e.out());
      assertEquals("regression", j.get("task"), e.out());
      assertEquals(variant.contains("--id") ? "id" : "order", j.get("join"));
      assertEquals(6, num(j, "rows"));
      assertEquals(4, num(j, "count"));
      assertEquals(2, num(j, "skipped_missing_label"));
      assertEquals(0.625, num(j, "mae"), 1e-12);
      assertEquals(0.75, num(j, "rmse"), 1e-12);
      assertEquals(1 - 2.25 / 17, num(j, "r2"), 1e-12);
      assertFalse(j.containsKey("accuracy"), e.out());
    }
    Run text = run("evaluate", "--predictions", csv.toString(), "--data", data.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("RMSE:            0.750000\n"), text.out());
    assertTrue(text.out().contains("R2:              0.867647\n"), text.out());

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,prediction\nr1,2.5\nr2,lots\n");
    Run e = run("evaluate", "--predictions", bad.toString(), "--data", data.toString());
    assertEquals(1, e.exitCode(), e.err());
    assertUserError(e, bad + ":3: column 2 ('prediction'): expected a number, got \"lots\"");
  }

  private static String[] concat(String[] head, String... tail) {
    return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
  }

  @Test
  void learnContinuesTheModel() throws IOException {
    Path model2 = dir.resolve("model2");
    Run r =
        run(
            "learn",
            "--model",
            model.toString(),
            "--data",
            more.toString(),
            "--out",
            model2.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .contains("\nresumed      " + model + " (trained before on " + train + ", 3,000 rows)"),
        r.out());
    assertTrue(r.out().contains("\ndata         " + more + ": 2,000 rows read"), r.out());
    Map<String, Object> j = inspectJson(model2);
    assertEquals(5000, num(map(j.get("model")), "instances_seen"));
    assertEquals(more.toString(), map(j.get("training")).get("data_file"));
    List<?> previous = list(map(j.get("metrics")).get("previous_training"));
    assertEquals(1, previous.size());
    assertEquals(train.toString(), map(previous.get(0)).get("data_file"));
    assertEquals(j.get("parameters"), inspectJson(model).get("parameters"));

    // In place, with one thread, as JSON.
    Run again =
        run(
            "learn",
            "--model",
            model2.toString(),
            "--data",
            more.toString(),
            "--out",
            model2.toString(),
            "--threads",
            "1",
            "--json");
    assertEquals(0, again.exitCode(), again.err());
    Map<String, Object> s = MiniJson.object(again.out());
    assertEquals("learn", s.get("command"));
    assertEquals(model2.toString(), s.get("resumed_from"));
    assertEquals(2000, num(s, "rows_read"));
    assertEquals(2, list(map(s.get("metrics")).get("previous_training")).size());
    assertEquals(7000, num(map(inspectJson(model2).get("model")), "instances_seen"));
  }

  @Test
  void trainJsonAndAFrozenHoeffdingTree() {
    Path ht = dir.resolve("ht");
    Run r =
        run(
            "train",
            "--data",
            train.toString(),
            "--learner",
            "ht",
            "--grace-period",
            "100",
            "--frozen",
            "--out",
            ht.toString(),
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    Map<String, Object> j = MiniJson.object(r.out());
    assertEquals("train", j.get("command"));
    assertEquals("ht", j.get("learner"));
    assertEquals(true, j.get("frozen"));
    assertEquals(3000, num(j, "rows_read"));
    assertEquals(0, num(j, "rows_rejected"));
    assertTrue(num(j, "bundle_bytes") > 0);
    num(map(j.get("metrics")), "accuracy");
    Map<String, Object> inspected = inspectJson(ht);
    assertEquals(true, inspected.get("frozen"));
    assertEquals(100, (Double) map(inspected.get("parameters")).get("grace-period"));
  }

  @Test
  void aFrozenModelCannotLearn() {
    Path frozen = dir.resolve("frozen");
    Run t =
        run(
            "train",
            "--data",
            train.toString(),
            "--trees",
            "2",
            "--frozen",
            "--out",
            frozen.toString());
    assertEquals(0, t.exitCode(), t.err());
    assertTrue(t.out().contains("frozen (inference only)"), t.out());
    Run r =
        run(
            "learn",
            "--model",
            frozen.toString(),
            "--data",
            more.toString(),
            "--out",
            dir.resolve("out").toString());
    assertUserError(r, "frozen");
    assertEquals(2, r.exitCode());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void missingModelDirectory() {
    String nope = dir.resolve("nope").toString();
    String out = dir.resolve("p.jsonl").toString();
    Run r = run("predict", "--model", nope, "--data", score.toString(), "--out", out);
    assertUserError(r, nope + ": no such bundle directory");
    assertEquals(1, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertUserError(run("inspect", nope), "no such bundle directory");
    assertUserError(
        run("learn", "--model", nope, "--data", more.toString(), "--out", dir.toString()),
        "no such bundle directory");
    assertFalse(Files.exists(dir.resolve("p.jsonl")));
  }

  @Test
  void corruptModelFileIsOneCleanError() throws IOException {
    Path bad = copyOf(model, "bad");
    Path bin = bad.resolve("model.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(bin, bytes);
    Path out = dir.resolve("p.jsonl");

    Run r =
        run(
            "predict",
            "--model",
            bad.toString(),
            "--data",
            score.toString(),
            "--out",
            out.toString());
    assertUserError(r, bin + " section ");
    assertTrue(r.err().contains("checksum mismatch"), r.err());
    assertEquals(1, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertFalse(Files.exists(out));

    Run inspect = run("inspect", bad.toString());
    assertUserError(inspect, bin.toString());
    assertEquals(1, inspect.exitCode());
    assertEquals(1, inspect.errLines().size(), inspect.err());

    Run learn =
        run("learn", "--model", bad.toString(), "--data", more.toString(), "--out", bad.toString());
    assertUserError(learn, "checksum mismatch");
    assertEquals(1, learn.exitCode());
    assertArrayEquals(bytes, Files.readAllBytes(bin), "the bundle is left as it was");
  }

  @Test
  void missingColumnInTheDataToScore() throws IOException {
    List<String> lines = Files.readAllLines(score);
    List<String> cut = new ArrayList<>();
    for (String line : lines) {
      List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
      fields.remove(1); // salary
      cut.add(String.join(",", fields));
    }
    Path data = dir.resolve("no-salary.csv");
    Files.write(data, cut, StandardCharsets.UTF_8);
    Path out = dir.resolve("p.csv");
    Run r =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString());
    assertUserError(r, data + ": column 'salary' required by the model is missing");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertFalse(Files.exists(out));
    assertUserError(
        run(
            "learn",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--out",
            dir.resolve("m").toString()),
        data + ": column ");
  }

  @Test
  void unknownIdColumn() throws IOException {
    Path out = dir.resolve("p.jsonl");
    Run r =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            out.toString(),
            "--id",
            "customer");
    assertUserError(r, "no column 'customer' for the ids");
    assertEquals(2, r.exitCode());
    assertFalse(Files.exists(out));

    Run p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            out.toString());
    assertEquals(0, p.exitCode(), p.err());
    Run e =
        run(
            "evaluate",
            "--predictions",
            out.toString(),
            "--data",
            score.toString(),
            "--target",
            "class",
            "--id",
            "customer");
    assertUserError(e, "'customer'");
    assertUserError(
        run(
            "evaluate",
            "--predictions",
            out.toString(),
            "--data",
            score.toString(),
            "--target",
            "klass"),
        "'klass'");
  }

  @Test
  void learnerOptionsAreCheckedAgainstTheLearner() throws IOException {
    String data = train.toString();
    String out = dir.resolve("m").toString();
    assertUserError(
        run("train", "--data", data, "--learner", "ht", "--trees", "3", "--out", out),
        "--trees applies only to --learner arf, oza-bag, leveraging-bagging, arf-regressor, not to --learner ht");
    assertUserError(
        run("train", "--data", data, "--trees", "0", "--out", out), "invalid value for --trees");
    assertUserError(
        run("train", "--data", data, "--max-features", "lots", "--out", out),
        "invalid value for --max-features");

    Path ht = dir.resolve("ht.yaml");
    Files.writeString(ht, "learner: ht\n");
    assertUserError(
        run("train", "--data", data, "--config", ht.toString(), "--lambda", "3", "--out", out),
        "--lambda applies only to --learner arf, leveraging-bagging, arf-regressor, not to learner ht of config file "
            + ht);
    Path arf = dir.resolve("arf.json");
    Files.writeString(arf, "{\"trees\": 3}");
    assertUserError(
        run("train", "--data", data, "--config", arf.toString(), "--learner", "ht", "--out", out),
        "config file "
            + arf
            + ": trees applies only to learner arf, oza-bag, leveraging-bagging, arf-regressor, not to ht");
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "tress: 3\n");
    assertUserError(
        run("train", "--data", data, "--config", typo.toString(), "--out", out),
        "unknown learner setting 'tress'");
    Run missing =
        run("train", "--data", data, "--config", dir.resolve("no.yaml").toString(), "--out", out);
    assertUserError(missing, "no such config file");
    assertEquals(1, missing.exitCode());
    assertFalse(Files.exists(dir.resolve("m")));
  }

  @Test
  void otherErrors() {
    assertUserError(
        run("prequential", "--stream", "sea", "--delimiter", ";"),
        "--delimiter applies only to --data");
    String data = train.toString();
    Run r = run("train", "--data", data, "--out", train.toString());
    assertUserError(r, "is not a Coppice bundle");
    assertEquals(2, r.exitCode());
    assertUserError(
        run("train", "--data", data, "--target", "colour", "--out", dir.resolve("m").toString()),
        "'colour'");
    Run noFile =
        run(
            "train",
            "--data",
            dir.resolve("no.csv").toString(),
            "--out",
            dir.resolve("m").toString());
    assertUserError(noFile, "no such file");
    assertEquals(1, noFile.exitCode());
    assertUserError(run("train", "--data", data), "--out");
    assertUserError(
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            dir.resolve("p.txt").toString()),
        ".jsonl or .csv");
    assertUserError(
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            score.toString(),
            "--out",
            dir.resolve("p.csv").toString(),
            "--threads",
            "0"),
        "--threads");
  }

  @Test
  void helpListsTheModelCommands() {
    Run help = run("--help");
    assertEquals(0, help.exitCode());
    for (String command :
        List.of("prequential", "train", "learn", "predict", "evaluate", "inspect")) {
      assertTrue(help.out().contains("\n  " + command), command + ":\n" + help.out());
    }
    Run train = run("train", "--help");
    assertEquals(0, train.exitCode());
    for (String option : List.of("--config", "--frozen", "--target", "--max-features", "--seed")) {
      assertTrue(train.out().contains(option), option + ":\n" + train.out());
    }
    assertNotEquals("", run("predict", "--help").out());
  }
}

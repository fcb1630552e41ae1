package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.coppice.io.CsvReader;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Manifest;
import org.coppice.learn.tree.HoeffdingTreeType;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  private static final int N = 2000;

  @TempDir Path tmp;

  private static LearnerSpec forest(int trees, long seed) {
    return LearnerSpec.defaults().with("learner", "arf").with("trees", trees).with("seed", seed);
  }

  @Test
  void trainSaveLoadPredictRoundTrip() throws IOException {
    List<TestData.Row> rows = TestData.rows(1, N, Integer.MAX_VALUE);
    Path file = TestData.write(tmp.resolve("in"), "data.csv", TestData.csv(rows, 0, N));
    Path data = TestData.relative(file);
    Path out = tmp.resolve("model");

    TrainSummary summary =
        Training.train(
            data, ReadOptions.defaults(), null, forest(5, 7), out, false, TrainListener.NONE);

    long unlabelled = TestData.unlabelled(rows, 0, N);
    assertTrue(unlabelled > 0);
    assertEquals(N, summary.rowsRead());
    assertEquals(unlabelled, summary.rowsRejected());
    assertEquals(out, summary.bundle());

    Manifest m = Manifest.parse(Files.readAllBytes(out.resolve(Manifest.FILE_NAME)));
    assertEquals(summary.manifest(), m);
    // learner, every parameter, the seed
    assertEquals("arf", m.learner());
    assertEquals(7L, m.seed());
    Map<String, Object> p = m.parameters();
    assertFalse(
        p.containsKey("learner"), "the learner is the manifest's learner name, not a parameter");
    assertEquals(5, p.get("trees"));
    assertEquals(7, p.get("seed"));
    assertEquals(50, p.get("grace-period"));
    assertTrue(p.containsKey("lambda") && p.containsKey("drift-delta"));
    assertTrue(p.containsKey("max-features"));
    assertFalse(p.containsKey("threads"));
    // schema and label mapping (classes in order of first appearance)
    Map<String, Object> schema = m.schema();
    assertEquals("data", schema.get("relation"));
    List<?> features = (List<?>) schema.get("features");
    assertEquals(3, features.size());
    assertEquals("x1", object(features.get(0)).get("name"));
    assertEquals("numeric", object(features.get(0)).get("type"));
    assertEquals("x2", object(features.get(1)).get("name"));
    assertEquals("color", object(features.get(2)).get("name"));
    assertEquals("nominal", object(features.get(2)).get("type"));
    assertEquals(List.of("red", "green", "blue"), object(features.get(2)).get("values"));
    assertEquals("label", object(schema.get("target")).get("name"));
    List<String> classes = firstAppearance(rows);
    assertEquals(classes, object(schema.get("target")).get("classes"));
    // preprocessing
    Map<String, Object> pre = m.preprocessing();
    assertEquals(List.of("", "?", "NA", "NaN"), pre.get("missing_tokens"));
    assertEquals(Preprocessor.UNSEEN_CATEGORY_POLICY, pre.get("unseen_categories"));
    assertEquals(Preprocessor.MISSING_VALUE_POLICY, pre.get("missing_values"));
    assertEquals(
        List.of("red", "green", "blue"),
        object(((List<?>) pre.get("features")).get(2)).get("categories"));
    // provenance: the data file exactly as given, its SHA-256, rows read and rejected
    Manifest.Training t = m.training();
    assertEquals(data.toString(), t.dataFile());
    assertFalse(Path.of(t.dataFile()).isAbsolute());
    assertEquals(TestData.sha256(file), t.dataSha256());
    assertEquals(N, t.rowsRead());
    assertEquals(unlabelled, t.rowsRejected());
    // metrics at the end of training
    Map<String, Object> metrics = m.metrics();
    assertEquals("prequential", metrics.get("evaluation"));
    assertEquals(N, ((Number) metrics.get("rows")).longValue());
    assertEquals(N - unlabelled, ((Number) metrics.get("scored")).longValue());
    double accuracy = (Double) metrics.get("accuracy");
    assertTrue(accuracy > 0.7 && accuracy <= 1, "accuracy " + accuracy);
    Map<String, Object> confusion = object(metrics.get("confusion_matrix"));
    assertEquals(classes, confusion.get("classes"));
    long cells = 0;
    for (Object row : (List<?>) confusion.get("counts")) {
      for (Object c : (List<?>) row) {
        cells += ((Number) c).longValue();
      }
    }
    assertEquals(N - unlabelled, cells);
    String json = Files.readString(out.resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8);
    assertFalse(json.contains("\"" + tmp.toAbsolutePath()), "an absolute path in the manifest");

    // Load and predict: same answers as the same training in memory.
    CoppiceModel loaded = CoppiceModel.load(out);
    assertFalse(loaded.isFrozen());
    TrainResult inMemory;
    try (InstanceStream s = new CsvReader(file, ReadOptions.defaults())) {
      inMemory = Training.train(forest(5, 7), s, null);
    }
    assertEquals(N, inMemory.rowsRead());
    assertEquals(unlabelled, inMemory.rowsRejected());
    assertEquals(summary.metrics(), inMemory.metrics());
    for (Map<String, Object> record :
        List.<Map<String, Object>>of(
            Map.of("x1", 0.9, "x2", "0.1", "color", "red"),
            Map.of("x1", "0.1", "x2", -1.0, "color", "blue"),
            Map.of("x1", 0.5, "color", "purple"),
            Map.of())) {
      Prediction a = loaded.predict(record);
      Prediction b = inMemory.model().predict(record);
      assertEquals(b.label(), a.label());
      assertArrayEquals(b.probabilities(), a.probabilities());
      assertEquals(classes, a.classes());
    }
    assertEquals("UP", loaded.predict(Map.of("x1", 0.95, "x2", 0.0, "color", "red")).label());
    assertEquals("DOWN", loaded.predict(Map.of("x1", 0.05, "x2", 0.0, "color", "blue")).label());
  }

  @Test
  void inMemoryMetricsAreOrdered() {
    List<TestData.Row> rows = TestData.rows(2, 600, Integer.MAX_VALUE);
    Path file = TestData.write(tmp, "small.csv", TestData.csv(rows, 0, 600));
    TrainResult r;
    try (InstanceStream s = new CsvReader(file, ReadOptions.defaults())) {
      r = Training.train(LearnerSpec.defaults().with("learner", "ht"), s, TrainListener.NONE);
    }
    assertEquals(
        List.of(
            "evaluation",
            "rows",
            "scored",
            "accuracy",
            "kappa",
            "macro_f1",
            "log_loss",
            "window_size",
            "window_accuracy",
            "window_kappa",
            "window_macro_f1",
            "window_log_loss",
            "confusion_matrix"),
        new ArrayList<>(r.metrics().keySet()));
    assertEquals(600L, r.metrics().get("rows"));
    assertEquals(r.prequential().accuracy(), (Double) r.metrics().get("accuracy"));
    assertEquals("ht", r.model().type().name());
    assertNull(r.model().manifest());
  }

  @Test
  void progressIsReportedWithRowsElapsedAndFraction() {
    List<TestData.Row> rows = TestData.rows(9, 1200, Integer.MAX_VALUE);
    Path file = TestData.write(tmp, "p.csv", TestData.csv(rows, 0, 1200));
    List<double[]> reports = new ArrayList<>();
    try (CsvReader csv = new CsvReader(file, ReadOptions.defaults())) {
      InstanceStream slow =
          new InstanceStream() {
            long n;

            @Override
            public org.coppice.data.Schema schema() {
              return csv.schema();
            }

            @Override
            public boolean next(org.coppice.data.Instance into) {
              if (++n == 300) {
                try {
                  Thread.sleep(TrainListener.INTERVAL_MILLIS + 50);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return csv.next(into);
            }

            @Override
            public double progress() {
              return csv.progress();
            }
          };
      Training.train(
          LearnerSpec.defaults().with("learner", "ht"),
          slow,
          (done, seconds, fraction) -> reports.add(new double[] {done, seconds, fraction}));
    }
    assertFalse(reports.isEmpty());
    double[] first = reports.get(0);
    assertTrue(first[0] >= 300 && first[0] <= 1200, "rows " + first[0]);
    assertTrue(first[1] >= TrainListener.INTERVAL_MILLIS / 1000.0, "seconds " + first[1]);
    assertTrue(first[2] > 0 && first[2] <= 1, "fraction " + first[2]);
  }

  @Test
  void yamlConfigWithCommandLineOverride() throws IOException {
    List<TestData.Row> rows = TestData.rows(3, 800, Integer.MAX_VALUE);
    Path data = TestData.write(tmp, "d.csv", TestData.csv(rows, 0, 800));
    Path config =
        TestData.write(
            tmp, "c.yaml", "learner: arf\ntrees: 3\nseed: 11\ngrace-period: 100\nlambda: 6\n");
    TrainSummary s =
        Training.train(
            data,
            ReadOptions.defaults(),
            config,
            LearnerSpec.defaults().with("trees", 2),
            tmp.resolve("m"),
            false,
            null);
    Map<String, Object> p = s.manifest().parameters();
    assertEquals(2, p.get("trees"), "the command line wins");
    assertEquals(11, p.get("seed"));
    assertEquals(100, p.get("grace-period"));
    assertEquals(6.0, p.get("lambda"));
    assertEquals(11L, s.manifest().seed());
  }

  @Test
  void jsonConfigWithCommandLineOverride() throws IOException {
    List<TestData.Row> rows = TestData.rows(4, 800, Integer.MAX_VALUE);
    Path data = TestData.write(tmp, "d.csv", TestData.csv(rows, 0, 800));
    Path config =
        TestData.write(
            tmp,
            "c.json",
            "{\"learner\": \"ht\", \"grace-period\": 80, \"split-confidence\": 0.001}");
    TrainSummary s =
        Training.train(
            data,
            ReadOptions.defaults(),
            config,
            LearnerSpec.defaults().with("grace-period", 60),
            tmp.resolve("m"),
            false,
            null);
    Manifest m = s.manifest();
    assertEquals("ht", m.learner());
    assertNull(m.seed());
    assertEquals(60, m.parameters().get("grace-period"), "the command line wins");
    assertEquals(0.001, m.parameters().get("split-confidence"));
    assertEquals(
        new java.util.TreeSet<>(names()),
        new java.util.TreeSet<>(m.parameters().keySet()),
        "every parameter of the table");
  }

  private static List<String> names() {
    List<String> n = new java.util.ArrayList<>();
    HoeffdingTreeType.TYPE.parameters().forEach(p -> n.add(p.name()));
    return n;
  }

  @Test
  void sameDataConfigAndSeedGiveTheSameModelBytes() throws IOException {
    List<TestData.Row> rows = TestData.rows(5, 3000, 1500);
    Path data = TestData.write(tmp, "d.csv", TestData.csv(rows, 0, 3000));
    Path config = TestData.write(tmp, "c.yml", "trees: 4\nseed: 3\n");
    Training.train(
        data,
        ReadOptions.defaults(),
        config,
        LearnerSpec.defaults().with("threads", 1),
        tmp.resolve("a"),
        false,
        null);
    Training.train(
        data,
        ReadOptions.defaults(),
        config,
        LearnerSpec.defaults().with("threads", 4),
        tmp.resolve("b"),
        false,
        null);
    assertArrayEquals(
        TestData.bytes(tmp.resolve("a/model.bin")), TestData.bytes(tmp.resolve("b/model.bin")));
    // A different seed gives a different forest.
    Training.train(
        data,
        ReadOptions.defaults(),
        config,
        LearnerSpec.defaults().with("seed", 4),
        tmp.resolve("c"),
        false,
        null);
    assertFalse(
        java.util.Arrays.equals(
            TestData.bytes(tmp.resolve("a/model.bin")),
            TestData.bytes(tmp.resolve("c/model.bin"))));
  }

  @Test
  void frozenBundleIsSmallerAndPredictsTheSame() throws IOException {
    List<TestData.Row> rows = TestData.rows(6, 1500, Integer.MAX_VALUE);
    Path data = TestData.write(tmp, "d.csv", TestData.csv(rows, 0, 1500));
    Training.train(
        data, ReadOptions.defaults(), null, forest(3, 1), tmp.resolve("full"), false, null);
    Training.train(
        data, ReadOptions.defaults(), null, forest(3, 1), tmp.resolve("ice"), true, null);
    assertTrue(
        Files.size(tmp.resolve("ice/model.bin")) < Files.size(tmp.resolve("full/model.bin")));
    CoppiceModel full = CoppiceModel.load(tmp.resolve("full"));
    CoppiceModel ice = CoppiceModel.load(tmp.resolve("ice"));
    assertTrue(ice.isFrozen());
    Map<String, Object> record = new HashMap<>(Map.of("x1", 0.4, "x2", 1.0, "color", "green"));
    assertArrayEquals(full.predict(record).probabilities(), ice.predict(record).probabilities());
  }

  @Test
  void settingsTheLearnerDoesNotHaveAreRejectedBeforeReading() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Training.train(
                    tmp.resolve("absent.csv"),
                    ReadOptions.defaults(),
                    null,
                    LearnerSpec.defaults().with("learner", "nb").with("trees", 5),
                    tmp.resolve("m"),
                    false,
                    null));
    assertTrue(e.getMessage().contains("trees applies only to learner arf"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("m")));
  }

  @Test
  void anOutputThatIsNotABundleIsRefusedBeforeTraining() throws IOException {
    Path data = TestData.write(tmp, "d.csv", TestData.csv(TestData.rows(8, 50, 99), 0, 50));
    Path busy = TestData.write(tmp.resolve("busy"), "notes.txt", "mine\n").getParent();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Training.train(data, ReadOptions.defaults(), null, null, busy, false, null));
    assertTrue(e.getMessage().contains("is not a Coppice bundle"), e.getMessage());
    assertEquals("mine\n", Files.readString(busy.resolve("notes.txt")));
    // An existing bundle is replaced.
    Path bundle = tmp.resolve("bundle");
    Training.train(data, ReadOptions.defaults(), null, null, bundle, false, null);
    TrainSummary again =
        Training.train(data, ReadOptions.defaults(), null, null, bundle, true, null);
    assertTrue(CoppiceModel.load(again.bundle()).isFrozen());
  }

  @Test
  void badConfigFileIsAClearError() {
    Path config = TestData.write(tmp, "c.yaml", "trees: many\n");
    Path data = TestData.write(tmp, "d.csv", TestData.csv(TestData.rows(7, 50, 99), 0, 50));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Training.train(
                    data, ReadOptions.defaults(), config, null, tmp.resolve("m"), false, null));
    assertTrue(e.getMessage().contains("trees"), e.getMessage());
  }

  /** A JSON object of a manifest (a map of plain values). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  static List<String> firstAppearance(List<TestData.Row> rows) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (TestData.Row r : rows) {
      if (r.label() != null) {
        seen.add(r.label());
      }
    }
    return List.copyOf(seen);
  }
}

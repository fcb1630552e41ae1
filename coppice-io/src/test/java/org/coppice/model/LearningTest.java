package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coppice.io.DataFormatException;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LearningTest {
  private static final int A = 3000;
  private static final int ALL = 5000;
  private static final int FLIP = 1500; // a sudden drift in the middle of part A

  @TempDir Path tmp;
  private List<TestData.Row> rows;
  private Path partA;
  private Path partB;
  private Path all;

  @BeforeEach
  void writeData() {
    rows = TestData.rows(11, ALL, FLIP);
    // Same base name, so the relation (the file's base name) is the same for A and A+B.
    partA = TestData.write(tmp.resolve("a"), "data.csv", TestData.csv(rows, 0, A));
    partB = TestData.write(tmp.resolve("b"), "more.csv", TestData.csv(rows, A, ALL));
    all = TestData.write(tmp.resolve("all"), "data.csv", TestData.csv(rows, 0, ALL));
  }

  private static LearnerSpec spec(String learner) {
    LearnerSpec s = LearnerSpec.defaults().with("learner", learner);
    return learner.equals("arf") ? s.with("trees", 5).with("seed", 9) : s;
  }

  private TrainSummary train(Path data, String learner, Path out, boolean frozen)
      throws IOException {
    return Training.train(data, ReadOptions.defaults(), null, spec(learner), out, frozen, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arf", "ht"})
  void resumingGivesTheModelOfTrainingOnTheConcatenation(String learner) throws IOException {
    Path modelA = tmp.resolve("model-a");
    train(TestData.relative(partA), learner, modelA, false);
    if (learner.equals("arf")) {
      InspectionReport afterA = Inspection.inspect(modelA);
      assertTrue(
          (Long) afterA.structure().get("drifts") > 0, "the concept flip in part A causes drifts");
    }
    Path full = tmp.resolve("model-full");
    train(all, learner, full, false);

    Path resumed = tmp.resolve("model-resumed");
    Path b = TestData.relative(partB);
    TrainSummary s = Learning.learn(modelA, b, ReadOptions.defaults(), resumed, null);
    byte[] expected = TestData.bytes(full.resolve("model.bin"));
    assertArrayEquals(expected, TestData.bytes(resumed.resolve("model.bin")));

    long unlabelled = TestData.unlabelled(rows, A, ALL);
    assertEquals(ALL - A, s.rowsRead());
    assertEquals(unlabelled, s.rowsRejected());
    Manifest m = s.manifest();
    assertEquals(b.toString(), m.training().dataFile());
    assertEquals(TestData.sha256(partB), m.training().dataSha256());
    assertEquals(ALL - A, m.training().rowsRead());
    assertEquals(ALL - A, ((Number) m.metrics().get("rows")).longValue());
    List<?> history = (List<?>) m.metrics().get(Learning.PREVIOUS_TRAINING);
    assertEquals(1, history.size());
    Map<?, ?> first = (Map<?, ?>) history.get(0);
    assertEquals(TestData.relative(partA).toString(), first.get("data_file"));
    assertEquals(A, ((Number) first.get("rows_read")).longValue());
    Manifest before = CoppiceModel.load(modelA).manifest();
    assertEquals(before.parameters(), m.parameters());
    assertEquals(before.schema(), m.schema());
    assertEquals(before.preprocessing(), m.preprocessing());

    // In place: the bundle is replaced atomically by the resumed one.
    Learning.learn(modelA, partB, ReadOptions.defaults(), modelA, TrainListener.NONE);
    assertArrayEquals(expected, TestData.bytes(modelA.resolve("model.bin")));
  }

  @Test
  void arffIsMappedByNameOntoTheModelSchema() throws IOException {
    Path modelA = tmp.resolve("model-a");
    train(partA, "arf", modelA, false);
    Path fromCsv = tmp.resolve("from-csv");
    Learning.learn(modelA, partB, ReadOptions.defaults(), fromCsv, null);
    // Attributes in another order, categories and labels declared in another order.
    StringBuilder arff = new StringBuilder("@relation other\n");
    arff.append("@attribute label {DOWN, UP}\n");
    arff.append("@attribute color {blue, red, green}\n");
    arff.append("@attribute x2 numeric\n");
    arff.append("@attribute x1 real\n@data\n");
    for (int i = A; i < ALL; i++) {
      TestData.Row r = rows.get(i);
      arff.append(r.label() == null ? "?" : r.label())
          .append(',')
          .append(r.color())
          .append(',')
          .append(r.x2() == null ? "?" : String.format(Locale.ROOT, "%.3f", r.x2()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.x1()))
          .append('\n');
    }
    Path b = TestData.write(tmp, "more.arff", arff.toString());
    Path fromArff = tmp.resolve("from-arff");
    TrainSummary s = Learning.learn(modelA, b, ReadOptions.defaults(), fromArff, null);
    assertEquals(ALL - A, s.rowsRead());
    assertArrayEquals(
        TestData.bytes(fromCsv.resolve("model.bin")),
        TestData.bytes(fromArff.resolve("model.bin")));
  }

  @Test
  void mismatchedColumnsAreClearErrors() throws IOException {
    Path model = tmp.resolve("m");
    train(partA, "ht", model, false);
    Path extra = TestData.write(tmp, "extra.csv", "x1,x2,color,z,label\n0.1,0.2,red,1,UP\n");
    IllegalArgumentException e = learnFails(model, extra);
    assertTrue(e.getMessage().contains("column 'z' is not one of the model's"), e.getMessage());

    Path lacking = TestData.write(tmp, "lacking.csv", "x1,color,label\n0.1,red,UP\n");
    e = learnFails(model, lacking);
    assertEquals(lacking + ": column 'x2' required by the model is missing", e.getMessage());

    Path unlabelled = TestData.write(tmp, "unlabelled.csv", "x1,x2,color\n0.1,0.2,red\n");
    e = learnFails(model, unlabelled);
    assertTrue(e.getMessage().contains("target column 'label' is missing"), e.getMessage());

    Path numericColor =
        TestData.write(
            tmp,
            "n.arff",
            "@relation r\n@attribute x1 numeric\n@attribute x2 numeric\n"
                + "@attribute color numeric\n@attribute label {UP, DOWN}\n@data\n1,2,3,UP\n");
    e = learnFails(model, numericColor);
    assertTrue(
        e.getMessage().contains("column 'color' is numeric in the data but nominal in the model"),
        e.getMessage());

    Path purple =
        TestData.write(
            tmp,
            "p.arff",
            "@relation r\n"
                + "@attribute x1 numeric\n"
                + "@attribute x2 numeric\n"
                + "@attribute color {red, purple}\n"
                + "@attribute label {UP, DOWN}\n"
                + "@data\n"
                + "1,2,red,UP\n");
    e = learnFails(model, purple);
    assertTrue(e.getMessage().contains("'purple'"), e.getMessage());
    assertTrue(e.getMessage().contains("column 'color'"), e.getMessage());

    Path unknownValue =
        TestData.write(tmp, "u.csv", "x1,x2,color,label\n0.1,0.2,red,UP\n0.3,0.1,pink,UP\n");
    DataFormatException d =
        assertThrows(
            DataFormatException.class,
            () ->
                Learning.learn(
                    model, unknownValue, ReadOptions.defaults(), tmp.resolve("o"), null));
    assertEquals(3, d.line());
    assertEquals("color", d.columnName());
  }

  @Test
  void aFrozenModelCannotLearn() throws IOException {
    Path model = tmp.resolve("frozen");
    train(partA, "arf", model, true);
    IllegalArgumentException e = learnFails(model, partB);
    assertTrue(e.getMessage().contains("frozen"), e.getMessage());
  }

  private IllegalArgumentException learnFails(Path model, Path data) {
    return assertThrows(
        IllegalArgumentException.class,
        () -> Learning.learn(model, data, ReadOptions.defaults(), tmp.resolve("out"), null));
  }
}

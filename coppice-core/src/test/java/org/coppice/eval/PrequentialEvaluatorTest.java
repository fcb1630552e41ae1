package org.coppice.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.baseline.MajorityClass;
import org.coppice.learn.bayes.NaiveBayes;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;

/** Test-then-train evaluation against hand-computed runs. */
class PrequentialEvaluatorTest {

  /** An in-memory stream over copies of the given instances. */
  static final class ListStream implements InstanceStream {
    private final Schema schema;
    private final List<Instance> instances;
    private int next;

    ListStream(Schema schema, List<Instance> instances) {
      this.schema = schema;
      this.instances = instances;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public boolean next(Instance into) {
      if (next == instances.size()) {
        return false;
      }
      into.copyFrom(instances.get(next++));
      return true;
    }

    @Override
    public double progress() {
      return (double) next / instances.size();
    }
  }

  static Schema binarySchema() {
    return new Schema(
        "tiny", List.of(Attribute.numeric("x")), Attribute.nominal("y", List.of("a", "b")));
  }

  // Labels of the tiny stream; -1 is a missing label.
  static final int[] LABELS = {1, 0, 0, 1, 1, 1, Instance.MISSING_LABEL, 0};

  static ListStream tinyStream() {
    List<Instance> list = new ArrayList<>();
    for (int i = 0; i < LABELS.length; i++) {
      list.add(new Instance(new double[] {i}, LABELS[i], 1.0));
    }
    return new ListStream(binarySchema(), list);
  }

  @Test
  void majorityClassOnTinyStream() {
    // Majority-class votes before learning each instance, and the predictions they give:
    // {0,0}->a (y=b, wrong), {0,1}->b (a, wrong), {1,1}->a (a, right), {2,1}->a (b, wrong),
    // {2,2}->a (b, wrong), {2,3}->b (b, right), missing label (not scored), {2,4}->b (a, wrong).
    PrequentialResult r =
        new PrequentialEvaluator()
            .windowSize(3)
            .checkpointEvery(2)
            .run(new MajorityClass(binarySchema()), tinyStream());
    assertEquals(8, r.instances());
    assertEquals(7, r.scored());
    assertEquals(2.0 / 7, r.accuracy(), 1e-15);
    double[][] cm = r.confusionMatrix();
    assertArrayEquals(new double[] {1, 2}, cm[0]);
    assertArrayEquals(new double[] {3, 1}, cm[1]);
    // Marginals: actual 3, 4; predicted 4, 3. pc = (12 + 12)/49; kappa = (2/7 - pc)/(1 - pc).
    double pc = 24.0 / 49;
    assertEquals((2.0 / 7 - pc) / (1 - pc), r.kappa(), 1e-15);
    // F1: class a 2*1/(3+4), class b 2*1/(4+3).
    assertEquals(2.0 / 7, r.macroF1(), 1e-15);
    double ln2 = Math.log(2);
    double ln3 = Math.log(3);
    double logLoss = (ln2 + 15 * Math.log(10) + ln2 + ln3 + ln2 + Math.log(5.0 / 3) + ln3) / 7;
    assertEquals(logLoss, r.logLoss(), 1e-12);
    // The window holds the last three scored instances: wrong, right, wrong.
    assertEquals(3, r.windowSize());
    assertEquals(3, r.window().count());
    assertEquals(1.0 / 3, r.window().accuracy(), 1e-15);
    assertEquals(
        List.of(
            new PrequentialResult.Checkpoint(2, 0.0, 0.0),
            new PrequentialResult.Checkpoint(4, 0.25, 1.0 / 3),
            new PrequentialResult.Checkpoint(6, 2.0 / 6, 1.0 / 3),
            new PrequentialResult.Checkpoint(8, 2.0 / 7, 1.0 / 3)),
        r.checkpoints());
    assertTrue(r.seconds() >= 0);
  }

  @Test
  void limitIsHonoured() {
    for (int block : new int[] {1, 2, 3, 256}) {
      ListStream s = tinyStream();
      PrequentialResult r =
          new PrequentialEvaluator()
              .limit(5)
              .blockSize(block)
              .run(new MajorityClass(binarySchema()), s);
      assertEquals(5, r.instances());
      assertEquals(0.2, r.accuracy(), 1e-15);
      assertEquals(5.0 / 8, s.progress(), "no instance read past the limit");
    }
    PrequentialResult none =
        new PrequentialEvaluator().limit(0).run(new MajorityClass(binarySchema()), tinyStream());
    assertEquals(0, none.instances());
    assertTrue(Double.isNaN(none.accuracy()));
  }

  @Test
  void blockSizeDoesNotChangeResults() {
    Schema schema =
        new Schema(
            "gauss",
            List.of(
                Attribute.numeric("u"),
                Attribute.numeric("v"),
                Attribute.nominal("w", List.of("p", "q", "r"))),
            Attribute.nominal("y", List.of("c0", "c1", "c2")));
    Random rnd = new Random(5);
    List<Instance> list = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int y = rnd.nextInt(3);
      double[] x = {y + rnd.nextGaussian(), rnd.nextGaussian() - y, (y + rnd.nextInt(2)) % 3};
      if (rnd.nextInt(50) == 0) {
        x[0] = Double.NaN;
      }
      int label = rnd.nextInt(100) == 0 ? Instance.MISSING_LABEL : y;
      list.add(new Instance(x, label, rnd.nextInt(10) == 0 ? 2.0 : 1.0));
    }
    PrequentialResult a =
        new PrequentialEvaluator()
            .blockSize(1)
            .checkpointEvery(500)
            .run(new NaiveBayes(schema), new ListStream(schema, list));
    PrequentialResult b =
        new PrequentialEvaluator()
            .blockSize(256)
            .checkpointEvery(500)
            .run(new NaiveBayes(schema), new ListStream(schema, list));
    assertEquals(3000, a.instances());
    assertEquals(a.instances(), b.instances());
    assertEquals(a.scored(), b.scored());
    assertEquals(a.cumulative(), b.cumulative());
    assertEquals(a.window(), b.window());
    assertEquals(a.checkpoints(), b.checkpoints());
    assertEquals(6, a.checkpoints().size());
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(a.confusionMatrix()[c], b.confusionMatrix()[c]);
    }
    assertTrue(a.accuracy() > 0.6, "naive Bayes should learn this stream: " + a.accuracy());
  }

  @Test
  void progressIsReported() {
    List<long[]> reports = new ArrayList<>();
    List<Double> fractions = new ArrayList<>();
    new PrequentialEvaluator()
        .blockSize(3)
        .progress(
            (instances, seconds, fraction) -> {
              reports.add(new long[] {instances});
              fractions.add(fraction);
              assertTrue(seconds >= 0);
            },
            0)
        .run(new MajorityClass(binarySchema()), tinyStream());
    assertEquals(3, reports.size());
    assertEquals(3, reports.get(0)[0]);
    assertEquals(6, reports.get(1)[0]);
    assertEquals(8, reports.get(2)[0]);
    assertEquals(List.of(3.0 / 8, 6.0 / 8, 1.0), fractions);
  }

  @Test
  void mismatchedSchemaIsRejected() {
    Schema three =
        new Schema(
            "t", List.of(Attribute.numeric("x")), Attribute.nominal("y", List.of("a", "b", "c")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PrequentialEvaluator().run(new MajorityClass(three), tinyStream()));
  }
}

package org.coppice.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coppice.gen.StreamSpecs;
import org.coppice.learn.regression.RegressionTree;
import org.coppice.learn.regression.RegressionTreeConfig;
import org.coppice.stream.InstanceStream;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
  private static final double EPS = 1e-15;

  @Test
  void emptyIsNaN() {
    RegressionMetrics m = new RegressionMetrics(3);
    assertTrue(Double.isNaN(m.mae()));
    assertTrue(Double.isNaN(m.rmse()));
    assertTrue(Double.isNaN(m.r2()));
    WindowedRegressionMetrics w = new WindowedRegressionMetrics(3, 10);
    assertTrue(Double.isNaN(w.mae()));
    assertTrue(Double.isNaN(w.r2()));
    assertEquals(0, w.count());
  }

  @Test
  void cumulativeByHand() {
    // y = 1, 2, 4; p = 0, 2, 5. Prequential means before each result: 0, 1, 1.5.
    RegressionMetrics m = new RegressionMetrics(0);
    m.add(1, 0, 1);
    m.add(2, 2, 1);
    m.add(4, 5, 1);
    m.add(7, 0, 0); // ignored
    m.add(7, 0, -1); // ignored
    assertEquals(3, m.count());
    assertEquals(2.0 / 3, m.mae(), EPS);
    assertEquals(Math.sqrt(2.0 / 3), m.rmse(), EPS);
    // residuals² 1 + 0 + 1 = 2; mean predictor: (1-0)² + (2-1)² + (4-1.5)² = 8.25
    assertEquals(1 - 2 / 8.25, m.r2(), EPS);
    assertEquals(2 / 4.5, m.relativeMae(), EPS);
    assertEquals(Math.sqrt(2 / 8.25), m.relativeRmse(), EPS);
    // k = features + 1 = 1: 1 - (1 - R²)(3 - 1)/(3 - 1 - 1)
    assertEquals(1 - 2 * (2 / 8.25), m.adjustedR2(), EPS);
    m.reset();
    assertEquals(0, m.count());
    assertTrue(Double.isNaN(m.mae()));
  }

  @Test
  void errorSumsAreUnweightedAsInMoa() {
    // weights 1, 2, 1: only the divisor and the prequential mean's denominator use them.
    RegressionMetrics m = new RegressionMetrics(0);
    m.add(1, 0, 1);
    m.add(2, 2, 2);
    m.add(4, 5, 1);
    assertEquals(4, m.weight(), 0);
    assertEquals(2.0 / 4, m.mae(), EPS);
    assertEquals(Math.sqrt(2.0 / 4), m.rmse(), EPS);
    // means before each: 0, 1/1, (1+2)/3 = 1 -> (1)² + (1)² + (3)² = 11
    assertEquals(1 - 2 / 11.0, m.r2(), EPS);
    assertEquals(2 / 5.0, m.relativeMae(), EPS);
  }

  @Test
  void windowByHand() {
    WindowedRegressionMetrics w = new WindowedRegressionMetrics(0, 2);
    w.add(1, 0, 1);
    w.add(2, 2, 1);
    w.add(4, 5, 1);
    assertEquals(2, w.count());
    // The window's mean predictor divides by the window weight including the new result:
    // means 0/1, 1/2, (2+... ) -> target sums 0, 1, 3 over weights 1, 2, 2: 0, 0.5, 1.5.
    // In the window (results 2 and 3): |e| = 0, 1; e² = 0, 1; mean-predictor errors 1.5, 2.5.
    assertEquals(0.5, w.mae(), EPS);
    assertEquals(Math.sqrt(0.5), w.rmse(), EPS);
    assertEquals(1 - 1 / (2.25 + 6.25), w.r2(), EPS);
    assertEquals(1 / 4.0, w.relativeMae(), EPS);
    assertEquals(Math.sqrt(1 / 8.5), w.relativeRmse(), EPS);
    w.reset();
    assertEquals(0, w.count());
    assertThrows(IllegalArgumentException.class, () -> new WindowedRegressionMetrics(1, 0));
  }

  /**
   * MOA 2024.07's BasicRegressionPerformanceEvaluator and WindowRegressionPerformanceEvaluator
   * (width 1000) fed FIMTDD's test-then-train predictions on the first 20,000 instances of a
   * default HyperplaneGeneratorForRegression print these values; the evaluator must too.
   */
  @Test
  void prequentialRunMatchesMoasEvaluators() {
    InstanceStream stream = StreamSpecs.parse("hyperplane-regression", 1);
    RegressionTree tree = new RegressionTree(stream.schema(), RegressionTreeConfig.defaults());
    PrequentialResult r =
        new PrequentialEvaluator()
            .limit(20_000)
            .blockSize(333)
            .checkpointEvery(10_000)
            .run(tree, stream);
    assertEquals(20_000, r.instances());
    assertEquals(20_000, r.scored());
    PrequentialResult.Metrics c = r.cumulative();
    assertEquals(10.881359308771204, c.mae());
    assertEquals(19.975898676199105, c.rmse());
    assertEquals(0.9157269731015587, c.r2());
    assertEquals(c.mae(), r.mae());
    assertEquals(c.rmse(), r.rmse());
    assertEquals(c.r2(), r.r2());
    assertTrue(Double.isNaN(r.accuracy()), "no classification metric for a regressor");
    PrequentialResult.Metrics w = r.window();
    assertEquals(1000, w.count());
    assertEquals(6.827730311831933, w.mae());
    assertEquals(12.03663460640827, w.rmse());
    assertEquals(0.9710916134428788, w.r2());
    assertEquals(2, r.checkpoints().size());
    assertEquals(c.rmse(), r.checkpoints().get(1).accuracy(), "the checkpoint holds the RMSE");
  }

  @Test
  void regressorOnClassificationStreamIsRejected() {
    InstanceStream reg = StreamSpecs.parse("hyperplane-regression", 1);
    RegressionTree tree = new RegressionTree(reg.schema(), RegressionTreeConfig.defaults());
    assertThrows(
        IllegalArgumentException.class,
        () -> new PrequentialEvaluator().limit(10).run(tree, StreamSpecs.parse("hyperplane", 1)));
  }
}

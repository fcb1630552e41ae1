package org.coppice.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cumulative and windowed metrics against hand-computed values. */
class ClassificationMetricsTest {
  // (actual, votes) pairs; predicted = first argmax of votes.
  static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 1, 0};
  static final double[][] VOTES = {
    {2, 1, 1}, // pred 0, p(actual) = 1/2
    {1, 0, 0}, // pred 0, p = 1
    {1, 3, 0}, // pred 1, p = 1/4
    {0, 1, 0}, // pred 1, p = 1
    {0, 0, 5}, // pred 2, p = 0 -> clipped to 1e-15
    {0, 0, 1}, // pred 2, p = 1
    {1, 1, 2}, // pred 2, p = 1/2
    {0, 0, 0}, // pred 0, no opinion -> uniform p = 1/3
    {0, 4, 0}, // pred 1, p = 1
    {3, 1, 0}, // pred 0, p = 3/4
  };

  @Test
  void handComputedMetrics() {
    ClassificationMetrics m = new ClassificationMetrics(3);
    assertTrue(Double.isNaN(m.accuracy()));
    assertTrue(Double.isNaN(m.kappa()));
    assertTrue(Double.isNaN(m.macroF1()));
    assertTrue(Double.isNaN(m.logLoss()));
    for (int i = 0; i < ACTUAL.length; i++) {
      m.add(ACTUAL[i], VOTES[i], 1);
    }
    m.add(1, new double[] {1, 0, 0}, 0); // zero weight: ignored
    m.add(1, new double[] {1, 0, 0}, -1); // negative weight: ignored
    assertEquals(10, m.count());
    assertEquals(10, m.weight());
    double[][] expected = {{3, 1, 0}, {0, 2, 1}, {1, 0, 2}};
    double[][] cm = m.confusionMatrix();
    for (int a = 0; a < 3; a++) {
      assertArrayEquals(expected[a], cm[a]);
    }
    assertEquals(0.7, m.accuracy(), 1e-15);
    // Actual marginals 4, 3, 3; predicted 4, 3, 3; pc = 0.34; kappa = 0.36/0.66 = 6/11.
    assertEquals(6.0 / 11, m.kappa(), 1e-15);
    // F1: class 0: 2*3/(4+4), classes 1 and 2: 2*2/(3+3). Mean = 25/36.
    assertEquals(25.0 / 36, m.macroF1(), 1e-15);
    // -ln: ln2 + 0 + ln4 + 0 + 15 ln10 + 0 + ln2 + ln3 + 0 + ln(4/3) = 6 ln2 + 15 ln10.
    assertEquals((6 * Math.log(2) + 15 * Math.log(10)) / 10, m.logLoss(), 1e-12);

    cm[0][0] = 99;
    assertEquals(3, m.confusionMatrix()[0][0], "confusionMatrix returns a copy");

    m.reset();
    assertEquals(0, m.count());
    assertTrue(Double.isNaN(m.accuracy()));
  }

  @Test
  void weightsScaleContributions() {
    ClassificationMetrics w = new ClassificationMetrics(2);
    ClassificationMetrics r = new ClassificationMetrics(2);
    w.add(0, new double[] {1, 0}, 3);
    w.add(1, new double[] {1, 3}, 1);
    w.add(1, new double[] {2, 1}, 2);
    for (int k = 0; k < 3; k++) {
      r.add(0, new double[] {1, 0}, 1);
    }
    r.add(1, new double[] {1, 3}, 1);
    for (int k = 0; k < 2; k++) {
      r.add(1, new double[] {2, 1}, 1);
    }
    assertEquals(4.0 / 6, w.accuracy(), 1e-15);
    assertEquals(r.accuracy(), w.accuracy(), 1e-15);
    assertEquals(r.kappa(), w.kappa(), 1e-15);
    assertEquals(r.macroF1(), w.macroF1(), 1e-15);
    assertEquals(r.logLoss(), w.logLoss(), 1e-15);
    // Kappa by hand: p0 = 4/6, actual 3/6 and 3/6, predicted 5/6 and 1/6, pc = 1/2.
    assertEquals((4.0 / 6 - 0.5) / 0.5, w.kappa(), 1e-15);
    // F1: class 0: 2*3/(3+5) = 3/4; class 1: 2*1/(3+1) = 1/2.
    assertEquals(0.625, w.macroF1(), 1e-15);
    assertEquals(6, w.weight());
    assertEquals(3, w.count());
  }

  @Test
  void macroF1IgnoresAbsentClassesAndKappaOfPerfectSingleClassIsNaN() {
    ClassificationMetrics m = new ClassificationMetrics(4);
    m.add(1, new double[] {0, 1, 0, 0}, 1);
    m.add(1, new double[] {0, 1, 0, 0}, 1);
    assertEquals(1.0, m.macroF1());
    assertEquals(1.0, m.accuracy());
    assertTrue(Double.isNaN(m.kappa()));
    assertEquals(0.0, m.logLoss());
    assertThrows(IllegalArgumentException.class, () -> m.add(4, new double[4], 1));
    assertThrows(IllegalArgumentException.class, () -> m.add(-1, new double[4], 1));
  }

  @Test
  void windowedEqualsCumulativeOverTheLastW() {
    int classes = 3;
    int w = 37;
    Random r = new Random(11);
    int n = 2000;
    int[] actual = new int[n];
    double[][] votes = new double[n][];
    double[] weight = new double[n];
    WindowedClassificationMetrics win = new WindowedClassificationMetrics(classes, w);
    for (int t = 0; t < n; t++) {
      actual[t] = r.nextInt(classes);
      votes[t] = new double[] {r.nextInt(3), r.nextInt(3), r.nextDouble()};
      weight[t] = r.nextInt(4) == 0 ? 0.5 + r.nextInt(3) : 1;
      win.add(actual[t], votes[t], weight[t]);
      ClassificationMetrics ref = new ClassificationMetrics(classes);
      for (int i = Math.max(0, t - w + 1); i <= t; i++) {
        ref.add(actual[i], votes[i], weight[i]);
      }
      assertEquals(ref.count(), win.count());
      assertEquals(ref.weight(), win.weight(), 1e-9);
      assertEquals(ref.accuracy(), win.accuracy(), 1e-12, "accuracy at " + t);
      assertEquals(ref.kappa(), win.kappa(), 1e-12, "kappa at " + t);
      assertEquals(ref.macroF1(), win.macroF1(), 1e-12, "macro F1 at " + t);
      assertEquals(ref.logLoss(), win.logLoss(), 1e-9, "log loss at " + t);
      if ((t + 1) % w == 0) {
        // Right after a wrap the sums are recomputed from the ring: exactly equal.
        assertEquals(ref.logLoss(), win.logLoss());
        double[][] a = ref.confusionMatrix();
        double[][] b = win.confusionMatrix();
        for (int c = 0; c < classes; c++) {
          assertArrayEquals(a[c], b[c]);
        }
      }
    }
    win.reset();
    assertEquals(0, win.count());
    assertTrue(Double.isNaN(win.accuracy()));
  }

  @Test
  void windowIgnoresNonPositiveWeights() {
    WindowedClassificationMetrics win = new WindowedClassificationMetrics(2, 2);
    win.add(0, new double[] {1, 0}, 1);
    win.add(1, new double[] {1, 0}, 1);
    win.add(1, new double[] {1, 0}, 0);
    assertEquals(2, win.count());
    assertEquals(0.5, win.accuracy());
    win.add(1, new double[] {0, 1}, 1);
    assertEquals(0.5, win.accuracy());
    win.add(1, new double[] {0, 1}, 1);
    assertEquals(1.0, win.accuracy());
  }
}

package org.coppice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PredictionTest {
  @Test
  void finiteVotesKeepThePrequentialArgmaxAndSumToOne() {
    double[] v = {1.0, 3.0, 3.0};
    assertEquals(1, Prediction.normalise(v));
    assertArrayEquals(new double[] {1 / 7.0, 3 / 7.0, 3 / 7.0}, v, 1e-15);
  }

  @Test
  void noOpinionIsUniformAndClassZero() {
    double[] v = {0, 0};
    assertEquals(0, Prediction.normalise(v));
    assertArrayEquals(new double[] {0.5, 0.5}, v);
  }

  /**
   * A tree with subnormal votes overflows 1/sum (as in MOA): [NaN, +inf] is all mass on class 1.
   */
  @Test
  void overflowedVotesGiveTheMassToTheInfiniteClasses() {
    double[] v = {Double.NaN, Double.POSITIVE_INFINITY};
    assertEquals(1, Prediction.normalise(v));
    assertArrayEquals(new double[] {0, 1}, v);
    double[] w = {Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY};
    assertEquals(0, Prediction.normalise(w));
    assertArrayEquals(new double[] {0.5, 0, 0.5}, w);
    double[] nan = {Double.NaN, 2.0};
    assertEquals(1, Prediction.normalise(nan));
    assertArrayEquals(new double[] {0, 1}, nan);
  }
}

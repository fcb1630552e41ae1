package org.coppice.learn.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.junit.jupiter.api.Test;

/** The neighbour set, the window and the vote, on hand-made data. */
class KnnTest {
  private static final Schema ONE_FEATURE =
      new Schema(
          "t",
          List.of(Attribute.numeric("a"), Attribute.nominal("n", List.of("p", "q"))),
          Attribute.nominal("class", List.of("x", "y", "z")));

  private static double[] votes(Knn knn, double a, double n) {
    double[] v = new double[3];
    knn.votes(new double[] {a, n}, v);
    return v;
  }

  @Test
  void noOpinionBeforeLearning() {
    Knn knn = new Knn(ONE_FEATURE, KnnConfig.DEFAULTS);
    assertArrayEquals(new double[3], votes(knn, 1, 0));
  }

  @Test
  void tiesAtTheKthDistanceAllVote() {
    Knn knn = new Knn(ONE_FEATURE, new KnnConfig(1, 10));
    knn.learn(new double[] {0, 0}, 0, 1);
    knn.learn(new double[] {1, 0}, 1, 1);
    knn.learn(new double[] {1, 0}, 2, 1);
    assertArrayEquals(new double[] {0, 1, 1}, votes(knn, 1, 0));
    assertArrayEquals(new double[] {1, 0, 0}, votes(knn, 0, 0));
    // All three are 0.5 away (scaled): one neighbour asked, three vote.
    assertArrayEquals(new double[] {1, 1, 1}, votes(knn, 0.5, 0));
    // The nominal feature differs by 1, whatever the values.
    assertArrayEquals(new double[] {1, 0, 0}, votes(knn, 0.1, 1));
  }

  @Test
  void theWindowDropsTheOldestAndWeightsOnlyGateLearning() {
    Knn knn = new Knn(ONE_FEATURE, new KnnConfig(5, 2));
    knn.learn(new double[] {0, 0}, 0, 1);
    knn.learn(new double[] {1, 0}, 1, 0);
    knn.learn(new double[] {1, 0}, 1, -1);
    knn.learn(new double[] {1, 0}, -1, 1);
    knn.learn(new double[] {1, 0}, 1, 7.5);
    assertArrayEquals(new double[] {1, 1, 0}, votes(knn, 0, 0));
    knn.learn(new double[] {2, 1}, 2, 1);
    assertEquals(2, knn.windowSize());
    assertArrayEquals(new double[] {0, 1, 1}, votes(knn, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> knn.learn(new double[] {0, 0}, 3, 1));
    assertEquals(Map.of("window_fill", 2, "window", 2, "k", 5), KnnType.TYPE.structureOf(knn));
  }

  @Test
  void aFeatureMissingFromTheWholeWindowLetsTheOldestVote() {
    Knn knn = new Knn(ONE_FEATURE, new KnnConfig(2, 10));
    knn.learn(new double[] {Double.NaN, 0}, 0, 1);
    knn.learn(new double[] {Double.NaN, 0}, 1, 1);
    knn.learn(new double[] {Double.NaN, 1}, 2, 1);
    // As MOA: the scaled distance is NaN for every instance, so its search keeps the first k.
    assertArrayEquals(new double[] {1, 1, 0}, votes(knn, 5, 1));
    // Both missing: each differs by 1; the nominal feature puts the third nearest (1) and the
    // other two tie at the second distance (2), so all three vote.
    assertArrayEquals(new double[] {1, 1, 1}, votes(knn, Double.NaN, 1));
  }

  @Test
  void oneMissingValueDiffersByTheFartherEndOfTheRange() {
    Knn knn = new Knn(ONE_FEATURE, new KnnConfig(1, 10));
    knn.learn(new double[] {0, 0}, 0, 1);
    knn.learn(new double[] {10, 1}, 1, 1);
    knn.learn(new double[] {Double.NaN, 1}, 2, 1);
    // 8 scales to 0.8: 0.2 from the second, 0.8 from a missing value, (1 - 0) + 1 from the first.
    assertArrayEquals(new double[] {0, 1, 0}, votes(knn, 8, 1));
    // 3 scales to 0.3: against a missing value the difference is 1 - 0.3 = 0.7 < 1 + 0.7^2.
    assertArrayEquals(new double[] {1, 0, 0}, votes(knn, 3, 0));
  }
}

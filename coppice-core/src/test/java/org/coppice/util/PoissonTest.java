package org.coppice.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Test vectors produced with moa-2024.07.0.jar: MiscUtils.poisson(λ, new Random(1)). */
class PoissonTest {
  @Test
  void lambdaSixMatchesMoa() {
    assertArrayEquals(
        new int[] {7, 5, 4, 5, 11, 1, 11, 10, 10, 10, 5, 5, 5, 6, 3, 8, 7, 4, 5, 3},
        draws(6.0, 20));
  }

  @Test
  void lambdaOneMatchesMoa() {
    assertArrayEquals(
        new int[] {1, 1, 0, 0, 3, 0, 3, 3, 3, 3, 1, 0, 0, 1, 0, 2, 1, 0, 1, 0}, draws(1.0, 20));
  }

  private static int[] draws(double lambda, int n) {
    JavaRandom r = new JavaRandom(1);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = Poisson.draw(lambda, r);
    }
    return out;
  }
}

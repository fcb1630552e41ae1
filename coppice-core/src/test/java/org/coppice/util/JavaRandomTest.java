package org.coppice.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JavaRandomTest {
  @Test
  void matchesJavaUtilRandomDrawForDraw() {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      Random expected = new Random(seed);
      JavaRandom actual = new JavaRandom(seed);
      for (int i = 0; i < 2000; i++) {
        switch (i % 7) {
          case 0 -> assertEquals(expected.nextInt(), actual.nextInt());
          case 1 -> assertEquals(expected.nextInt(10), actual.nextInt(10));
          case 2 -> assertEquals(expected.nextInt(64), actual.nextInt(64));
          case 3 -> assertEquals(expected.nextDouble(), actual.nextDouble());
          case 4 -> assertEquals(expected.nextGaussian(), actual.nextGaussian());
          case 5 -> assertEquals(expected.nextLong(), actual.nextLong());
          default -> assertEquals(expected.nextBoolean(), actual.nextBoolean());
        }
      }
    }
  }

  @Test
  void stateRoundTripsMidGaussianPair() {
    JavaRandom a = new JavaRandom(9);
    a.nextGaussian(); // leaves the second of the pair stored
    JavaRandom b = new JavaRandom(0);
    b.restore(a.state(), a.hasNextGaussian(), a.storedNextGaussian());
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextGaussian(), b.nextGaussian());
      assertEquals(a.nextInt(1000), b.nextInt(1000));
    }
  }
}

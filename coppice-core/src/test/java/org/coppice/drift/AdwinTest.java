package org.coppice.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ADWIN and ADWINChangeDetector against test vectors produced with MOA 2024.07. */
class AdwinTest {

  static double[] step(int n, double before, double after) {
    double[] x = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      x[i] = i < n ? before : after;
    }
    return x;
  }

  /** The Bernoulli error stream of the reference test vectors. */
  static double[] bernoulli() {
    Random r = new Random(42);
    double[] x = new double[6000];
    for (int t = 0; t < x.length; t++) {
      double p = t < 3000 ? 0.2 : 0.5;
      x[t] = r.nextDouble() < p ? 1 : 0;
    }
    return x;
  }

  static List<Integer> changes(DriftDetector d, double[] xs) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      if (d.update(xs[i])) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void changeDetectorOnZerosThenOnes() {
    double[] xs = step(1000, 0, 1);
    assertEquals(List.of(1023, 1055, 1087), changes(new AdwinChangeDetector(), xs));
    assertEquals(List.of(1023, 1055, 1087), changes(new AdwinChangeDetector(0.002), xs));
    assertEquals(List.of(1023, 1055), changes(new AdwinChangeDetector(0.01), xs));
    assertEquals(List.of(1023, 1055), changes(new AdwinChangeDetector(0.001), xs));
  }

  @Test
  void changeDetectorIgnoresADecreaseThatRawAdwinCuts() {
    double[] xs = step(1000, 1, 0);
    for (double delta : new double[] {0.002, 0.01, 0.001}) {
      assertEquals(List.of(), changes(new AdwinChangeDetector(delta), xs));
    }
    assertEquals(List.of(1023, 1055, 1087), changes(new Adwin(0.002), xs));
    assertEquals(List.of(1023, 1055), changes(new Adwin(0.01), xs));
    assertEquals(List.of(1023, 1055), changes(new Adwin(0.001), xs));
  }

  @Test
  void changeDetectorOnBernoulliStream() {
    assertEquals(
        List.of(3103, 3135, 3167, 3263), changes(new AdwinChangeDetector(0.01), bernoulli()));
  }

  @Test
  void changeDetectorLifecycle() {
    AdwinChangeDetector d = new AdwinChangeDetector(0.01);
    assertNull(d.adwin());
    assertEquals(0.0, d.estimation());
    assertFalse(d.inWarningZone());
    d.update(1);
    d.update(0);
    assertEquals(0.5, d.estimation());
    assertEquals(2, d.adwin().width());
    AdwinChangeDetector f = d.freshCopy();
    assertNull(f.adwin());
    assertEquals(0.01, f.delta());
  }

  @Test
  void statisticsEqualTwoPassOverTheWindow() {
    Random r = new Random(7);
    Adwin a = new Adwin();
    List<Double> all = new ArrayList<>();
    for (int t = 0; t < 5000; t++) {
      // Mean shifts every 1000 inputs, so the window is cut several times.
      double x = (t / 1000 % 2 == 0 ? 0.0 : 3.0) + r.nextGaussian();
      all.add(x);
      a.setInput(x);
      if (t % 97 == 0 || t == 4999) {
        int w = a.width();
        double mean = 0;
        for (int i = all.size() - w; i < all.size(); i++) {
          mean += all.get(i);
        }
        mean /= w;
        double ss = 0;
        for (int i = all.size() - w; i < all.size(); i++) {
          double d = all.get(i) - mean;
          ss += d * d;
        }
        assertEquals(mean, a.estimation(), 1e-9, "mean at " + t);
        assertEquals(ss / w, a.variance(), 1e-9 * Math.max(1, ss / w), "variance at " + t);
        assertEquals(mean * w, a.total(), 1e-7);
        assertEquals(w, sumOfBucketSizes(a));
      }
    }
    assertTrue(a.width() < 5000, "the window should have been cut");
  }

  static long sumOfBucketSizes(Adwin a) {
    long w = 0;
    for (int r = 0; r < a.rows(); r++) {
      assertTrue(a.rowCount(r) <= Adwin.MAX_BUCKETS);
      w += (long) a.rowCount(r) << r;
    }
    return w;
  }

  @Test
  void bucketSumsEqualTheirInputs() {
    // A trend would be cut, so no check happens within these 100 inputs (clock 1000).
    Adwin a = new Adwin(0.002, 1000);
    for (int t = 1; t <= 100; t++) {
      a.setInput(t);
    }
    // Newest inputs are in row 0; walking from the oldest bucket gives the inputs in order.
    int next = 1;
    for (int r = a.rows() - 1; r >= 0; r--) {
      for (int s = 0; s < a.rowCount(r); s++) {
        int size = 1 << r;
        double expected = 0;
        double mean = next + (size - 1) / 2.0;
        double var = 0;
        for (int i = 0; i < size; i++) {
          expected += next + i;
          var += (next + i - mean) * (next + i - mean);
        }
        assertEquals(expected, a.bucketSum(r, s));
        assertEquals(var, a.bucketVariance(r, s), 1e-9);
        next += size;
      }
    }
    assertEquals(101, next);
  }

  @Test
  void findsAnAbruptChangeInAGaussianMean() {
    Random r = new Random(2024);
    Adwin a = new Adwin(0.002);
    int first = -1;
    for (int t = 0; t < 6000; t++) {
      double x = (t < 4000 ? 0.0 : 1.0) + 0.5 * r.nextGaussian();
      boolean cut = a.setInput(x);
      if (cut && first < 0) {
        first = t;
      }
    }
    assertTrue(first >= 4000 && first < 4200, "first cut at " + first);
    // After the cuts the window holds (almost) only post-change data.
    assertTrue(a.width() <= 2000 + 64, "width " + a.width());
    assertEquals(1.0, a.estimation(), 0.05);
  }

  @Test
  void noCutOnAStationaryConstantStream() {
    Adwin a = new Adwin();
    for (int t = 0; t < 10000; t++) {
      assertFalse(a.setInput(0.25));
    }
    assertEquals(10000, a.width());
    assertEquals(0.25, a.estimation());
    assertEquals(0.0, a.variance());
    assertEquals(10000, a.time());
  }

  @Test
  void restoreContinuesIdentically() {
    double[] xs = bernoulli();
    Adwin a = new Adwin(0.01);
    for (int t = 0; t < 3050; t++) {
      a.setInput(xs[t]);
    }
    Adwin b =
        Adwin.restore(
            a.delta(),
            a.clock(),
            a.time(),
            a.total(),
            a.varianceSum(),
            a.rowCounts(),
            a.bucketSums(),
            a.bucketVariances());
    assertEquals(a.width(), b.width());
    for (int t = 3050; t < xs.length; t++) {
      assertEquals(a.setInput(xs[t]), b.setInput(xs[t]), "input " + t);
      assertEquals(a.total(), b.total());
      assertEquals(a.varianceSum(), b.varianceSum());
    }
    assertArrayEquals(a.rowCounts(), b.rowCounts());
    assertArrayEquals(a.bucketSums(), b.bucketSums());
    assertArrayEquals(a.bucketVariances(), b.bucketVariances());

    AdwinChangeDetector d = new AdwinChangeDetector(0.01);
    for (int t = 0; t < 3100; t++) {
      d.update(xs[t]);
    }
    Adwin inner = d.adwin();
    AdwinChangeDetector e =
        AdwinChangeDetector.restore(
            d.delta(),
            Adwin.restore(
                inner.delta(),
                inner.clock(),
                inner.time(),
                inner.total(),
                inner.varianceSum(),
                inner.rowCounts(),
                inner.bucketSums(),
                inner.bucketVariances()),
            d.changeDetected(),
            d.estimation());
    for (int t = 3100; t < xs.length; t++) {
      assertEquals(d.update(xs[t]), e.update(xs[t]), "input " + t);
    }
  }

  @Test
  void restoreRejectsInconsistentState() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Adwin.restore(0.002, 32, 0, 0, 0, new int[] {6}, new double[6], new double[6]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Adwin.restore(0.002, 32, 0, 0, 0, new int[] {1, 0}, new double[12], new double[12]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Adwin.restore(0.002, 32, 0, 0, 0, new int[] {1}, new double[3], new double[6]));
    assertThrows(IllegalArgumentException.class, () -> new Adwin(0));
    assertThrows(IllegalArgumentException.class, () -> new Adwin(0.1, 0));
  }
}

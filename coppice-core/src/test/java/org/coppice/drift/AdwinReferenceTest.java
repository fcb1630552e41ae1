package org.coppice.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Adwin} against a plain, unoptimised transcription of the ADWIN procedure described for MOA
 * 2024.07 (bucket rows as lists, every boundary tested with the full ε formula). Both must agree
 * bit for bit on every input, which checks the exact-arithmetic shortcuts of the fast version.
 */
class AdwinReferenceTest {

  /** The reference: rows of buckets as lists, row 0 newest, index 0 oldest within a row. */
  static final class Reference {
    final double delta;
    final int clock;
    final List<List<double[]>> rows = new ArrayList<>(); // bucket = {sum, variance}
    int time;
    int width;
    double total;
    double variance;

    Reference(double delta, int clock) {
      this.delta = delta;
      this.clock = clock;
      rows.add(new ArrayList<>());
    }

    static int size(int row) {
      return (int) Math.pow(2, row);
    }

    boolean setInput(double x) {
      time++;
      width++;
      rows.get(0).add(new double[] {x, 0});
      double inc = 0;
      if (width > 1) {
        inc = (width - 1) * (x - total / (width - 1)) * (x - total / (width - 1)) / width;
      }
      variance += inc;
      total += x;
      for (int r = 0; r < rows.size() && rows.get(r).size() == 6; r++) {
        if (r + 1 == rows.size()) {
          rows.add(new ArrayList<>());
        }
        List<double[]> row = rows.get(r);
        int n1 = size(r);
        int n2 = size(r);
        double u1 = row.get(0)[0] / n1;
        double u2 = row.get(1)[0] / n2;
        double incV = n1 * n2 * (u1 - u2) * (u1 - u2) / (n1 + n2);
        rows.get(r + 1)
            .add(
                new double[] {row.get(0)[0] + row.get(1)[0], row.get(0)[1] + row.get(1)[1] + incV});
        row.remove(0);
        row.remove(0);
      }
      boolean change = false;
      if (time % clock == 0 && width > 10) {
        boolean again = true;
        while (again) {
          again = false;
          int n0 = 0;
          int n1 = width;
          double u0 = 0;
          double u1 = total;
          scan:
          for (int r = rows.size() - 1; r >= 0; r--) {
            List<double[]> row = rows.get(r);
            for (int k = 0; k < row.size(); k++) {
              n0 += size(r);
              n1 -= size(r);
              u0 += row.get(k)[0];
              u1 -= row.get(k)[0];
              if (r == 0 && k == row.size() - 1) {
                break scan;
              }
              double diff = (u0 / n0) - (u1 / n1);
              if (n1 > 6 && n0 > 6 && cut(n0, n1, diff)) {
                change = true;
                again = true;
                deleteOldest();
                break scan;
              }
            }
          }
        }
      }
      return change;
    }

    boolean cut(int n0, int n1, double diff) {
      int n = width;
      double dd = Math.log(2 * Math.log(n) / delta);
      double v = variance / width;
      double m = ((double) 1 / ((n0 - 5 + 1))) + ((double) 1 / ((n1 - 5 + 1)));
      double epsilon = Math.sqrt(2 * m * v * dd) + (double) 2 / 3 * dd * m;
      return Math.abs(diff) > epsilon;
    }

    void deleteOldest() {
      int last = rows.size() - 1;
      List<double[]> row = rows.get(last);
      int n1 = size(last);
      width -= n1;
      total -= row.get(0)[0];
      double u1 = row.get(0)[0] / n1;
      double inc =
          row.get(0)[1] + n1 * width * (u1 - total / width) * (u1 - total / width) / (n1 + width);
      variance -= inc;
      row.remove(0);
      if (row.isEmpty()) {
        rows.remove(last);
      }
    }
  }

  /** Feeds both; returns the number of inputs with a cut. */
  static int compare(double delta, int clock, double[] xs) {
    Adwin fast = new Adwin(delta, clock);
    Reference ref = new Reference(delta, clock);
    int cuts = 0;
    for (int t = 0; t < xs.length; t++) {
      boolean a = fast.setInput(xs[t]);
      boolean b = ref.setInput(xs[t]);
      assertEquals(b, a, "cut at input " + t);
      cuts += a ? 1 : 0;
      assertEquals(ref.width, fast.width());
      assertEquals(ref.total, fast.total(), "total at " + t);
      assertEquals(ref.variance, fast.varianceSum(), "variance at " + t);
    }
    assertEquals(ref.rows.size(), fast.rows());
    for (int r = 0; r < ref.rows.size(); r++) {
      assertEquals(ref.rows.get(r).size(), fast.rowCount(r));
      for (int s = 0; s < ref.rows.get(r).size(); s++) {
        assertArrayEquals(
            ref.rows.get(r).get(s), new double[] {fast.bucketSum(r, s), fast.bucketVariance(r, s)});
      }
    }
    return cuts;
  }

  @Test
  void bernoulliStreamsWithShifts() {
    Random r = new Random(1);
    double[] ps = {0.1, 0.4, 0.15, 0.9, 0.5};
    double[] xs = new double[20000];
    for (int t = 0; t < xs.length; t++) {
      xs[t] = r.nextDouble() < ps[t / 4000] ? 1 : 0;
    }
    for (double delta : new double[] {0.002, 0.01, 0.3, 1e-5}) {
      assertTrue(compare(delta, 32, xs) >= 4);
    }
    assertTrue(compare(0.05, 1, xs) >= 4);
    assertTrue(compare(0.05, 7, xs) >= 4);
  }

  @Test
  void gaussianStreamsWithDriftAndOutliers() {
    Random r = new Random(2);
    double[] xs = new double[20000];
    for (int t = 0; t < xs.length; t++) {
      double mean = t < 10000 ? Math.sin(t / 700.0) : 5 + t / 5000.0;
      xs[t] = mean + (r.nextInt(200) == 0 ? 50 : 1) * r.nextGaussian();
    }
    for (double delta : new double[] {0.002, 0.1, 0.9}) {
      assertTrue(compare(delta, 32, xs) > 10);
    }
    assertTrue(compare(0.01, 3, xs) > 10);
  }

  @Test
  void nearlyConstantStreams() {
    Random r = new Random(3);
    double[] xs = new double[15000];
    for (int t = 0; t < xs.length; t++) {
      // A large offset makes the two means cancel in u0/n0 - u1/n1.
      xs[t] = 1e8 + (t < 9000 ? 0 : 0.05) + 0.05 * r.nextGaussian();
    }
    assertTrue(compare(0.002, 32, xs) > 0);
    assertTrue(compare(0.5, 1, xs) > 0);
  }
}

package org.coppice.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.learn.baseline.MajorityClass;
import org.coppice.learn.bayes.NaiveBayes;
import org.junit.jupiter.api.Test;

/** NaiveBayes, MajorityClass and GaussianEstimator against hand-computed answers. */
class BaselinesTest {
  private static final double NAN = Double.NaN;

  private static Schema schema() {
    return new Schema(
        "toy",
        List.of(Attribute.numeric("a"), Attribute.nominal("b", List.of("x", "y", "z"))),
        Attribute.nominal("class", List.of("p", "n")));
  }

  @Test
  void naiveBayesHandComputed() {
    NaiveBayes nb = new NaiveBayes(schema());
    double[] v = new double[2];
    nb.votes(new double[] {2, 0}, v);
    assertArrayEquals(new double[] {0, 0}, v, "no opinion before learning");

    nb.learn(new double[] {1, 0}, 0, 1);
    nb.learn(new double[] {3, 1}, 0, 1);
    nb.learn(new double[] {2, 0}, 1, 1);
    nb.learn(new double[] {NAN, 0}, 1, 1);
    nb.learn(new double[] {6, NAN}, 1, 1);
    nb.learn(new double[] {5, 0}, -1, 1); // missing label: ignored
    nb.learn(new double[] {5, 0}, 1, 0); // zero weight: ignored

    // Priors 2/5 and 3/5. Class p: a ~ N(2, 2), b counts x=1, y=1 (V_p = 2).
    // Class n: a ~ N(4, 8), b counts x=2 (V_n = 1).
    double sqrtPi = Math.sqrt(Math.PI);
    nb.votes(new double[] {2, 0}, v);
    // p: 0.4 * 1/sqrt(4π) * (1+1)/(2+2); n: 0.6 * exp(-1/4)/sqrt(16π) * (2+1)/(2+1)
    assertEquals(0.1 / sqrtPi, v[0], 1e-15);
    assertEquals(0.15 * Math.exp(-0.25) / sqrtPi, v[1], 1e-15);
    assertEquals(1, nb.predict(new double[] {2, 0}));

    nb.votes(new double[] {2, 2}, v);
    // unseen value z: p gets (0+1)/(2+2), n gets (0+1)/(2+1)
    assertEquals(0.05 / sqrtPi, v[0], 1e-15);
    assertEquals(0.05 * Math.exp(-0.25) / sqrtPi, v[1], 1e-15);

    nb.votes(new double[] {NAN, 1}, v);
    // a missing: p = 0.4 * (1+1)/(2+2) = 0.2; n = 0.6 * (0+1)/(2+1) = 0.2
    assertEquals(0.2, v[0], 1e-15);
    assertEquals(0.2, v[1], 1e-15);
    assertEquals(0, Classifier.argmax(v));
    assertArrayEquals(new double[] {2, 3}, nb.classWeights());
  }

  @Test
  void naiveBayesClassWithoutValuesScoresZero() {
    NaiveBayes nb = new NaiveBayes(schema());
    nb.learn(new double[] {1, 0}, 0, 1);
    nb.learn(new double[] {NAN, NAN}, 1, 3);
    double[] v = new double[2];
    // p: 0.25 * (σ = 0 and x = μ -> 1) * (1+1)/(1+1); n: no estimator for a -> 0
    nb.votes(new double[] {1, 0}, v);
    assertArrayEquals(new double[] {0.25, 0}, v, 1e-15);
    // Only b known: n still has no counts for b -> 0.
    nb.votes(new double[] {NAN, 0}, v);
    assertArrayEquals(new double[] {0.25, 0}, v, 1e-15);
    // Nothing known: the priors.
    nb.votes(new double[] {NAN, NAN}, v);
    assertArrayEquals(new double[] {0.25, 0.75}, v, 1e-15);
    // σ = 0 and x differs from μ: 0.
    nb.votes(new double[] {1.5, NAN}, v);
    assertArrayEquals(new double[] {0, 0}, v, 1e-15);
  }

  @Test
  void naiveBayesWeightActsAsRepetition() {
    NaiveBayes a = new NaiveBayes(schema());
    NaiveBayes b = new NaiveBayes(schema());
    double[][] xs = {{1, 0}, {2.5, 1}, {0.5, 2}, {4, 1}};
    int[] ys = {0, 1, 0, 1};
    for (int i = 0; i < xs.length; i++) {
      a.learn(xs[i], ys[i], 2);
      b.learn(xs[i], ys[i], 1);
      b.learn(xs[i], ys[i], 1);
    }
    double[] va = new double[2];
    double[] vb = new double[2];
    for (double[] q : new double[][] {{1, 0}, {3, 1}, {NAN, 2}, {0, NAN}}) {
      a.votes(q, va);
      b.votes(q, vb);
      assertArrayEquals(vb, va, 1e-12);
    }
  }

  @Test
  void majorityClass() {
    MajorityClass m = new MajorityClass(schema());
    double[] v = new double[2];
    m.votes(new double[2], v);
    assertArrayEquals(new double[] {0, 0}, v);
    assertEquals(0, m.predict(new double[2]));
    m.learn(new double[2], 1, 1);
    m.learn(new double[2], 0, 0.5);
    m.learn(new double[2], 1, -1); // ignored
    m.learn(new double[2], -1, 1); // ignored
    m.votes(new double[2], v);
    assertArrayEquals(new double[] {0.5, 1}, v);
    assertEquals(1, m.predict(new double[2]));
    m.learn(new double[2], 0, 0.5);
    assertEquals(0, m.predict(new double[2]), "ties go to the first class");
  }

  @Test
  void gaussianEstimatorHandComputed() {
    GaussianEstimator g = new GaussianEstimator();
    assertEquals(0.0, g.density(0));
    g.add(1, 1);
    assertEquals(0.0, g.variance());
    assertEquals(1.0, g.density(1));
    assertEquals(0.0, g.density(2));
    g.add(Double.NaN, 1);
    g.add(Double.POSITIVE_INFINITY, 1);
    g.add(3, 2);
    // Same as 1, 3, 3: mean 7/3, scatter 8/3, variance (8/3)/2.
    assertEquals(3, g.weightSum());
    assertEquals(7.0 / 3, g.mean(), 1e-14);
    assertEquals(8.0 / 3, g.scatter(), 1e-14);
    assertEquals(4.0 / 3, g.variance(), 1e-14);
    double sd = Math.sqrt(4.0 / 3);
    double expected = Math.exp(-(1.0 / 9) / (2 * 4.0 / 3)) / (sd * Math.sqrt(2 * Math.PI));
    assertEquals(expected, g.density(2), 1e-14);
  }

  @Test
  void gaussianEstimatorMatchesTwoPassWeighted() {
    Random r = new Random(3);
    GaussianEstimator g = new GaussianEstimator();
    double[] x = new double[1000];
    double[] w = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 3 * r.nextGaussian();
      w[i] = 0.5 + r.nextDouble();
      g.add(x[i], w[i]);
    }
    double sw = 0;
    double swx = 0;
    for (int i = 0; i < x.length; i++) {
      sw += w[i];
      swx += w[i] * x[i];
    }
    double mean = swx / sw;
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * (x[i] - mean) * (x[i] - mean);
    }
    assertEquals(sw, g.weightSum(), 1e-9);
    assertEquals(mean, g.mean(), 1e-12);
    assertEquals(s, g.scatter(), 1e-8);
    assertEquals(s / (sw - 1), g.variance(), 1e-10);
  }
}

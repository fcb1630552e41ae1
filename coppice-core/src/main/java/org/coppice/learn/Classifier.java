package org.coppice.learn;

import org.coppice.data.Instance;

/**
 * An incremental classifier: it predicts, then learns, one instance at a time.
 *
 * <p>Contract: {@link #votes} never changes the model; {@link #learn} ignores instances with a
 * missing label or a weight that is not positive. Implementations are not thread-safe unless they
 * say so.
 */
public interface Classifier extends Learner {
  @Override
  default Task task() {
    return Task.CLASSIFICATION;
  }

  /**
   * Writes unnormalised class votes for {@code x} into {@code votes} (length {@code numClasses}).
   * All zeros means the classifier has no opinion yet; the predicted class is then 0, the first
   * argmax.
   */
  void votes(double[] x, double[] votes);

  /** Learns one instance with class {@code y} and weight {@code weight}. */
  void learn(double[] x, int y, double weight);

  /**
   * Test-then-train over a block of instances: for each {@code i < n} in order, writes the votes
   * for {@code batch[i]} (made before the model learns {@code batch[i]}) into {@code votes[i]},
   * then learns it. The result must equal calling {@link #votes} and {@link #learn} alternately;
   * implementations may override it to work on the block in parallel.
   */
  default void testThenTrain(Instance[] batch, int n, double[][] votes) {
    for (int i = 0; i < n; i++) {
      Instance inst = batch[i];
      votes(inst.x, votes[i]);
      learn(inst.x, inst.y, inst.weight);
    }
  }

  /** The first class with the highest vote. */
  default int predict(double[] x) {
    double[] v = new double[schema().numClasses()];
    votes(x, v);
    return argmax(v);
  }

  /**
   * Index of the first maximum of {@code v} (0 for an empty or all-equal array), as MOA's maxIndex.
   */
  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}

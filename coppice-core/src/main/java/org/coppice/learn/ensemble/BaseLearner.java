package org.coppice.learn.ensemble;

/**
 * A base learner as the {@link EnsembleEngine} sees it: one model of one member (its foreground or
 * its background learner). Usually a small adapter around a concrete learner of the learner's own
 * package, so that the concrete learner's public API stays its own.
 *
 * <p><b>Outputs.</b> Every output method writes the learner's raw output for {@code x} into {@code
 * out[0, width)}, {@code width} being {@link OutputRules#width()}: the class votes for a classifier
 * (width = number of classes), the prediction for a regressor (width = 1). The method must write
 * every one of the {@code width} entries.
 *
 * <p><b>Targets.</b> A target is a {@code double}: the class index for classification (exact in a
 * double), the numeric target for regression. The engine passes targets and weights only for
 * instances {@link OutputRules#trainable} accepts.
 *
 * <p><b>Call order within one engine step</b> (per member and instance; see {@link
 * EnsembleEngine}): {@link #outputForLearning}, then possibly {@link #learnAfterOutput} on the same
 * {@code x} with nothing in between, then possibly {@link #outputAfterLearn} on the same {@code x}.
 * A background learner only gets {@link #learn}. {@link #output} is the read-only prediction path.
 *
 * <p><b>Threads.</b> The engine trains different members on different threads, but one member (and
 * so one learner) on one thread at a time; learners of different members must share no mutable
 * state. {@link #output} may run on several threads at once while nothing learns.
 *
 * @param <L> the implementing type, so that {@link #emptyCopy} returns it
 */
public interface BaseLearner<L extends BaseLearner<L>> {
  /** Raw output for {@code x}. Changes nothing; safe on several threads while nothing learns. */
  void output(double[] x, double[] out);

  /**
   * Raw output for {@code x} before the learner (maybe) learns it: the same values as {@link
   * #output}, but the learner may remember what {@link #learnAfterOutput} on the same {@code x}
   * needs (e.g. the leaf reached). Default: {@link #output}.
   */
  default void outputForLearning(double[] x, double[] out) {
    output(x, out);
  }

  /**
   * Learns {@code x} right after {@link #outputForLearning} on the same {@code x}, with nothing
   * learned in between. Must have the effect of {@link #learn}. Default: {@link #learn}.
   */
  default void learnAfterOutput(double[] x, double target, double weight) {
    learn(x, target, weight);
  }

  /** Learns {@code x} with {@code target} and {@code weight} (> 0). */
  void learn(double[] x, double target, double weight);

  /**
   * Raw output for {@code x} right after the learner learned {@code x} (its "prediction after
   * learning", the input of the drift detectors). Must equal {@link #output}; a learner may use
   * what it remembers of the learning step to get there faster. Default: {@link #output}.
   */
  default void outputAfterLearn(double[] x, double[] out) {
    output(x, out);
  }

  /** Forgets everything learned; afterwards the learner behaves exactly as a new one. */
  void reset();

  /** A new, untrained learner with the same settings (a background learner). */
  L emptyCopy();
}

package org.coppice.learn.ensemble;

import org.coppice.data.Instance;

/**
 * What the members' outputs mean, supplied by the ensemble learner: how wide an output is, which
 * instances train, how an output is scored for the member's performance, what share of the
 * ensemble's output a member contributes, and what its drift detectors are fed.
 *
 * <p>{@link ClassificationRules} is the Adaptive Random Forest's. A regression forest in the manner
 * of MOA's {@code AdaptiveRandomForestRegressor} would use width 1, {@code target} = {@link
 * Instance#target}, {@code trainable} = target not NaN and weight &gt; 0, a share equal to the
 * member's prediction (the learner divides the {@linkplain EnsembleEngine#combined sum} by the
 * ensemble size), a score such as the squared error (MOA keeps one but does not weight votes by
 * it), and, as MOA's regressor does, the prediction after learning itself as the detector input.
 *
 * <p>Implementations are called from the training threads concurrently (for different members), so
 * they must be stateless or immutable. All array arguments have at least {@link #width()} entries
 * from the offset given.
 */
public interface OutputRules {
  /** Doubles in one member output (classes for classification, 1 for regression). */
  int width();

  /** The target of {@code instance} as a double (a class index or a numeric target). */
  double target(Instance instance);

  /**
   * Whether an instance with this target and weight trains the ensemble (else it is only scored).
   */
  boolean trainable(double target, double weight);

  /**
   * Rejects a target of a trainable instance that the members cannot learn.
   *
   * @throws IllegalArgumentException if the target is out of range
   */
  void checkTarget(double target);

  /**
   * The score of a member's output {@code output} (made before it learned the instance) for an
   * instance with {@code target} and {@code weight}; added to the member's {@linkplain
   * EnsembleMember#performance() performance}, while its {@linkplain EnsembleMember#results()
   * results} count goes up by 1. Must be non-negative (the state codec rejects a negative sum).
   */
  double score(double[] output, double target, double weight);

  /**
   * Writes a member's share of the ensemble output into {@code out[from, from + width)}, given its
   * raw {@code output} and its performance so far ({@code performance} summed over {@code results}
   * scored instances; both 0 after creation and after a drift). Must not read anything else that
   * changes, so that concurrent predictions are safe.
   */
  void share(double[] output, double performance, long results, double[] out, int from);

  /**
   * The value fed to the member's warning and drift detectors, from its output {@code output} for
   * the instance it has just learned.
   */
  double detectorInput(double[] output, double target);
}

package org.coppice.learn.ensemble;

import java.util.function.Supplier;
import org.coppice.drift.DriftDetector;

/**
 * The settings of an {@link EnsembleEngine}.
 *
 * @param size number of members, at least 1
 * @param lambda λ of the Poisson(λ) weights of online bagging (Oza and Russell 2001), &gt; 0
 * @param seed seed of the one generator that draws every Poisson weight
 * @param threads threads that train the members in {@link EnsembleEngine#testThenTrain}, at least
 *     1; never changes a result
 * @param driftDetector makes each member's drift detector, a fresh one each time it is called
 *     (after a drift, the member gets a new one); null: no drift detection, no warnings and no
 *     background learners (MOA {@code -u})
 * @param warningDetector makes each member's warning detector, a fresh one each call; a warning
 *     starts a background learner that replaces the foreground learner at the next drift. Null, or
 *     no {@code driftDetector}: no warnings and no background learners (MOA {@code -q})
 */
public record EnsembleSettings(
    int size,
    double lambda,
    long seed,
    int threads,
    Supplier<? extends DriftDetector> driftDetector,
    Supplier<? extends DriftDetector> warningDetector) {

  public EnsembleSettings {
    if (size < 1) {
      throw new IllegalArgumentException("an ensemble needs at least one member, got " + size);
    }
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (driftDetector == null) {
      warningDetector = null;
    }
  }

  /** Whether members have drift detectors. */
  public boolean driftDetection() {
    return driftDetector != null;
  }

  /** Whether members have warning detectors and grow background learners. */
  public boolean backgroundLearners() {
    return warningDetector != null;
  }
}

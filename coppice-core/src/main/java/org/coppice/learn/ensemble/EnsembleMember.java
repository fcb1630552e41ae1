package org.coppice.learn.ensemble;

import org.coppice.drift.DriftDetector;

/**
 * One member of an {@link EnsembleEngine} (MOA's {@code ARFBaseLearner}): a foreground learner, an
 * optional background learner, a warning and a drift detector fed from the foreground learner's
 * outputs after learning, and the performance (a sum of scores over a count of results, see {@link
 * OutputRules#score}) that weights its share. Members share nothing, so they train in parallel.
 *
 * <p>Read from outside the package: the learners, the detectors and the counters. Everything else
 * is the engine's.
 *
 * @param <L> the base learner type
 */
public final class EnsembleMember<L extends BaseLearner<L>> {
  final int index;
  private final EnsembleSettings settings;
  private final OutputRules rules;

  L foreground;
  L background; // null when no warning is pending
  private L spare; // a replaced learner, kept for reuse as the next background learner
  DriftDetector drift; // null without drift detection (and in a frozen model)
  DriftDetector warning; // null without background learners (and in a frozen model)

  // Performance since creation or the last drift: sum of scores and number of scored instances
  // (for ARF, MOA's BasicClassificationPerformanceEvaluator as a plain cumulative mean).
  double performance;
  long results;

  long createdOn;
  long backgroundCreatedOn;
  long warnings;
  long drifts;
  long lastWarningOn;
  long lastDriftOn;

  private final double[] output; // [width] the foreground learner's last output

  EnsembleMember(int index, EnsembleSettings settings, OutputRules rules, L learner) {
    this.index = index;
    this.settings = settings;
    this.rules = rules;
    this.foreground = learner;
    if (settings.driftDetection()) {
      this.drift = settings.driftDetector().get();
      if (settings.backgroundLearners()) {
        this.warning = settings.warningDetector().get();
      }
    }
    this.output = new double[rules.width()];
  }

  EnsembleSettings settings() {
    return settings;
  }

  /** Position of this member in the ensemble. */
  public int index() {
    return index;
  }

  /** The learner that predicts. */
  public L foreground() {
    return foreground;
  }

  /** The learner grown since the last warning, or null. */
  public L background() {
    return background;
  }

  /** The drift detector, or null (no drift detection, or a frozen model). */
  public DriftDetector driftDetector() {
    return drift;
  }

  /** The warning detector, or null (no background learners, or a frozen model). */
  public DriftDetector warningDetector() {
    return warning;
  }

  /** Sum of the scores since creation or the last drift. */
  public double performance() {
    return performance;
  }

  /** Number of scored instances since creation or the last drift. */
  public long results() {
    return results;
  }

  /** Drifts detected since the ensemble was created. */
  public long drifts() {
    return drifts;
  }

  /** Warnings detected since the ensemble was created. */
  public long warnings() {
    return warnings;
  }

  /** The instance count when the foreground learner started. */
  public long createdOn() {
    return createdOn;
  }

  /** The instance count of the last warning (0: none). */
  public long lastWarningOn() {
    return lastWarningOn;
  }

  /** The instance count of the last drift (0: none). */
  public long lastDriftOn() {
    return lastDriftOn;
  }

  // ------------------------------------------------------------------------------------------------
  // The engine's step

  /**
   * One test-then-train step (MOA ARF.trainOnInstanceImpl for this member): output, share, score,
   * and learn {@code k} copies when {@code k > 0}.
   *
   * @param train false for an instance that does not train: share only
   * @param seen the ensemble's instance count including this instance
   * @param out where the member's share goes, {@code out[from, from + width)}
   */
  void step(
      double[] x,
      double target,
      double weight,
      boolean train,
      int k,
      long seen,
      double[] out,
      int from) {
    foreground.outputForLearning(x, output);
    rules.share(output, performance, results, out, from);
    if (!train) {
      return;
    }
    performance += rules.score(output, target, weight);
    results++;
    if (k > 0) {
      learn(x, target, weight, k, seen);
    }
  }

  /** The member's share for {@code x} from its foreground's read-only output (for predictions). */
  void share(double[] x, double[] scratch, double[] out, int from) {
    foreground.output(x, scratch);
    rules.share(scratch, performance, results, out, from);
  }

  /** MOA ARFBaseLearner.trainOnInstance. */
  private void learn(double[] x, double target, double weight, int k, long seen) {
    foreground.learnAfterOutput(x, target, weight * k);
    if (background != null) {
      background.learn(x, target, weight); // the original weight, not times k
    }
    if (drift == null) {
      return;
    }
    foreground.outputAfterLearn(x, output);
    double input = rules.detectorInput(output, target);
    if (warning != null && warning.update(input)) {
      lastWarningOn = seen;
      warnings++;
      startBackground(seen);
      warning = settings.warningDetector().get();
    }
    if (drift.update(input)) {
      lastDriftOn = seen;
      drifts++;
      replace(seen);
    }
  }

  /** A new, empty background learner (any previous one is dropped). */
  private void startBackground(long seen) {
    L learner = background != null ? background : spare;
    spare = null;
    if (learner == null) {
      learner = foreground.emptyCopy();
    } else {
      learner.reset();
    }
    background = learner;
    backgroundCreatedOn = seen;
  }

  /** On drift: the background learner takes over, or the foreground starts again empty. */
  private void replace(long seen) {
    if (background != null) {
      spare = foreground;
      foreground = background;
      background = null;
      createdOn = backgroundCreatedOn;
      warning = settings.warningDetector().get();
    } else {
      foreground.reset();
      createdOn = seen;
    }
    drift = settings.driftDetector().get();
    performance = 0.0;
    results = 0;
  }
}

package org.coppice.learn.tree;

import org.coppice.drift.AdwinChangeDetector;
import org.coppice.drift.DriftDetector;

/**
 * One member of an {@link AdaptiveRandomForest} (MOA's {@code ARFBaseLearner}): a foreground tree,
 * an optional background tree, a warning and a drift detector fed with the foreground tree's
 * errors, and the running accuracy that weights its vote. Members share nothing, so they can train
 * in parallel.
 */
final class ArfMember {
  final int index;
  final ArfConfig config;
  HoeffdingTree tree;
  HoeffdingTree background; // null when no warning is pending
  private HoeffdingTree spare; // a replaced tree kept for reuse as the next background tree
  DriftDetector drift;
  DriftDetector warning;

  // Accuracy since creation or the last drift (MOA BasicClassificationPerformanceEvaluator, as a
  // plain cumulative mean): correct weight and number of results.
  double evalCorrect;
  long evalCount;

  long createdOn;
  long backgroundCreatedOn;
  long warnings;
  long drifts;
  long lastWarningOn;
  long lastDriftOn;

  final double[] votes; // [class] scratch

  ArfMember(int index, ArfConfig config, HoeffdingTree tree) {
    this.index = index;
    this.config = config;
    this.tree = tree;
    if (config.driftDetection()) {
      this.drift = new AdwinChangeDetector(config.driftDelta());
      if (config.backgroundLearners()) {
        this.warning = new AdwinChangeDetector(config.warningDelta());
      }
    }
    this.votes = new double[tree.numClasses];
  }

  /** Accuracy in percent, NaN right after creation or a reset (as MOA). */
  double accuracyPercent() {
    return 100.0 * evalCorrect / evalCount;
  }

  /**
   * Writes this member's share of the ensemble vote for {@code x} into {@code out[from, from +
   * numClasses)}: the tree's votes normalised to sum 1, times the accuracy in percent when weighted
   * voting is on and the accuracy is positive; zeros when the tree has no opinion. {@code votes}
   * holds the tree's votes for {@code x}. Reads the member only, so concurrent predictions are
   * safe.
   */
  void contribution(double[] votes, double[] out, int from) {
    int numClasses = votes.length;
    double sum = 0.0;
    double sumAbs = 0.0;
    for (int c = 0; c < numClasses; c++) {
      double v = votes[c];
      sum += v;
      sumAbs += v > 0.0 ? v : -v;
    }
    if (!(sum > 0.0)) {
      java.util.Arrays.fill(out, from, from + numClasses, 0.0);
      return;
    }
    double scale = 1.0 / sumAbs;
    double acc = accuracyPercent();
    boolean weight = config.weightedVote() && acc > 0.0;
    for (int c = 0; c < numClasses; c++) {
      double v = votes[c] * scale;
      out[from + c] = weight ? v * acc : v;
    }
  }

  /**
   * One test-then-train step (MOA ARF.trainOnInstanceImpl for this member): vote, score the vote,
   * and learn {@code k} copies when {@code k > 0}.
   *
   * @param out where the member's vote contribution goes (see {@link #contribution})
   * @param train false for an instance without label or weight: vote only
   */
  void step(
      double[] x, int y, double weight, boolean train, int k, long seen, double[] out, int from) {
    tree.votesForTraining(x, votes);
    contribution(votes, out, from);
    if (!train) {
      return;
    }
    evalCorrect += HoeffdingTree.argmax(votes, votes.length) == y ? weight : 0.0;
    evalCount++;
    if (k > 0) {
      learn(x, y, weight, k, seen);
    }
  }

  /** MOA ARFBaseLearner.trainOnInstance. */
  private void learn(double[] x, int y, double weight, int k, long seen) {
    tree.learnAfterVotes(x, y, weight * k);
    if (background != null) {
      background.learn(x, y, weight); // the original weight, not times k
    }
    if (drift == null) {
      return;
    }
    // The error after learning x, as MOA's correctlyClassifies.
    tree.votesAfterLearn(x, votes);
    double error = HoeffdingTree.argmax(votes, votes.length) == y ? 0.0 : 1.0;
    if (warning != null && warning.update(error)) {
      lastWarningOn = seen;
      warnings++;
      startBackground(seen);
      warning = warning.freshCopy();
    }
    if (drift.update(error)) {
      lastDriftOn = seen;
      drifts++;
      replace(seen);
    }
  }

  /** A new, empty background tree (any previous one is dropped). */
  private void startBackground(long seen) {
    HoeffdingTree t = background != null ? background : spare;
    spare = null;
    if (t == null) {
      t = new HoeffdingTree(tree.schema, tree.config, tree.layout);
    } else {
      t.reset();
    }
    background = t;
    backgroundCreatedOn = seen;
  }

  /** On drift: the background tree takes over, or the tree starts again empty. */
  private void replace(long seen) {
    if (config.backgroundLearners() && background != null) {
      spare = tree;
      tree = background;
      background = null;
      createdOn = backgroundCreatedOn;
      warning = warning.freshCopy();
    } else {
      tree.reset();
      createdOn = seen;
    }
    drift = drift.freshCopy();
    evalCorrect = 0.0;
    evalCount = 0;
  }
}

package org.coppice.learn.tree;

import java.util.Objects;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.learn.Classifier;
import org.coppice.learn.ensemble.ClassificationRules;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.ensemble.EnsembleSettings;

/**
 * The Adaptive Random Forest classifier (H. M. Gomes, A. Bifet, J. Read, J. P. Barddal, F.
 * Enembreck, B. Pfahringer, G. Holmes, T. Abdessalem, "Adaptive random forests for evolving data
 * stream classification", Machine Learning 106, 2017), following MOA 2024.07's {@code
 * meta.AdaptiveRandomForest} step for step: Hoeffding trees with a random feature subspace per
 * leaf, online bagging with Poisson(λ) weights, per tree an ADWIN warning detector that starts a
 * background tree and an ADWIN drift detector that swaps it in, and votes weighted by each tree's
 * accuracy since its last reset.
 *
 * <p>The forest is a thin learner on the {@link EnsembleEngine}: the engine does the online
 * bagging, the detectors, the background trees and the parallel block training; this class gives it
 * Hoeffding trees as members and {@link ClassificationRules} (accuracy-weighted votes, 0/1 errors
 * fed to ADWIN).
 *
 * <p><b>Parallelism without changing results.</b> Trees share no state, and the Poisson draws come
 * from one generator in a fixed order (instance-major, tree-minor, as MOA). {@link #testThenTrain}
 * therefore draws a whole block's weights first, lets each thread run whole trees through the block
 * (vote, score, learn), and adds the trees' votes per instance in tree order. The outcome is
 * bit-identical to the sequential loop for any number of threads.
 *
 * <p>Not thread-safe; {@link #close()} stops the worker threads.
 */
public final class AdaptiveRandomForest implements Classifier, AutoCloseable {
  private final Schema schema;
  private final ArfConfig config;
  private final int numClasses;
  private final int subspaceSize;
  final EnsembleEngine<ForestTree> engine;
  boolean frozen; // loaded in inference-only form: cannot learn

  /** A new, untrained forest. */
  public AdaptiveRandomForest(Schema schema, ArfConfig config) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    if (schema.numFeatures() == 0) {
      throw new IllegalArgumentException("the schema has no features");
    }
    this.numClasses = schema.numClasses();
    this.subspaceSize = config.maxFeatures().resolve(schema.numFeatures());
    HoeffdingTreeConfig treeConfig = config.tree().toBuilder().subspaceSize(subspaceSize).build();
    ObserverPool.Layout layout = new ObserverPool.Layout(schema);
    this.engine =
        new EnsembleEngine<>(
            settings(config),
            new ClassificationRules(numClasses, config.weightedVote()),
            i -> new ForestTree(new HoeffdingTree(schema, treeConfig, layout)));
  }

  /** The engine settings of {@code config}: ADWIN drift and warning detectors, as MOA. */
  static EnsembleSettings settings(ArfConfig config) {
    double driftDelta = config.driftDelta();
    double warningDelta = config.warningDelta();
    return new EnsembleSettings(
        config.ensembleSize(),
        config.lambda(),
        config.seed(),
        config.threads(),
        config.driftDetection() ? () -> new AdwinChangeDetector(driftDelta) : null,
        config.backgroundLearners() ? () -> new AdwinChangeDetector(warningDelta) : null);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public ArfConfig config() {
    return config;
  }

  /** Features in each leaf's subspace (m), resolved from {@link ArfConfig#maxFeatures()}. */
  public int subspaceSize() {
    return subspaceSize;
  }

  /** Number of instances learned (those with a label and a positive weight). */
  public long instancesSeen() {
    return engine.instancesSeen();
  }

  /**
   * Sum over trees of each tree's normalised vote times its accuracy in percent (MOA's
   * getVotesForInstance); all zeros before any tree has learned. Safe to call from several threads
   * at once while the forest does not learn.
   */
  @Override
  public void votes(double[] x, double[] votes) {
    engine.predict(x, votes, 0);
  }

  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    engine.learn(x, y, weight);
  }

  @Override
  public void testThenTrain(Instance[] batch, int n, double[][] votes) {
    checkNotFrozen();
    engine.testThenTrain(batch, n);
    for (int t = 0; t < n; t++) {
      engine.combined(t, votes[t], 0);
    }
  }

  /** True for a forest loaded in inference-only form, which cannot learn. */
  @Override
  public boolean isFrozen() {
    return frozen;
  }

  private void checkNotFrozen() {
    if (frozen) {
      throw new IllegalStateException(
          "this model was saved in inference-only (frozen) form and cannot learn");
    }
  }

  // ---- reports ----

  /** Number of ensemble members. */
  public int ensembleSize() {
    return engine.size();
  }

  /** The foreground tree of member {@code i}. */
  public HoeffdingTree tree(int i) {
    return engine.member(i).foreground().tree;
  }

  /** The background tree of member {@code i}, or null. */
  public HoeffdingTree backgroundTree(int i) {
    ForestTree background = engine.member(i).background();
    return background == null ? null : background.tree;
  }

  /** Drifts detected by member {@code i} since the forest was created. */
  public long drifts(int i) {
    return engine.member(i).drifts();
  }

  /** Warnings detected by member {@code i} since the forest was created. */
  public long warnings(int i) {
    return engine.member(i).warnings();
  }

  /**
   * Stops the worker threads; the forest stays usable (single-threaded until it needs them again).
   */
  @Override
  public void close() {
    engine.close();
  }
}

package org.coppice.learn.regression;

import java.util.Objects;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.learn.Regressor;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.ensemble.EnsembleSettings;

/**
 * The Adaptive Random Forest regressor (H. M. Gomes, J. P. Barddal, L. E. B. Ferreira, A. Bifet,
 * "Adaptive random forests for data stream regression", ESANN 2018), following MOA 2024.07's {@code
 * meta.AdaptiveRandomForestRegressor} step for step:
 *
 * <ul>
 *   <li>members are FIMT-DD regression trees whose leaves each observe a random subspace of m
 *       features and predict their mean target (MOA's {@code ARFFIMTDD -g 50 -c 0.01}); every tree
 *       starts from the same tree seed, as MOA copies one prepared tree for every member;
 *   <li>online bagging: each tree learns each instance with weight {@code k·w}, k drawn from
 *       Poisson(λ = 6) by one generator, instance-major and tree-minor;
 *   <li>per tree an ADWIN warning detector (δ = 0.01) that starts a background tree and an ADWIN
 *       drift detector (δ = 0.001) that swaps it in (or resets the tree when there is none). MOA
 *       feeds both detectors the tree's <em>prediction</em> for the instance it has just learned,
 *       not its error, and its ADWIN change detector reports only a rise of the window mean: a tree
 *       is replaced when its predictions rise, whether or not it got worse, and never when they
 *       fall. {@link ArfRegressorConfig.DetectorInput#ERROR} feeds the absolute error instead (a
 *       change is then a rise in the error, as in the ARF classifier); the default is MOA's;
 *   <li>the forest's prediction is the plain mean of the trees' predictions (MOA keeps each tree's
 *       squared error but does not weight by it), summed in tree order and divided by the number of
 *       trees; 0 before anything was learned.
 * </ul>
 *
 * <p>With the defaults, the results equal MOA's to the bit (tested against MOA's numbers).
 *
 * <p>The forest is a thin learner on the {@link EnsembleEngine}, which does the bagging, the
 * detectors, the background trees and the parallel block training: {@link #testThenTrain} gives the
 * same results, bit for bit, for any number of threads.
 *
 * <p>Not thread-safe, except that {@link #predict} may run on several threads at once while the
 * forest does not learn. {@link #close()} stops the worker threads.
 */
public final class AdaptiveRandomForestRegressor implements Regressor {
  private final Schema schema;
  private final ArfRegressorConfig config;
  private final int subspaceSize;
  final EnsembleEngine<ForestRegressionTree> engine;
  boolean frozen; // loaded in inference-only form: cannot learn

  /**
   * A new, untrained forest.
   *
   * @throws IllegalArgumentException if the schema's target is not numeric or it has no features
   */
  public AdaptiveRandomForestRegressor(Schema schema, ArfRegressorConfig config) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    if (!schema.isRegression()) {
      throw new IllegalArgumentException("a regression forest needs a numeric target: " + schema);
    }
    if (schema.numFeatures() == 0) {
      throw new IllegalArgumentException("the schema has no features");
    }
    this.subspaceSize = config.maxFeatures().resolve(schema.numFeatures());
    RegressionTreeConfig tree = config.tree();
    int m = subspaceSize;
    this.engine =
        new EnsembleEngine<>(
            settings(config),
            new RegressionRules(config.detectorInput()),
            i -> new ForestRegressionTree(new RegressionTree(schema, tree, m)));
  }

  /** The engine settings of {@code config}: ADWIN drift and warning detectors, as MOA. */
  private static EnsembleSettings settings(ArfRegressorConfig config) {
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

  /** The settings. */
  public ArfRegressorConfig config() {
    return config;
  }

  /** Features in each leaf's subspace (m), resolved from {@link ArfRegressorConfig#maxFeatures}. */
  public int subspaceSize() {
    return subspaceSize;
  }

  /** Number of instances learned (those with a target and a positive weight). */
  public long instancesSeen() {
    return engine.instancesSeen();
  }

  /**
   * The mean of the trees' predictions for {@code x}; 0 before anything was learned. Changes
   * nothing; safe on several threads at once while the forest does not learn.
   */
  @Override
  public double predict(double[] x) {
    double[] sum = new double[1];
    engine.predict(x, sum, 0);
    return sum[0] / engine.size();
  }

  /**
   * Learns one instance; ignores it if its target is NaN or its weight is not positive.
   *
   * @throws IllegalArgumentException if the target is infinite
   * @throws IllegalStateException if the forest is frozen
   */
  @Override
  public void learn(double[] x, double y, double weight) {
    checkNotFrozen();
    engine.learn(x, y, weight);
  }

  /**
   * Test-then-train over {@code batch[0, n)}, the trees on up to {@link
   * ArfRegressorConfig#threads()} threads; the predictions and the model are bit-identical to
   * alternating {@link #predict} and {@link #learn}.
   *
   * @throws IllegalArgumentException if a target is infinite
   * @throws IllegalStateException if the forest is frozen
   */
  @Override
  public void testThenTrain(Instance[] batch, int n, double[] predictions) {
    checkNotFrozen();
    engine.testThenTrain(batch, n);
    double[] sum = new double[1];
    for (int t = 0; t < n; t++) {
      engine.combined(t, sum, 0);
      predictions[t] = sum[0] / engine.size();
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

  /** Number of trees. */
  public int ensembleSize() {
    return engine.size();
  }

  /** The foreground tree of member {@code i}. */
  public RegressionTree tree(int i) {
    return engine.member(i).foreground().tree;
  }

  /** The background tree of member {@code i}, or null. */
  public RegressionTree backgroundTree(int i) {
    ForestRegressionTree background = engine.member(i).background();
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
   * Mean squared error of member {@code i}'s predictions (made before learning each instance) since
   * its tree started, or NaN before it was scored.
   */
  public double meanSquaredError(int i) {
    long results = engine.member(i).results();
    return results == 0 ? Double.NaN : engine.member(i).performance() / results;
  }

  /** Stops the worker threads; the forest stays usable. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "AdaptiveRandomForestRegressor{trees=" + engine.size() + ", m=" + subspaceSize + "}";
  }
}

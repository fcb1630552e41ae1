package org.coppice.learn.tree;

import java.util.Objects;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.learn.Classifier;
import org.coppice.learn.ensemble.ClassificationRules;
import org.coppice.learn.ensemble.EnsembleEngine;
import org.coppice.learn.ensemble.EnsembleSettings;

/**
 * Online bagging of Hoeffding trees (N. C. Oza and S. Russell, "Online bagging and boosting",
 * AISTATS 2001), following MOA 2024.07's {@code meta.OzaBag} step for step: each tree learns each
 * instance with a weight k times the instance's weight, k drawn from Poisson(1) (one draw per tree
 * per instance, trees in order, from one generator seeded with {@link OzaBagConfig#seed()}; a tree
 * whose k is 0 skips the instance); the ensemble's vote is the sum of the trees' votes, each
 * normalised to sum 1 (a tree whose votes do not sum to a positive number contributes nothing). No
 * drift detection.
 *
 * <p>Built on the {@link EnsembleEngine} with λ = 1, no detectors and {@link ClassificationRules}
 * without accuracy weighting, so {@link #testThenTrain} trains the trees in parallel with results
 * identical to the sequential loop for any number of threads.
 *
 * <p>Not thread-safe, except {@link #votes} while nothing learns; {@link #close()} stops the worker
 * threads.
 */
public final class OzaBag implements Classifier, AutoCloseable {
  private final Schema schema;
  private final OzaBagConfig config;
  final EnsembleEngine<ForestTree> engine;
  boolean frozen; // loaded in inference-only form: cannot learn

  /**
   * A new, untrained ensemble.
   *
   * @throws IllegalArgumentException if the schema has no features or is not a classification one
   */
  public OzaBag(Schema schema, OzaBagConfig config) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.config = Objects.requireNonNull(config, "config");
    if (schema.numFeatures() == 0) {
      throw new IllegalArgumentException("the schema has no features");
    }
    ObserverPool.Layout layout = new ObserverPool.Layout(schema);
    HoeffdingTreeConfig tree = config.tree();
    this.engine =
        new EnsembleEngine<>(
            new EnsembleSettings(
                config.ensembleSize(), 1.0, config.seed(), config.threads(), null, null),
            new ClassificationRules(schema.numClasses(), false),
            i -> new ForestTree(new HoeffdingTree(schema, tree, layout)));
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public OzaBagConfig config() {
    return config;
  }

  /** Number of instances learned (those with a label and a positive weight). */
  public long instancesSeen() {
    return engine.instancesSeen();
  }

  /**
   * Sum over trees of each tree's votes normalised to sum 1 (MOA's getVotesForInstance); all zeros
   * before any tree has learned. Safe on several threads at once while nothing learns.
   */
  @Override
  public void votes(double[] x, double[] votes) {
    engine.predict(x, votes, 0);
  }

  /**
   * Learns one instance: one Poisson(1) draw per tree, in tree order.
   *
   * @throws IllegalStateException if the ensemble is frozen
   */
  @Override
  public void learn(double[] x, int y, double weight) {
    checkNotFrozen();
    engine.learn(x, y, weight);
  }

  /**
   * Test-then-train over a block, the trees in parallel; the same votes and the same final state as
   * {@link #votes} then {@link #learn} per instance.
   */
  @Override
  public void testThenTrain(Instance[] batch, int n, double[][] votes) {
    checkNotFrozen();
    engine.testThenTrain(batch, n);
    for (int t = 0; t < n; t++) {
      engine.combined(t, votes[t], 0);
    }
  }

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

  /** Number of trees. */
  public int ensembleSize() {
    return engine.size();
  }

  /** Tree {@code i}. */
  public HoeffdingTree tree(int i) {
    return engine.member(i).foreground().tree;
  }

  /** Stops the worker threads; the ensemble stays usable. */
  @Override
  public void close() {
    engine.close();
  }
}

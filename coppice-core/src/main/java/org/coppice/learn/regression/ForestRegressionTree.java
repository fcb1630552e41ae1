package org.coppice.learn.regression;

import org.coppice.learn.ensemble.BaseLearner;

/**
 * A regression tree as a member learner of an {@link org.coppice.learn.ensemble.EnsembleEngine}:
 * the output is the tree's prediction (width 1), the target the numeric target.
 */
final class ForestRegressionTree implements BaseLearner<ForestRegressionTree> {
  final RegressionTree tree;

  ForestRegressionTree(RegressionTree tree) {
    this.tree = tree;
  }

  @Override
  public void output(double[] x, double[] out) {
    out[0] = tree.predict(x);
  }

  @Override
  public void learn(double[] x, double target, double weight) {
    tree.learn(x, target, weight);
  }

  @Override
  public void reset() {
    tree.reset();
  }

  @Override
  public ForestRegressionTree emptyCopy() {
    return new ForestRegressionTree(tree.emptyCopy());
  }
}

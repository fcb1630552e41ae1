package org.coppice.learn.tree;

import org.coppice.learn.ensemble.BaseLearner;

/**
 * A Hoeffding tree as a member learner of an {@link org.coppice.learn.ensemble.EnsembleEngine}:
 * outputs are the tree's class votes, targets class indices. Routes the engine's calls to the
 * tree's test-then-train fast path (the leaf reached while voting is learned at without routing
 * again, and the prediction after learning resumes at the node that learned).
 */
final class ForestTree implements BaseLearner<ForestTree> {
  final HoeffdingTree tree;

  ForestTree(HoeffdingTree tree) {
    this.tree = tree;
  }

  @Override
  public void output(double[] x, double[] out) {
    tree.votes(x, out);
  }

  @Override
  public void outputForLearning(double[] x, double[] out) {
    tree.votesForTraining(x, out);
  }

  @Override
  public void learnAfterOutput(double[] x, double target, double weight) {
    tree.learnAfterVotes(x, (int) target, weight);
  }

  @Override
  public void learn(double[] x, double target, double weight) {
    tree.learn(x, (int) target, weight);
  }

  @Override
  public void outputAfterLearn(double[] x, double[] out) {
    tree.votesAfterLearn(x, out);
  }

  @Override
  public void reset() {
    tree.reset();
  }

  @Override
  public ForestTree emptyCopy() {
    return new ForestTree(new HoeffdingTree(tree.schema, tree.config, tree.layout));
  }
}

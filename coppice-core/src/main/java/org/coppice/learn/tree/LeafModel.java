package org.coppice.learn.tree;

/**
 * What a Hoeffding tree leaf predicts, as a strategy (MOA's {@code -l}): the majority class, naive
 * Bayes over the leaf's observers, or naive Bayes adaptive (Gama, Rocha and Medas 2003), which
 * keeps per leaf the weight each of the two would have got right and answers with the better one.
 *
 * <p>One instance per tree, created for the tree's {@link LeafPrediction}. {@link #votes} reads
 * state only (concurrent predictions are safe while nothing learns); {@link #trainingVotes} may
 * remember what the following {@link #beforeLearn} on the same instance needs.
 */
abstract class LeafModel {
  final HoeffdingTree t;

  LeafModel(HoeffdingTree tree) {
    this.t = tree;
  }

  /** The model {@code tree}'s configuration asks for. */
  static LeafModel of(HoeffdingTree tree) {
    return switch (tree.config.leafPrediction()) {
      case MAJORITY_CLASS -> new MajorityClass(tree);
      case NAIVE_BAYES -> new NaiveBayes(tree);
      case NAIVE_BAYES_ADAPTIVE -> new NaiveBayesAdaptive(tree);
    };
  }

  /** Votes of leaf {@code n} for {@code x} into {@code out} (zeroed by the caller). */
  abstract void votes(int n, double[] x, double[] out);

  /** {@link #votes}, when a {@link #beforeLearn} on the same x at the same leaf may follow. */
  void trainingVotes(int n, double[] x, double[] out) {
    votes(n, x, out);
  }

  /**
   * Called as leaf {@code n} is about to learn x with class y, before its counts and observers
   * change.
   */
  void beforeLearn(int n, double[] x, int y, double weight) {}

  /** Drops anything remembered by {@link #trainingVotes}. */
  void forget() {}

  /** Whether predicting at leaf {@code n} reads its observers (the frozen form keeps them). */
  abstract boolean readsObservers(int n);

  /** The leaf's class counts. */
  static final class MajorityClass extends LeafModel {
    MajorityClass(HoeffdingTree tree) {
      super(tree);
    }

    @Override
    void votes(int n, double[] x, double[] out) {
      t.copyCounts(n, out);
    }

    @Override
    boolean readsObservers(int n) {
      return false;
    }
  }

  /** Naive Bayes once the leaf has seen the naive Bayes threshold's weight; counts before. */
  static final class NaiveBayes extends LeafModel {
    private final double threshold;

    NaiveBayes(HoeffdingTree tree) {
      super(tree);
      this.threshold = tree.config.nbThreshold();
    }

    @Override
    void votes(int n, double[] x, double[] out) {
      if (t.leafWeight(n) >= threshold) {
        t.naiveBayes(n, x, out);
      } else {
        t.copyCounts(n, out);
      }
    }

    @Override
    boolean readsObservers(int n) {
      return true;
    }
  }

  /**
   * Whichever of majority class and naive Bayes has been right more often at the leaf (weights in
   * the tree's mcCorrect / nbCorrect columns); ties go to naive Bayes. Both argmaxes of a
   * test-then-train step are computed once, by {@link #trainingVotes}.
   */
  static final class NaiveBayesAdaptive extends LeafModel {
    private final double[] scratch; // [class] naive Bayes scores of the current training leaf
    private boolean cached;
    private int cachedMajority;
    private int cachedNaiveBayes;

    NaiveBayesAdaptive(HoeffdingTree tree) {
      super(tree);
      this.scratch = new double[tree.numClasses];
    }

    @Override
    void votes(int n, double[] x, double[] out) {
      if (t.mcCorrect[n] > t.nbCorrect[n]) {
        t.copyCounts(n, out);
      } else {
        t.naiveBayes(n, x, out);
      }
    }

    @Override
    void trainingVotes(int n, double[] x, double[] out) {
      t.naiveBayes(n, x, scratch);
      cachedNaiveBayes = NodeStore.argmax(scratch, t.classLen[n]);
      cachedMajority = t.majorityIndex(n);
      cached = true;
      if (t.mcCorrect[n] > t.nbCorrect[n]) {
        t.copyCounts(n, out);
      } else {
        System.arraycopy(scratch, 0, out, 0, t.numClasses);
      }
    }

    @Override
    void beforeLearn(int n, double[] x, int y, double weight) {
      int majority;
      int bayes;
      if (cached) {
        majority = cachedMajority;
        bayes = cachedNaiveBayes;
        cached = false;
      } else {
        majority = t.majorityIndex(n);
        t.naiveBayes(n, x, scratch);
        bayes = NodeStore.argmax(scratch, t.classLen[n]);
      }
      if (majority == y) {
        t.mcCorrect[n] += weight;
      }
      if (bayes == y) {
        t.nbCorrect[n] += weight;
      }
    }

    @Override
    void forget() {
      cached = false;
    }

    @Override
    boolean readsObservers(int n) {
      return !(t.mcCorrect[n] > t.nbCorrect[n]);
    }
  }
}

package org.coppice.learn.tree;

/** What a Hoeffding tree leaf predicts (MOA's {@code -l} option). */
public enum LeafPrediction {
  /** The leaf's class counts. */
  MAJORITY_CLASS,
  /** Naive Bayes over the leaf's attribute observers. */
  NAIVE_BAYES,
  /**
   * Whichever of majority class and naive Bayes has been more accurate at this leaf so far (Gama,
   * Rocha and Medas 2003); ties go to naive Bayes.
   */
  NAIVE_BAYES_ADAPTIVE
}

package org.coppice.learn;

/** What a learner predicts: a class of a nominal target, or the value of a numeric target. */
public enum Task {
  /** A nominal target: the learner is a {@link Classifier}. */
  CLASSIFICATION,
  /** A numeric target: the learner is a {@link Regressor}. */
  REGRESSION;

  /** The lower-case name used on the command line and in files. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package org.coppice.learn.tree;

/**
 * How a Hoeffding tree scores a candidate split. Both follow MOA's {@code InfoGainSplitCriterion}
 * and {@code GiniSplitCriterion} exactly, including their range and their treatment of empty
 * branches.
 */
public enum SplitCriterion {
  /** Information gain (entropy reduction, in bits), with a minimum branch fraction. */
  INFO_GAIN,
  /** Gini impurity reduction; range 1. */
  GINI
}

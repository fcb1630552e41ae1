package org.coppice.bench;

/** Instances held in memory by one of the two readers, value by value (for the input check). */
interface Rows {
  /** Number of instances held. */
  int size();

  /**
   * Value of attribute {@code attribute} (in file order, the target last) of instance {@code row}:
   * a number, a nominal value index, or NaN when missing.
   */
  double value(int row, int attribute);
}

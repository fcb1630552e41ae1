package org.coppice.drift;

/**
 * A change detector fed one value at a time (for a classifier, 1 for an error and 0 for a correct
 * prediction).
 */
public interface DriftDetector {
  /**
   * Feeds one value.
   *
   * @return true if a change is detected at this input
   */
  boolean update(double value);

  /**
   * True if the last input left the detector in its warning zone (never true for ADWIN, as in MOA).
   */
  boolean inWarningZone();

  /** The detector's current estimate of the mean of its input. */
  double estimation();

  /** A new detector with the same parameters and no state. */
  DriftDetector freshCopy();
}

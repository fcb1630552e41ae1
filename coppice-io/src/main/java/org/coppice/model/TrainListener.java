package org.coppice.model;

/**
 * Receives progress reports during a pass over a data file (training, learning, prediction), for
 * example to draw a progress bar with rows per second and, when the fraction is known, an ETA.
 * Called on the thread that runs the pass, between blocks of rows, at most every {@link
 * #INTERVAL_MILLIS} milliseconds; the time spent in the listener is not counted as elapsed.
 */
@FunctionalInterface
public interface TrainListener {
  /** Minimum interval between two reports. */
  long INTERVAL_MILLIS = 250;

  /** A listener that ignores every report. */
  TrainListener NONE = (rows, elapsedSeconds, fraction) -> {};

  /**
   * One report.
   *
   * @param rows rows processed so far
   * @param elapsedSeconds seconds spent processing so far
   * @param fraction fraction of the input consumed, in [0, 1], or NaN when unknown
   */
  void onProgress(long rows, double elapsedSeconds, double fraction);
}

package org.coppice.learn.ensemble;

import org.coppice.drift.DriftDetector;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/** Writes and reads the state of a member's drift or warning detector ({@link EnsembleCodec}). */
public interface DetectorCodec {
  /** Writes {@code detector} (not null). */
  void write(DriftDetector detector, StateWriter w);

  /**
   * Reads a detector written by {@link #write}.
   *
   * @param fresh a new detector from the member's factory: the parameters the read one must have
   * @param what "drift" or "warning", for messages
   * @throws org.coppice.state.ModelFormatException if the bytes are not a valid detector
   */
  DriftDetector read(StateReader r, DriftDetector fresh, String what);

  /**
   * The codec of {@link org.coppice.drift.AdwinChangeDetector}: its flags, then its ADWIN's clock,
   * totals and the buckets in use, row by row (layout in docs/FORMAT.md §7.4).
   */
  static DetectorCodec adwin() {
    return AdwinDetectorCodec.INSTANCE;
  }
}

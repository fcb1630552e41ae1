package org.coppice.stream;

import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * A source of labelled instances read one at a time. Implementations never hold the whole stream in
 * memory. Errors in the data surface as unchecked exceptions ({@code DataFormatException} in
 * coppice-io, or {@link java.io.UncheckedIOException}).
 */
public interface InstanceStream extends AutoCloseable {
  /** The schema every instance of this stream follows. */
  Schema schema();

  /**
   * Fills {@code into} with the next instance.
   *
   * @param into an instance sized for {@link #schema()}; overwritten entirely
   * @return false when the stream is exhausted (then {@code into} is left unspecified)
   */
  boolean next(Instance into);

  /** Total number of instances if known in advance, else -1. Used for progress reports only. */
  default long sizeHint() {
    return -1;
  }

  /**
   * Fraction of the underlying source consumed so far, in [0, 1], or NaN if unknown. Used for
   * progress reports only.
   */
  default double progress() {
    return Double.NaN;
  }

  @Override
  default void close() {}
}

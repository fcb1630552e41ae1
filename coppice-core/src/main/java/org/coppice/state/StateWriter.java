package org.coppice.state;

import java.util.Objects;

/**
 * Writes model state as little-endian primitives and flat primitive arrays; see the {@linkplain
 * org.coppice.state package documentation} for the encoding. A learner writes its state with these
 * calls and reads it back with the matching {@link StateReader} calls in the same order.
 *
 * <p>Raw array writes ({@link #writeInts}, ...) write only the elements, for arrays whose length
 * the reader already knows; the {@code write...Array} methods write the length first, to be read
 * with {@link StateReader#readIntArray} and friends.
 *
 * <p>Implementations that write to a file report I/O failures as {@link
 * java.io.UncheckedIOException}. Not thread-safe.
 */
public interface StateWriter {
  /** Writes the low 8 bits of {@code v}. */
  void writeByte(int v);

  /** Writes one byte, 1 for true and 0 for false. */
  void writeBoolean(boolean v);

  void writeInt(int v);

  void writeLong(long v);

  /** Writes the raw IEEE 754 bits of {@code v} (NaN payloads are kept). */
  void writeDouble(double v);

  /** Writes {@code a[off, off + len)} without a length. */
  void writeBytes(byte[] a, int off, int len);

  /** Writes {@code a[off, off + len)} without a length. */
  void writeInts(int[] a, int off, int len);

  /** Writes {@code a[off, off + len)} without a length. */
  void writeLongs(long[] a, int off, int len);

  /** Writes {@code a[off, off + len)} without a length. */
  void writeDoubles(double[] a, int off, int len);

  /**
   * Writes a string as its UTF-8 byte length ({@code int}) and the bytes.
   *
   * @throws IllegalArgumentException if {@code s} is not valid Unicode (an unpaired surrogate)
   */
  void writeString(String s);

  /** Number of bytes written so far through this writer. */
  long bytesWritten();

  /** Writes {@code len}, then {@code a[0, len)}. */
  default void writeByteArray(byte[] a, int len) {
    Objects.checkFromIndexSize(0, len, a.length);
    writeInt(len);
    writeBytes(a, 0, len);
  }

  /** Writes {@code len}, then {@code a[0, len)}. */
  default void writeIntArray(int[] a, int len) {
    Objects.checkFromIndexSize(0, len, a.length);
    writeInt(len);
    writeInts(a, 0, len);
  }

  /** Writes {@code len}, then {@code a[0, len)}. */
  default void writeLongArray(long[] a, int len) {
    Objects.checkFromIndexSize(0, len, a.length);
    writeInt(len);
    writeLongs(a, 0, len);
  }

  /** Writes {@code len}, then {@code a[0, len)}. */
  default void writeDoubleArray(double[] a, int len) {
    Objects.checkFromIndexSize(0, len, a.length);
    writeInt(len);
    writeDoubles(a, 0, len);
  }

  /** Writes the whole array with its length. */
  default void writeByteArray(byte[] a) {
    writeByteArray(a, a.length);
  }

  /** Writes the whole array with its length. */
  default void writeIntArray(int[] a) {
    writeIntArray(a, a.length);
  }

  /** Writes the whole array with its length. */
  default void writeLongArray(long[] a) {
    writeLongArray(a, a.length);
  }

  /** Writes the whole array with its length. */
  default void writeDoubleArray(double[] a) {
    writeDoubleArray(a, a.length);
  }
}

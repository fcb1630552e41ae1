package org.coppice.state;

/**
 * Reads model state written by a {@link StateWriter}, from one bounded region (a section of a model
 * file, or a byte array). Every method that would read past the end of the region throws {@link
 * ModelFormatException}; nothing is ever read from beyond it.
 *
 * <p>Use the validated reads for every value that sizes an allocation, indexes an array or is
 * otherwise trusted: {@link #readCount}, {@link #readIndex}, the {@code read...Array} methods and
 * {@link #readString}. They check the value against the caller's bound and, for anything that will
 * be allocated, against the bytes that remain in the region <em>before</em> allocating, so a
 * hostile length can never cause an allocation larger than the input. After the last value, call
 * {@link #finish()}: it fails if bytes are left over.
 *
 * <p>The {@code what} argument names the field (for example {@code "tree.leftChild"}); error
 * messages contain it together with the region name and byte offset. Implementations that read from
 * a file report I/O failures as {@link java.io.UncheckedIOException}. Not thread-safe.
 */
public interface StateReader {
  byte readByte();

  /**
   * Reads one byte that must be 0 (false) or 1 (true).
   *
   * @throws ModelFormatException for any other value
   */
  boolean readBoolean();

  int readInt();

  long readLong();

  double readDouble();

  /**
   * Reads exactly {@code len} bytes into {@code dst[off, off + len)}.
   *
   * @throws ModelFormatException if fewer bytes remain (checked before anything is read)
   */
  void readBytes(byte[] dst, int off, int len);

  /** Reads exactly {@code len} ints into {@code dst[off, off + len)}; see {@link #readBytes}. */
  void readInts(int[] dst, int off, int len);

  /** Reads exactly {@code len} longs into {@code dst[off, off + len)}; see {@link #readBytes}. */
  void readLongs(long[] dst, int off, int len);

  /** Reads exactly {@code len} doubles into {@code dst[off, off + len)}; see {@link #readBytes}. */
  void readDoubles(double[] dst, int off, int len);

  /**
   * Reads an {@code int} count that must satisfy {@code 0 <= count <= max}.
   *
   * @throws ModelFormatException naming {@code what} otherwise
   */
  int readCount(String what, int max);

  /**
   * Reads an {@code int} count that must satisfy {@code 0 <= count <= max} and {@code count *
   * minBytesPerItem <= remaining()}: use it for the number of items that follow, each taking at
   * least {@code minBytesPerItem} bytes, before allocating anything for them.
   *
   * @throws ModelFormatException naming {@code what} otherwise
   */
  int readCount(String what, int max, int minBytesPerItem);

  /**
   * Reads an {@code int} index that must satisfy {@code 0 <= index < bound}.
   *
   * @throws ModelFormatException naming {@code what} otherwise
   */
  int readIndex(String what, int bound);

  /**
   * Reads a length-prefixed byte array of at most {@code maxLen} elements; the length is checked
   * against {@code maxLen}, the reader's array limit and the remaining bytes before allocating.
   */
  byte[] readByteArray(String what, int maxLen);

  /**
   * Reads a length-prefixed int array of at most {@code maxLen} elements; see {@link
   * #readByteArray}.
   */
  int[] readIntArray(String what, int maxLen);

  /**
   * Reads a length-prefixed long array of at most {@code maxLen} elements; see {@link
   * #readByteArray}.
   */
  long[] readLongArray(String what, int maxLen);

  /**
   * Reads a length-prefixed double array of at most {@code maxLen} elements; see {@link
   * #readByteArray}.
   */
  double[] readDoubleArray(String what, int maxLen);

  /** Reads a length-prefixed int array whose length must be exactly {@code length}. */
  int[] readIntArrayExact(String what, int length);

  /** Reads a length-prefixed long array whose length must be exactly {@code length}. */
  long[] readLongArrayExact(String what, int length);

  /** Reads a length-prefixed double array whose length must be exactly {@code length}. */
  double[] readDoubleArrayExact(String what, int length);

  /**
   * Reads a string written by {@link StateWriter#writeString}: at most {@code maxBytes} bytes of
   * strictly valid UTF-8.
   */
  String readString(String what, int maxBytes);

  /** Bytes left in the region. */
  long remaining();

  /** Bytes read so far, i.e. the offset of the next byte within the region. */
  long position();

  /** Name of the region for messages, for example {@code "model.bin section 3 (kind 1, id 2)"}. */
  String context();

  /**
   * Declares the region fully read.
   *
   * @throws ModelFormatException if bytes remain unread (or, for file sections, if the bytes read
   *     no longer match the section checksum)
   */
  void finish();

  /**
   * Makes an exception for a semantic error found by the caller (for example a child index that
   * points to its own parent), with the region, the current offset and {@code what} in the message.
   * Throw the result.
   *
   * @param what the field, or null
   */
  ModelFormatException formatError(String what, String problem);
}

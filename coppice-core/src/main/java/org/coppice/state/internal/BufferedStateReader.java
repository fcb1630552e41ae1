package org.coppice.state.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;

/**
 * The {@link StateReader} decoding, over a region of known length that is held in a little-endian
 * {@link ByteBuffer} window, refilled on demand by the subclass. All implementations share this
 * class, so they share the exact same encoding and the same checks.
 *
 * <p>Bulk array reads copy straight from the window into the destination array through a typed view
 * ({@link ByteBuffer#asDoubleBuffer()} and friends), one window at a time.
 */
public abstract class BufferedStateReader implements StateReader {
  private static final ByteBuffer DETACHED = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final String context;
  private final long length;
  private final int maxArrayLength;
  private ByteBuffer buf;
  private long unbuffered;
  private boolean detached;

  /**
   * @param context name of the region for messages
   * @param buffer little-endian window holding the first {@code buffer.remaining()} bytes of the
   *     region; if the region is longer, its capacity must be at least 16 bytes, and {@link
   *     #refill} supplies the rest
   * @param length length of the region in bytes
   * @param maxArrayLength upper bound for every array length read, whatever the caller asks
   */
  protected BufferedStateReader(
      String context, ByteBuffer buffer, long length, int maxArrayLength) {
    this.context = Objects.requireNonNull(context, "context");
    if (buffer.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("buffer must be little-endian");
    }
    if (length < 0 || buffer.remaining() > length) {
      throw new IllegalArgumentException("bad region length " + length);
    }
    if (buffer.remaining() < length && buffer.capacity() < 16) {
      throw new IllegalArgumentException("buffer capacity must be at least 16 bytes");
    }
    if (maxArrayLength < 0) {
      throw new IllegalArgumentException("maxArrayLength < 0");
    }
    this.buf = buffer;
    this.length = length;
    this.unbuffered = length - buffer.remaining();
    this.maxArrayLength = maxArrayLength;
  }

  /**
   * Reads exactly {@code n} further bytes of the region into {@code dst} at its position, advancing
   * the position; {@code dst} has room for them. Called only while bytes of the region remain.
   */
  protected abstract void refill(ByteBuffer dst, int n);

  /** Makes every later read fail with {@link IllegalStateException} (the window is reused). */
  protected final void detach() {
    detached = true;
    buf = DETACHED;
    unbuffered = 0;
  }

  @Override
  public final String context() {
    return context;
  }

  @Override
  public final long remaining() {
    checkAttached();
    return buf.remaining() + unbuffered;
  }

  @Override
  public final long position() {
    return length - remaining();
  }

  /** Length of the region in bytes. */
  public final long length() {
    return length;
  }

  private void checkAttached() {
    if (detached) {
      throw new IllegalStateException(
          context
              + ": this reader is no longer usable (another section was opened or the file was"
              + " closed)");
    }
  }

  private void need(int n, String type) {
    if (buf.remaining() < n) {
      fill(n, type);
    }
  }

  private void fill(int n, String type) {
    checkAttached();
    long rem = remaining();
    if (rem < n) {
      throw formatError(
          null,
          "unexpected end of data reading "
              + type
              + ": needs "
              + n
              + " bytes but only "
              + rem
              + " remain");
    }
    buf.compact();
    int want = (int) Math.min(buf.remaining(), unbuffered);
    int start = buf.position();
    refill(buf, want);
    if (buf.position() != start + want) {
      throw new IllegalStateException("refill did not supply " + want + " bytes");
    }
    unbuffered -= want;
    buf.flip();
  }

  private void checkBulk(long bytes, String type) {
    checkAttached();
    long rem = remaining();
    if (bytes > rem) {
      throw formatError(
          null,
          "unexpected end of data reading "
              + type
              + ": needs "
              + bytes
              + " bytes but only "
              + rem
              + " remain");
    }
  }

  @Override
  public final byte readByte() {
    need(1, "a byte");
    return buf.get();
  }

  @Override
  public final boolean readBoolean() {
    long pos = position();
    byte b = readByte();
    if (b == 0) {
      return false;
    }
    if (b == 1) {
      return true;
    }
    throw errorAt(pos, null, String.format("invalid boolean byte 0x%02x (must be 0 or 1)", b));
  }

  @Override
  public final int readInt() {
    need(4, "an int");
    return buf.getInt();
  }

  @Override
  public final long readLong() {
    need(8, "a long");
    return buf.getLong();
  }

  @Override
  public final double readDouble() {
    need(8, "a double");
    return buf.getDouble();
  }

  @Override
  public final void readBytes(byte[] dst, int off, int len) {
    Objects.checkFromIndexSize(off, len, dst.length);
    checkBulk(len, "a byte array");
    while (len > 0) {
      if (!buf.hasRemaining()) {
        fill(1, "a byte array");
      }
      int n = Math.min(len, buf.remaining());
      buf.get(dst, off, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public final void readInts(int[] dst, int off, int len) {
    Objects.checkFromIndexSize(off, len, dst.length);
    checkBulk(4L * len, "an int array");
    while (len > 0) {
      if (buf.remaining() < 4) {
        fill(4, "an int array");
      }
      int n = Math.min(len, buf.remaining() >>> 2);
      buf.asIntBuffer().get(dst, off, n);
      buf.position(buf.position() + (n << 2));
      off += n;
      len -= n;
    }
  }

  @Override
  public final void readLongs(long[] dst, int off, int len) {
    Objects.checkFromIndexSize(off, len, dst.length);
    checkBulk(8L * len, "a long array");
    while (len > 0) {
      if (buf.remaining() < 8) {
        fill(8, "a long array");
      }
      int n = Math.min(len, buf.remaining() >>> 3);
      buf.asLongBuffer().get(dst, off, n);
      buf.position(buf.position() + (n << 3));
      off += n;
      len -= n;
    }
  }

  @Override
  public final void readDoubles(double[] dst, int off, int len) {
    Objects.checkFromIndexSize(off, len, dst.length);
    checkBulk(8L * len, "a double array");
    while (len > 0) {
      if (buf.remaining() < 8) {
        fill(8, "a double array");
      }
      int n = Math.min(len, buf.remaining() >>> 3);
      buf.asDoubleBuffer().get(dst, off, n);
      buf.position(buf.position() + (n << 3));
      off += n;
      len -= n;
    }
  }

  @Override
  public final int readCount(String what, int max) {
    return readCount(what, max, 0);
  }

  @Override
  public final int readCount(String what, int max, int minBytesPerItem) {
    if (max < 0 || minBytesPerItem < 0) {
      throw new IllegalArgumentException("max and minBytesPerItem must be >= 0");
    }
    long pos = position();
    int v = readInt();
    if (v < 0) {
      throw errorAt(pos, what, "count " + v + " is negative");
    }
    if (v > max) {
      throw errorAt(pos, what, "count " + v + " exceeds the maximum " + max);
    }
    long need = (long) v * minBytesPerItem;
    long rem = remaining();
    if (need > rem) {
      throw errorAt(
          pos,
          what,
          "count "
              + v
              + " needs at least "
              + need
              + " bytes but only "
              + rem
              + " remain (truncated or corrupt)");
    }
    return v;
  }

  @Override
  public final int readIndex(String what, int bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("bound < 0");
    }
    long pos = position();
    int v = readInt();
    if (v < 0 || v >= bound) {
      throw errorAt(pos, what, "index " + v + " is out of range [0, " + bound + ")");
    }
    return v;
  }

  private int readLength(String what, int maxLen, int elementBytes) {
    if (maxLen < 0) {
      throw new IllegalArgumentException("maxLen < 0");
    }
    return readCount(what, Math.min(maxLen, maxArrayLength), elementBytes);
  }

  private int readExactLength(String what, int length, int elementBytes) {
    if (length < 0) {
      throw new IllegalArgumentException("length < 0");
    }
    long pos = position();
    int n = readCount(what, Math.min(length, maxArrayLength), elementBytes);
    if (n != length) {
      throw errorAt(pos, what, "array length " + n + " differs from the expected " + length);
    }
    return n;
  }

  @Override
  public final byte[] readByteArray(String what, int maxLen) {
    byte[] a = new byte[readLength(what, maxLen, 1)];
    readBytes(a, 0, a.length);
    return a;
  }

  @Override
  public final int[] readIntArray(String what, int maxLen) {
    int[] a = new int[readLength(what, maxLen, 4)];
    readInts(a, 0, a.length);
    return a;
  }

  @Override
  public final long[] readLongArray(String what, int maxLen) {
    long[] a = new long[readLength(what, maxLen, 8)];
    readLongs(a, 0, a.length);
    return a;
  }

  @Override
  public final double[] readDoubleArray(String what, int maxLen) {
    double[] a = new double[readLength(what, maxLen, 8)];
    readDoubles(a, 0, a.length);
    return a;
  }

  @Override
  public final int[] readIntArrayExact(String what, int length) {
    int[] a = new int[readExactLength(what, length, 4)];
    readInts(a, 0, a.length);
    return a;
  }

  @Override
  public final long[] readLongArrayExact(String what, int length) {
    long[] a = new long[readExactLength(what, length, 8)];
    readLongs(a, 0, a.length);
    return a;
  }

  @Override
  public final double[] readDoubleArrayExact(String what, int length) {
    double[] a = new double[readExactLength(what, length, 8)];
    readDoubles(a, 0, a.length);
    return a;
  }

  @Override
  public final String readString(String what, int maxBytes) {
    long pos = position();
    byte[] bytes = readByteArray(what, maxBytes);
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw errorAt(pos, what, "string of " + bytes.length + " bytes is not valid UTF-8");
    }
  }

  @Override
  public void finish() {
    long rem = remaining();
    if (rem != 0) {
      throw formatError(
          null,
          rem
              + " unread bytes at the end (the data is longer than what was read: corrupt file or"
              + " a reader that does not match the writer)");
    }
  }

  @Override
  public final ModelFormatException formatError(String what, String problem) {
    return errorAt(detached ? -1 : position(), what, problem);
  }

  private ModelFormatException errorAt(long pos, String what, String problem) {
    StringBuilder sb = new StringBuilder(context);
    if (pos >= 0) {
      sb.append(", offset ").append(pos);
    }
    sb.append(": ");
    if (what != null) {
      sb.append('\'').append(what).append("': ");
    }
    sb.append(problem);
    return new ModelFormatException(sb.toString());
  }
}

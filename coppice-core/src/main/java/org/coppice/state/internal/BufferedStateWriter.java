package org.coppice.state.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.coppice.state.StateWriter;

/**
 * The {@link StateWriter} encoding into a bounded little-endian {@link ByteBuffer} that the
 * subclass drains when it is full. All implementations share this class, so they share the exact
 * same encoding. Bulk array writes go through typed views of the buffer, one buffer at a time, so
 * memory use is the buffer whatever the size of the state.
 */
public abstract class BufferedStateWriter implements StateWriter {
  private final ByteBuffer buf;
  private long written;
  private boolean closed;

  /**
   * @param buffer little-endian buffer of at least 16 bytes, used from its start to its capacity
   */
  protected BufferedStateWriter(ByteBuffer buffer) {
    if (buffer.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("buffer must be little-endian");
    }
    if (buffer.capacity() < 16 || buffer.isReadOnly()) {
      throw new IllegalArgumentException("buffer must be writable with at least 16 bytes");
    }
    this.buf = buffer;
    buffer.clear();
  }

  /**
   * Consumes all of {@code src} (from its position to its limit), for example by writing it to a
   * file. If this throws, the writer refuses all further writes.
   */
  protected abstract void drain(ByteBuffer src);

  /** Drains whatever is buffered. */
  protected final void flushBuffer() {
    checkOpen();
    buf.flip();
    boolean ok = false;
    try {
      if (buf.hasRemaining()) {
        drain(buf);
        if (buf.hasRemaining()) {
          throw new IllegalStateException("drain left " + buf.remaining() + " bytes");
        }
      }
      ok = true;
    } finally {
      buf.clear();
      if (!ok) {
        closed = true;
      }
    }
  }

  /** Flushes and makes every later write fail with {@link IllegalStateException}. */
  protected final void closeWriter() {
    if (!closed) {
      flushBuffer();
      closed = true;
    }
  }

  /** True once {@link #closeWriter()} was called or a drain failed. */
  protected final boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "this state writer is closed (section ended or write failed)");
    }
  }

  private void room(int n) {
    checkOpen();
    if (buf.remaining() < n) {
      flushBuffer();
    }
  }

  @Override
  public final long bytesWritten() {
    return written;
  }

  @Override
  public final void writeByte(int v) {
    room(1);
    buf.put((byte) v);
    written += 1;
  }

  @Override
  public final void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  @Override
  public final void writeInt(int v) {
    room(4);
    buf.putInt(v);
    written += 4;
  }

  @Override
  public final void writeLong(long v) {
    room(8);
    buf.putLong(v);
    written += 8;
  }

  @Override
  public final void writeDouble(double v) {
    room(8);
    buf.putDouble(v);
    written += 8;
  }

  @Override
  public final void writeBytes(byte[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    checkOpen();
    while (len > 0) {
      room(1);
      int n = Math.min(len, buf.remaining());
      buf.put(a, off, n);
      written += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public final void writeInts(int[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    checkOpen();
    while (len > 0) {
      room(4);
      int n = Math.min(len, buf.remaining() >>> 2);
      buf.asIntBuffer().put(a, off, n);
      buf.position(buf.position() + (n << 2));
      written += 4L * n;
      off += n;
      len -= n;
    }
  }

  @Override
  public final void writeLongs(long[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    checkOpen();
    while (len > 0) {
      room(8);
      int n = Math.min(len, buf.remaining() >>> 3);
      buf.asLongBuffer().put(a, off, n);
      buf.position(buf.position() + (n << 3));
      written += 8L * n;
      off += n;
      len -= n;
    }
  }

  @Override
  public final void writeDoubles(double[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    checkOpen();
    while (len > 0) {
      room(8);
      int n = Math.min(len, buf.remaining() >>> 3);
      buf.asDoubleBuffer().put(a, off, n);
      buf.position(buf.position() + (n << 3));
      written += 8L * n;
      off += n;
      len -= n;
    }
  }

  @Override
  public final void writeString(String s) {
    ByteBuffer utf8;
    try {
      utf8 =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(s));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("string is not valid Unicode (unpaired surrogate)", e);
    }
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    writeByteArray(bytes);
  }
}

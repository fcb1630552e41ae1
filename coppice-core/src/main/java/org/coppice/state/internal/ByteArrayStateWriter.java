package org.coppice.state.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.coppice.state.StateWriter;

/**
 * A {@link StateWriter} into memory, with the same encoding as model file sections; for tests and
 * for small payloads.
 */
public final class ByteArrayStateWriter extends BufferedStateWriter {
  private byte[] out = new byte[256];
  private int size;

  public ByteArrayStateWriter() {
    super(ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN));
  }

  @Override
  protected void drain(ByteBuffer src) {
    int n = src.remaining();
    if (n > Integer.MAX_VALUE - 16 - size) {
      throw new IllegalStateException("in-memory state larger than 2 GiB");
    }
    if (size + n > out.length) {
      out =
          Arrays.copyOf(
              out, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size + n, 2L * out.length)));
    }
    src.get(out, size, n);
    size += n;
  }

  /** Everything written so far; the writer stays usable. */
  public byte[] toByteArray() {
    flushBuffer();
    return Arrays.copyOf(out, size);
  }
}

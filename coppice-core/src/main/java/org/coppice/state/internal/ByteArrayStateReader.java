package org.coppice.state.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.coppice.state.StateReader;

/**
 * A {@link StateReader} over a byte array, with the same decoding and checks as model file
 * sections; for tests and for small payloads.
 */
public final class ByteArrayStateReader extends BufferedStateReader {
  /** Reads all of {@code data}, with no array limit beyond the data itself. */
  public ByteArrayStateReader(byte[] data) {
    this(data, 0, data.length, "state", Integer.MAX_VALUE);
  }

  /**
   * Reads {@code data[off, off + len)}.
   *
   * @param context name of the data for messages
   * @param maxArrayLength upper bound for every array length read
   */
  public ByteArrayStateReader(byte[] data, int off, int len, String context, int maxArrayLength) {
    super(
        context,
        ByteBuffer.wrap(data, off, len).slice().order(ByteOrder.LITTLE_ENDIAN),
        len,
        maxArrayLength);
  }

  @Override
  protected void refill(ByteBuffer dst, int n) {
    throw new IllegalStateException("all data is in memory");
  }
}

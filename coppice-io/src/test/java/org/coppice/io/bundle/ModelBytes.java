package org.coppice.io.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Raw edits of model.bin bytes for hostile-input tests. */
final class ModelBytes {
  private ModelBytes() {}

  static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  static int headerBytes(byte[] b) {
    return le(b).getInt(16);
  }

  /** Offset of table entry {@code i}. */
  static int entry(int i) {
    return ModelFile.PREAMBLE_BYTES + 8 + i * ModelFile.ENTRY_BYTES;
  }

  static int crc(byte[] b, long off, long len) {
    CRC32C c = new CRC32C();
    c.update(b, (int) off, (int) len);
    return (int) c.getValue();
  }

  /**
   * Recomputes every checksum that the (possibly edited) header lets us locate, so that an edit
   * reaches the structural checks and the decoder instead of failing at a checksum.
   */
  static byte[] fixCrcs(byte[] b) {
    if (b.length < ModelFile.PREAMBLE_BYTES) {
      return b;
    }
    ByteBuffer bb = le(b);
    long h = Integer.toUnsignedLong(bb.getInt(16));
    if (h < ModelFile.HEADER_FIXED_BYTES || ModelFile.PREAMBLE_BYTES + h > b.length) {
      return b;
    }
    long count = Integer.toUnsignedLong(bb.getInt(ModelFile.PREAMBLE_BYTES));
    long room = (h - ModelFile.HEADER_FIXED_BYTES) / ModelFile.ENTRY_BYTES;
    for (int i = 0; i < Math.min(count, room); i++) {
      int e = entry(i);
      long off = bb.getLong(e + 8);
      long len = bb.getLong(e + 16);
      if (off >= 0 && len >= 0 && off <= b.length && len <= b.length - off) {
        bb.putInt(e + 24, crc(b, off, len));
      }
    }
    int end = (int) (ModelFile.PREAMBLE_BYTES + h - 4);
    bb.putInt(end, crc(b, 0, end));
    return b;
  }
}

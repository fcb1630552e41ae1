package org.coppice.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.coppice.state.internal.BufferedStateReader;
import org.coppice.state.internal.BufferedStateWriter;
import org.coppice.state.internal.ByteArrayStateReader;
import org.coppice.state.internal.ByteArrayStateWriter;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  /** Reader that refills a 16-byte window a few bytes at a time, to exercise every boundary. */
  private static final class ChunkedReader extends BufferedStateReader {
    private final byte[] data;
    private int next;

    ChunkedReader(byte[] data) {
      super(
          "chunked",
          ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).limit(0),
          data.length,
          Integer.MAX_VALUE);
      this.data = data;
    }

    @Override
    protected void refill(ByteBuffer dst, int n) {
      dst.put(data, next, n);
      next += n;
    }
  }

  /** Writer with a 16-byte buffer, to exercise every boundary. */
  private static final class ChunkedWriter extends BufferedStateWriter {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    ChunkedWriter() {
      super(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    protected void drain(ByteBuffer src) {
      byte[] b = new byte[src.remaining()];
      src.get(b);
      out.writeBytes(b);
    }

    byte[] bytes() {
      flushBuffer();
      return out.toByteArray();
    }
  }

  private static void writeSample(StateWriter w, SplittableRandom rnd) {
    w.writeByte(-7);
    w.writeBoolean(true);
    w.writeBoolean(false);
    w.writeInt(0x01020304);
    w.writeLong(-2L);
    w.writeDouble(Double.longBitsToDouble(0x7ff8_0000_0000_1234L));
    w.writeString("héllo, 世界 \uD83C\uDF33");
    w.writeString("");
    int n = 1000;
    int[] ints = rnd.ints(n).toArray();
    long[] longs = rnd.longs(n).toArray();
    double[] doubles = rnd.doubles(n).toArray();
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) rnd.nextInt();
    }
    w.writeIntArray(ints, 999);
    w.writeLongArray(longs);
    w.writeDoubleArray(doubles, 3);
    w.writeByteArray(bytes);
    w.writeInts(ints, 5, 17);
    w.writeLongs(longs, 1, 33);
    w.writeDoubles(doubles, 0, n);
    w.writeBytes(bytes, 2, 13);
    w.writeIntArray(new int[0]);
  }

  private static void readSample(StateReader r, SplittableRandom rnd) {
    assertEquals(-7, r.readByte());
    assertTrue(r.readBoolean());
    assertFalse(r.readBoolean());
    assertEquals(0x01020304, r.readInt());
    assertEquals(-2L, r.readLong());
    assertEquals(0x7ff8_0000_0000_1234L, Double.doubleToRawLongBits(r.readDouble()));
    assertEquals("héllo, 世界 \uD83C\uDF33", r.readString("s", 100));
    assertEquals("", r.readString("empty", 0));
    int n = 1000;
    int[] ints = rnd.ints(n).toArray();
    long[] longs = rnd.longs(n).toArray();
    double[] doubles = rnd.doubles(n).toArray();
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) rnd.nextInt();
    }
    assertArrayEquals(Arrays.copyOf(ints, 999), r.readIntArray("ints", 999));
    assertArrayEquals(longs, r.readLongArrayExact("longs", n));
    assertArrayEquals(Arrays.copyOf(doubles, 3), r.readDoubleArray("doubles", 10));
    assertArrayEquals(bytes, r.readByteArray("bytes", n));
    int[] i2 = new int[20];
    r.readInts(i2, 3, 17);
    assertArrayEquals(Arrays.copyOfRange(ints, 5, 22), Arrays.copyOfRange(i2, 3, 20));
    long[] l2 = new long[33];
    r.readLongs(l2, 0, 33);
    assertArrayEquals(Arrays.copyOfRange(longs, 1, 34), l2);
    double[] d2 = new double[n];
    r.readDoubles(d2, 0, n);
    assertArrayEquals(doubles, d2);
    byte[] b2 = new byte[13];
    r.readBytes(b2, 0, 13);
    assertArrayEquals(Arrays.copyOfRange(bytes, 2, 15), b2);
    assertArrayEquals(new int[0], r.readIntArrayExact("empty", 0));
    assertEquals(0, r.remaining());
    r.finish();
  }

  @Test
  void roundTripInMemory() {
    ByteArrayStateWriter w = new ByteArrayStateWriter();
    writeSample(w, new SplittableRandom(1));
    byte[] bytes = w.toByteArray();
    assertEquals(bytes.length, w.bytesWritten());
    readSample(new ByteArrayStateReader(bytes), new SplittableRandom(1));
  }

  @Test
  void smallBuffersGiveTheSameBytesAndReadBack() {
    ByteArrayStateWriter w = new ByteArrayStateWriter();
    writeSample(w, new SplittableRandom(2));
    ChunkedWriter c = new ChunkedWriter();
    writeSample(c, new SplittableRandom(2));
    byte[] bytes = c.bytes();
    assertArrayEquals(w.toByteArray(), bytes);
    readSample(new ChunkedReader(bytes), new SplittableRandom(2));
  }

  @Test
  void encodingIsLittleEndianWithIntLengthPrefixes() {
    ByteArrayStateWriter w = new ByteArrayStateWriter();
    w.writeInt(0x01020304);
    w.writeLong(0x0102030405060708L);
    w.writeDouble(1.0);
    w.writeBoolean(true);
    w.writeIntArray(new int[] {-1, 2}, 2);
    w.writeString("é");
    byte[] expected = {
      4,
      3,
      2,
      1, //
      8,
      7,
      6,
      5,
      4,
      3,
      2,
      1, //
      0,
      0,
      0,
      0,
      0,
      0,
      (byte) 0xf0,
      0x3f, //
      1, //
      2,
      0,
      0,
      0,
      -1,
      -1,
      -1,
      -1,
      2,
      0,
      0,
      0, //
      2,
      0,
      0,
      0,
      (byte) 0xc3,
      (byte) 0xa9
    };
    assertArrayEquals(expected, w.toByteArray());
  }

  private static byte[] bytes(Consumer<StateWriter> body) {
    ByteArrayStateWriter w = new ByteArrayStateWriter();
    body.accept(w);
    return w.toByteArray();
  }

  private static ModelFormatException fails(byte[] data, Consumer<StateReader> body) {
    ModelFormatException a =
        assertThrows(ModelFormatException.class, () -> body.accept(new ByteArrayStateReader(data)));
    ModelFormatException b =
        assertThrows(ModelFormatException.class, () -> body.accept(new ChunkedReader(data)));
    assertEquals(a.getMessage().replace("state", "chunked"), b.getMessage());
    return a;
  }

  @Test
  void hugeClaimedArrayIsRejectedBeforeAllocation() {
    byte[] data = bytes(w -> w.writeInt(Integer.MAX_VALUE - 8));
    ModelFormatException e = fails(data, r -> r.readDoubleArray("leaf.stats", Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("'leaf.stats'"), e.getMessage());
    assertTrue(e.getMessage().contains("only 0 remain"), e.getMessage());
    fails(data, r -> r.readLongArray("x", Integer.MAX_VALUE));
    fails(data, r -> r.readIntArray("x", Integer.MAX_VALUE));
    fails(data, r -> r.readByteArray("x", Integer.MAX_VALUE));
    fails(data, r -> r.readString("x", Integer.MAX_VALUE));
    fails(data, r -> r.readIntArrayExact("x", Integer.MAX_VALUE - 8));
    fails(data, r -> r.readCount("x", Integer.MAX_VALUE, 1));
  }

  @Test
  void countsAndIndexesAreChecked() {
    byte[] minusOne = bytes(w -> w.writeInt(-1));
    byte[] five = bytes(w -> w.writeInt(5));
    assertTrue(
        fails(minusOne, r -> r.readCount("nodes", 10))
            .getMessage()
            .contains("count -1 is negative"));
    assertTrue(
        fails(five, r -> r.readCount("nodes", 4))
            .getMessage()
            .contains("'nodes': count 5 exceeds the maximum 4"));
    assertEquals(5, new ByteArrayStateReader(five).readCount("nodes", 5));
    assertTrue(
        fails(five, r -> r.readIndex("child", 5))
            .getMessage()
            .contains("index 5 is out of range [0, 5)"));
    fails(minusOne, r -> r.readIndex("child", 5));
    assertEquals(5, new ByteArrayStateReader(five).readIndex("child", 6));
    byte[] arr = bytes(w -> w.writeIntArray(new int[] {1, 2, 3}));
    fails(arr, r -> r.readIntArray("a", 2));
    fails(arr, r -> r.readIntArrayExact("a", 4));
    fails(arr, r -> r.readIntArrayExact("a", 2));
    ByteArrayStateReader limited = new ByteArrayStateReader(arr, 0, arr.length, "limited", 2);
    assertThrows(ModelFormatException.class, () -> limited.readIntArray("a", 100));
  }

  @Test
  void truncationAndTrailingBytesAreDetected() {
    byte[] data = bytes(w -> w.writeLong(1));
    for (int len = 0; len < 8; len++) {
      byte[] cut = Arrays.copyOf(data, len);
      ModelFormatException e = fails(cut, StateReader::readLong);
      assertTrue(e.getMessage().contains("unexpected end of data"), e.getMessage());
      fails(cut, r -> r.readDoubles(new double[1], 0, 1));
    }
    byte[] longer = Arrays.copyOf(data, 9);
    ModelFormatException e =
        fails(
            longer,
            r -> {
              r.readLong();
              r.finish();
            });
    assertTrue(e.getMessage().contains("1 unread bytes"), e.getMessage());
  }

  @Test
  void invalidBooleanAndUtf8AreRejected() {
    fails(new byte[] {2}, StateReader::readBoolean);
    byte[] badUtf8 = {2, 0, 0, 0, (byte) 0xc3, 0x28};
    assertTrue(
        fails(badUtf8, r -> r.readString("name", 10)).getMessage().contains("not valid UTF-8"));
    byte[] surrogate = {3, 0, 0, 0, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
    fails(surrogate, r -> r.readString("name", 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ByteArrayStateWriter().writeString("bad \uD800 surrogate"));
  }

  @Test
  void errorMessagesNameTheRegionOffsetAndField() {
    byte[] data =
        bytes(
            w -> {
              w.writeInt(1);
              w.writeInt(7);
            });
    ByteArrayStateReader r = new ByteArrayStateReader(data, 0, data.length, "model.bin s3", 100);
    r.readInt();
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> r.readIndex("left", 3));
    assertEquals("model.bin s3, offset 4: 'left': index 7 is out of range [0, 3)", e.getMessage());
    assertEquals(
        "model.bin s3, offset 8: 'tree': cycle", r.formatError("tree", "cycle").getMessage());
  }
}

package org.coppice.io.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.internal.BufferedStateReader;

/**
 * Reads a {@code model.bin}. {@link #open} validates everything it can before any section is read:
 * magic, version, flags, header length, header checksum, section count, every table entry, and that
 * the sections tile the file exactly from the end of the header to the end of the file, all against
 * the file size and the {@link Limits}. Each section is then opened with {@link #section(int)},
 * which verifies the section's CRC-32C before returning a {@link StateReader} that decodes it in
 * bulk straight into the caller's arrays. A section of up to 1 MiB is read once into a buffer
 * shared by all sections, checked and decoded from there; a larger one is memory-mapped (version-1
 * sections are below 2 GiB), checked and decoded from the mapping, so its bytes are copied once,
 * into the final arrays. On Windows, and for channels that are not files, a large section is
 * instead streamed twice through the buffer: once to check it, once to decode it (checking it
 * again). Nothing of the file's size is allocated besides what the caller reads. Call {@link
 * StateReader#finish()} after reading a section: it fails if bytes are left over.
 *
 * <p>Any invalid input gives a {@link ModelFormatException} whose message names the file, the
 * section, the offset and the problem; I/O errors are {@link IOException} from {@code open} and
 * {@link UncheckedIOException} afterwards. Only one section reader is usable at a time (opening the
 * next one invalidates the previous). Not thread-safe.
 */
public final class ModelFileReader implements Closeable {
  private static final int MAX_BUFFER_BYTES = 1 << 20;

  /**
   * Map sections larger than the buffer instead of reading them twice. Not on Windows, where a live
   * mapping (released only by the garbage collector) would block renaming the bundle.
   */
  private static final boolean MAP_LARGE_SECTIONS = !FileSync.WINDOWS;

  private final SeekableByteChannel channel;
  private final String name;
  private final Limits limits;
  private final long fileSize;
  private final List<SectionInfo> sections;
  private final ByteBuffer buffer;
  private SectionReader current;
  private boolean closed;

  private ModelFileReader(
      SeekableByteChannel channel,
      String name,
      Limits limits,
      long fileSize,
      List<SectionInfo> sections) {
    this.channel = channel;
    this.name = name;
    this.limits = limits;
    this.fileSize = fileSize;
    this.sections = sections;
    long largest = 16;
    for (SectionInfo s : sections) {
      largest = Math.max(largest, s.length());
    }
    this.buffer =
        ByteBuffer.allocateDirect((int) Math.min(MAX_BUFFER_BYTES, largest))
            .order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Opens and validates {@code path} with the default {@link Limits}. */
  public static ModelFileReader open(Path path) throws IOException {
    return open(path, Limits.DEFAULT);
  }

  /** Opens and validates {@code path}. */
  public static ModelFileReader open(Path path, Limits limits) throws IOException {
    Path fileName = path.getFileName();
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return open(ch, limits, fileName == null ? path.toString() : fileName.toString());
    } catch (IOException | RuntimeException | Error e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens and validates the bytes of {@code channel} from position 0 to its size. The reader takes
   * ownership: {@link #close()} closes the channel, and so does a failure to open. Reads are
   * positional, so the channel must not be used by anyone else meanwhile.
   *
   * @param name the file name for messages
   */
  public static ModelFileReader open(SeekableByteChannel channel, Limits limits, String name)
      throws IOException {
    try {
      return validate(channel, Objects.requireNonNull(limits, "limits"), name);
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  private static ModelFileReader validate(SeekableByteChannel channel, Limits limits, String name)
      throws IOException {
    long size = channel.size();
    if (size < ModelFile.PREAMBLE_BYTES) {
      throw new ModelFormatException(
          name
              + ": file is "
              + size
              + " bytes, shorter than the "
              + ModelFile.PREAMBLE_BYTES
              + "-byte preamble of a Coppice model file (truncated or not a model file)");
    }
    if (size > limits.maxFileBytes()) {
      throw new ModelFormatException(
          name + ": file is " + size + " bytes, more than the limit of " + limits.maxFileBytes());
    }
    ByteBuffer pre = ByteBuffer.allocate(ModelFile.PREAMBLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    readAt(channel, pre, 0, name);
    byte[] magic = new byte[ModelFile.MAGIC.length];
    pre.get(0, magic);
    if (!Arrays.equals(magic, ModelFile.MAGIC)) {
      throw new ModelFormatException(
          name
              + ": not a Coppice model file: starts with "
              + ModelFile.describeMagic(magic, magic.length)
              + ", expected "
              + ModelFile.describeMagic(ModelFile.MAGIC, ModelFile.MAGIC.length));
    }
    long version = Integer.toUnsignedLong(pre.getInt(8));
    if (version != ModelFile.FORMAT_VERSION) {
      throw new ModelFormatException(
          name
              + ": format version "
              + version
              + " is not supported; this version of Coppice reads format version "
              + ModelFile.FORMAT_VERSION
              + (version > ModelFile.FORMAT_VERSION
                  ? " (the file was written by a newer Coppice)"
                  : ""));
    }
    int flags = pre.getInt(12);
    if (flags != 0) {
      throw new ModelFormatException(
          name
              + ": unknown flags 0x"
              + Integer.toHexString(flags)
              + " (format version 1 has none)");
    }
    long headerBytes = Integer.toUnsignedLong(pre.getInt(16));
    if (headerBytes < ModelFile.HEADER_FIXED_BYTES || headerBytes > limits.maxHeaderBytes()) {
      throw new ModelFormatException(
          name
              + ": header length "
              + headerBytes
              + " is outside the allowed range ["
              + ModelFile.HEADER_FIXED_BYTES
              + ", "
              + limits.maxHeaderBytes()
              + "]");
    }
    long headerEnd = ModelFile.PREAMBLE_BYTES + headerBytes;
    if (headerEnd > size) {
      throw new ModelFormatException(
          name
              + ": header ends at byte "
              + headerEnd
              + " but the file is only "
              + size
              + " bytes (truncated)");
    }
    ByteBuffer h = ByteBuffer.allocate((int) headerEnd).order(ByteOrder.LITTLE_ENDIAN);
    h.put(pre.clear());
    readAt(channel, h, ModelFile.PREAMBLE_BYTES, name);
    CRC32C crc = new CRC32C();
    crc.update(h.array(), 0, (int) headerEnd - 4);
    int storedCrc = h.getInt((int) headerEnd - 4);
    if ((int) crc.getValue() != storedCrc) {
      throw new ModelFormatException(
          String.format(
              "%s: header checksum mismatch (stored %08x, computed %08x): the file is corrupt",
              name, storedCrc, (int) crc.getValue()));
    }
    List<SectionInfo> sections = parseTable(h, (int) headerBytes, size, limits, name);
    return new ModelFileReader(channel, name, limits, size, sections);
  }

  private static List<SectionInfo> parseTable(
      ByteBuffer h, int headerBytes, long size, Limits limits, String name) {
    int p = ModelFile.PREAMBLE_BYTES;
    long count = Integer.toUnsignedLong(h.getInt(p));
    int reserved = h.getInt(p + 4);
    if (reserved != 0) {
      throw new ModelFormatException(name + ": reserved header field is " + reserved + ", not 0");
    }
    long room = (headerBytes - ModelFile.HEADER_FIXED_BYTES) / ModelFile.ENTRY_BYTES;
    if (count > limits.maxSections() || count > room) {
      throw new ModelFormatException(
          name
              + ": section count "
              + count
              + " exceeds "
              + (count > room
                  ? "the " + room + " entries that fit in the " + headerBytes + "-byte header"
                  : "the limit of " + limits.maxSections()));
    }
    int n = (int) count;
    SectionInfo[] table = new SectionInfo[n];
    long expected = ModelFile.PREAMBLE_BYTES + (long) headerBytes;
    int e = p + 8;
    for (int i = 0; i < n; i++, e += ModelFile.ENTRY_BYTES) {
      int kind = h.getInt(e);
      int id = h.getInt(e + 4);
      long offset = h.getLong(e + 8);
      long length = h.getLong(e + 16);
      int crc = h.getInt(e + 24);
      int pad = h.getInt(e + 28);
      String where = name + ": section " + i + " (kind " + Integer.toUnsignedString(kind);
      where += ", id " + id + ")";
      if (kind < 0) {
        throw new ModelFormatException(where + ": kind must be below 2^31");
      }
      if (pad != 0) {
        throw new ModelFormatException(where + ": reserved entry field is " + pad + ", not 0");
      }
      if (offset != expected) {
        throw new ModelFormatException(
            where
                + ": starts at byte "
                + Long.toUnsignedString(offset)
                + " but must start at byte "
                + expected
                + (Long.compareUnsigned(offset, expected) < 0
                    ? " (overlaps the previous section or the header)"
                    : " (gap after the previous section or the header)")
                + "; sections must tile the file");
      }
      if (length < 0 || length > limits.maxSectionBytes()) {
        throw new ModelFormatException(
            where
                + ": length "
                + Long.toUnsignedString(length)
                + " exceeds the limit of "
                + limits.maxSectionBytes()
                + " bytes");
      }
      if (length > size - expected) {
        throw new ModelFormatException(
            where
                + ": bytes ["
                + expected
                + ", "
                + (expected + length)
                + ") extend beyond the end of the "
                + size
                + "-byte file (truncated)");
      }
      table[i] = new SectionInfo(i, kind, id, offset, length, crc);
      expected += length;
    }
    for (int q = e; q < p + headerBytes - 4; q++) {
      if (h.get(q) != 0) {
        throw new ModelFormatException(
            name + ": header padding byte " + q + " is not zero (the header must not carry data)");
      }
    }
    if (expected != size) {
      throw new ModelFormatException(
          name
              + ": the sections end at byte "
              + expected
              + " but the file is "
              + size
              + " bytes ("
              + (size - expected)
              + " trailing bytes belong to no section)");
    }
    return List.of(table);
  }

  private static void readAt(SeekableByteChannel ch, ByteBuffer dst, long pos, String name)
      throws IOException {
    try {
      FileSync.readFully(ch, dst, pos);
    } catch (FileSync.EndOfChannelException e) {
      throw new ModelFormatException(
          name + ": " + e.getMessage() + " (the file shrank while being read)", e);
    }
    dst.flip();
  }

  /** Name of the file, for messages. */
  public String name() {
    return name;
  }

  /** Size of the file in bytes. */
  public long fileSize() {
    return fileSize;
  }

  /** The limits this reader checks against. */
  public Limits limits() {
    return limits;
  }

  /** The section table, in file order. */
  public List<SectionInfo> sections() {
    return sections;
  }

  /** Index of the first section with this kind and id, or -1. */
  public int find(int kind, int id) {
    for (SectionInfo s : sections) {
      if (s.kind() == kind && s.id() == id) {
        return s.index();
      }
    }
    return -1;
  }

  /**
   * Verifies the CRC-32C of section {@code index} and returns a reader positioned at its start.
   * Invalidates the previously returned reader.
   *
   * @throws ModelFormatException if the checksum does not match
   */
  public StateReader section(int index) {
    if (closed) {
      throw new IllegalStateException(name + " is closed");
    }
    SectionInfo s = sections.get(index);
    if (current != null) {
      current.invalidate();
      current = null;
    }
    String context = name + " " + s.describe();
    try {
      if (s.length() <= buffer.capacity()) {
        // One read: the whole section is checked and then decoded from the same buffer.
        buffer.clear().limit((int) s.length());
        readAt(channel, buffer, s.offset(), name);
        checkCrc(context, s, buffer.duplicate());
        current = new SectionReader(context, s, buffer, false);
      } else if (MAP_LARGE_SECTIONS && channel instanceof FileChannel fc) {
        // One copy: map the section (at most 2 GiB - 1 in version 1), check it, decode from it.
        ByteBuffer map =
            fc.map(FileChannel.MapMode.READ_ONLY, s.offset(), s.length())
                .order(ByteOrder.LITTLE_ENDIAN);
        checkCrc(context, s, map.duplicate());
        current = new SectionReader(context, s, map, false);
      } else {
        // Two streaming passes through the buffer: check, then decode (checking again).
        CRC32C crc = new CRC32C();
        long pos = s.offset();
        long end = s.offset() + s.length();
        while (pos < end) {
          buffer.clear();
          buffer.limit((int) Math.min(buffer.capacity(), end - pos));
          readAt(channel, buffer, pos, name);
          pos += buffer.remaining();
          crc.update(buffer);
        }
        compareCrc(context, s, crc);
        buffer.clear().limit(0);
        current = new SectionReader(context, s, buffer, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(context + ": " + e.getMessage(), e);
    }
    return current;
  }

  private static void checkCrc(String context, SectionInfo s, ByteBuffer bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    compareCrc(context, s, crc);
  }

  private static void compareCrc(String context, SectionInfo s, CRC32C crc) {
    if ((int) crc.getValue() != s.crc32c()) {
      throw new ModelFormatException(
          String.format(
              "%s: checksum mismatch (stored %08x, computed %08x): the section is corrupt",
              context, s.crc32c(), (int) crc.getValue()));
    }
  }

  /** Closes the file; readers returned by {@link #section} become unusable. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.invalidate();
      current = null;
    }
    channel.close();
  }

  private final class SectionReader extends BufferedStateReader {
    private final SectionInfo info;
    private final boolean streaming;
    private final CRC32C crc = new CRC32C();
    private long filePos;

    /**
     * @param buffer the whole section (streaming false) or an empty window (streaming true)
     */
    SectionReader(String context, SectionInfo info, ByteBuffer buffer, boolean streaming) {
      super(context, buffer, info.length(), limits.maxArrayLength());
      this.info = info;
      this.streaming = streaming;
      this.filePos = info.offset();
    }

    @Override
    protected void refill(ByteBuffer dst, int n) {
      int start = dst.position();
      int limit = dst.limit();
      dst.limit(start + n);
      try {
        FileSync.readFully(channel, dst, filePos);
      } catch (FileSync.EndOfChannelException e) {
        throw new ModelFormatException(
            context() + ": " + e.getMessage() + " (the file shrank while being read)", e);
      } catch (IOException e) {
        throw new UncheckedIOException(context() + ": " + e.getMessage(), e);
      }
      ByteBuffer view = dst.duplicate();
      view.position(start);
      crc.update(view);
      dst.limit(limit);
      filePos += n;
    }

    @Override
    public void finish() {
      super.finish();
      if (streaming && (int) crc.getValue() != info.crc32c()) {
        throw new ModelFormatException(
            context() + ": the bytes read do not match the checksum (the file changed while open)");
      }
    }

    void invalidate() {
      detach();
    }
  }
}

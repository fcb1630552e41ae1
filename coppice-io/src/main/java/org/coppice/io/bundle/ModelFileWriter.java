package org.coppice.io.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.coppice.state.StateWriter;
import org.coppice.state.internal.BufferedStateWriter;

/**
 * Writes a {@code model.bin} (layout in {@link ModelFile} and {@code docs/FORMAT.md}) section by
 * section, streamed through one 1 MiB buffer with each section's CRC-32C computed on the fly, into
 * a temporary file next to the target. {@link #commit()} writes the header into the space reserved
 * at the start, forces the file to disk and renames it over the target in one atomic step; until
 * then the target is untouched, and {@link #close()} without commit deletes the temporary file.
 *
 * <pre>{@code
 * try (ModelFileWriter w = ModelFileWriter.open(path, trees)) {
 *   for (int t = 0; t < trees; t++) {
 *     StateWriter s = w.beginSection(KIND_TREE, t);
 *     s.writeIntArray(left, nodeCount);
 *     ...
 *     w.endSection();
 *   }
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>Write errors surface as {@link UncheckedIOException} from the section writer, after which the
 * file can no longer be committed. Not thread-safe.
 */
public final class ModelFileWriter implements Closeable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final int maxSections;
  private final int headerBytes;
  private final ByteBuffer buffer;
  private final List<SectionInfo> sections = new ArrayList<>();
  private SectionWriter current;
  private long nextOffset;
  private boolean failed;
  private boolean committed;
  private boolean closed;

  private ModelFileWriter(Path target, Path temp, FileChannel channel, int maxSections)
      throws IOException {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.maxSections = maxSections;
    this.headerBytes = ModelFile.headerBytesFor(maxSections);
    this.nextOffset = ModelFile.PREAMBLE_BYTES + headerBytes;
    this.buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    channel.position(nextOffset);
  }

  /**
   * Starts writing {@code target} (through a temporary file in the same directory).
   *
   * @param maxSections how many sections the header reserves room for, at most {@link
   *     ModelFile#MAX_SECTIONS}; unused entries are zero padding inside the header
   */
  public static ModelFileWriter open(Path target, int maxSections) throws IOException {
    if (maxSections < 0 || maxSections > ModelFile.MAX_SECTIONS) {
      throw new IllegalArgumentException(
          "maxSections must be in [0, " + ModelFile.MAX_SECTIONS + "], got " + maxSections);
    }
    Path abs = target.toAbsolutePath();
    Path[] created = new Path[1];
    FileChannel ch = FileSync.createTemp(abs, created);
    try {
      return new ModelFileWriter(abs, created[0], ch, maxSections);
    } catch (IOException | RuntimeException e) {
      ch.close();
      Files.deleteIfExists(created[0]);
      throw e;
    }
  }

  /**
   * Starts a section. Write its content through the returned writer, then call {@link
   * #endSection()}; only one section is open at a time.
   *
   * @param kind what the section holds, non-negative
   * @param id which one (for example the tree number)
   */
  public StateWriter beginSection(int kind, int id) {
    checkWritable();
    if (current != null) {
      throw new IllegalStateException("section " + current.index + " is still open");
    }
    if (kind < 0) {
      throw new IllegalArgumentException("section kind must be >= 0, got " + kind);
    }
    if (sections.size() >= maxSections) {
      throw new IllegalStateException(
          "the header was reserved for " + maxSections + " sections; open with a larger bound");
    }
    current = new SectionWriter(sections.size(), kind, id, buffer);
    return current;
  }

  /** Ends the open section and records its table entry. */
  public void endSection() {
    checkWritable();
    if (current == null) {
      throw new IllegalStateException("no open section");
    }
    SectionWriter s = current;
    s.end();
    sections.add(
        new SectionInfo(s.index, s.kind, s.id, nextOffset, s.length, (int) s.crc.getValue()));
    nextOffset += s.length;
    current = null;
  }

  /** The sections ended so far. */
  public List<SectionInfo> sections() {
    return List.copyOf(sections);
  }

  /**
   * Writes the header, forces the file to disk, renames it atomically over the target and forces
   * the directory entry. After this the writer is closed.
   */
  public void commit() throws IOException {
    checkWritable();
    if (current != null) {
      throw new IllegalStateException("section " + current.index + " is still open");
    }
    ByteBuffer h =
        ByteBuffer.allocate(ModelFile.PREAMBLE_BYTES + headerBytes).order(ByteOrder.LITTLE_ENDIAN);
    h.put(ModelFile.MAGIC);
    h.putInt(ModelFile.FORMAT_VERSION);
    h.putInt(0);
    h.putInt(headerBytes);
    h.putInt(sections.size());
    h.putInt(0);
    for (SectionInfo s : sections) {
      h.putInt(s.kind());
      h.putInt(s.id());
      h.putLong(s.offset());
      h.putLong(s.length());
      h.putInt(s.crc32c());
      h.putInt(0);
    }
    CRC32C crc = new CRC32C();
    crc.update(h.array(), 0, h.capacity() - 4);
    h.putInt(h.capacity() - 4, (int) crc.getValue());
    h.clear();
    try {
      FileSync.writeFully(channel, h, 0);
      channel.force(true);
      channel.close();
      FileSync.atomicMove(temp, target);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
    committed = true;
    closed = true;
    FileSync.fsyncDirectory(target.getParent());
  }

  /** Abandons the file unless it was committed: closes and deletes the temporary file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.abandon();
      current = null;
    }
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void checkWritable() {
    if (closed) {
      throw new IllegalStateException(committed ? "already committed" : "writer is closed");
    }
    if (failed) {
      throw new IllegalStateException("an earlier write failed; this file cannot be committed");
    }
  }

  private final class SectionWriter extends BufferedStateWriter {
    final int index;
    final int kind;
    final int id;
    final CRC32C crc = new CRC32C();
    long length;

    SectionWriter(int index, int kind, int id, ByteBuffer buffer) {
      super(buffer);
      this.index = index;
      this.kind = kind;
      this.id = id;
    }

    @Override
    protected void drain(ByteBuffer src) {
      if (failed) {
        throw new IllegalStateException("an earlier write failed");
      }
      int n = src.remaining();
      if (length + n > ModelFile.MAX_SECTION_BYTES) {
        failed = true;
        throw new IllegalStateException(
            "section "
                + index
                + " exceeds "
                + ModelFile.MAX_SECTION_BYTES
                + " bytes, the limit"
                + " of format version "
                + ModelFile.FORMAT_VERSION
                + "; split it");
      }
      crc.update(src.duplicate());
      try {
        while (src.hasRemaining()) {
          channel.write(src);
        }
      } catch (IOException e) {
        failed = true;
        throw new UncheckedIOException("writing " + temp.getFileName() + ": " + e.getMessage(), e);
      }
      length += n;
    }

    void end() {
      closeWriter();
    }

    void abandon() {
      if (!isClosed()) {
        failed = true;
        try {
          closeWriter();
        } catch (RuntimeException ignored) {
          // the file is being deleted anyway
        }
      }
    }
  }
}

package org.coppice.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the bytes go to a temporary file in the target's directory, and only
 * {@link #commit()} makes them visible, by flushing, forcing them to disk ({@link
 * FileChannel#force}) and renaming the temporary file over the target ({@link
 * StandardCopyOption#ATOMIC_MOVE}). Readers of the target therefore see either the old file or the
 * complete new one, never a partial write. {@link #close()} without a successful commit deletes the
 * temporary file and leaves any existing target untouched, so the safe pattern is:
 *
 * <pre>{@code
 * try (AtomicFileWriter w = AtomicFileWriter.open(path)) {
 *   OutputStream out = new BufferedOutputStream(w.stream());
 *   ... write to out ...
 *   out.flush();
 *   w.commit();
 * }
 * }</pre>
 *
 * or simply {@link #write(Path, Body)}. The temporary file is named {@code .<name>.<random>.tmp}.
 * Not thread-safe.
 */
public final class AtomicFileWriter implements Closeable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private boolean finished;

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the whole content to {@code out}. Need not flush or close it; closing it does not
     * close the file.
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFileWriter(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new ChannelStream(channel);
  }

  /**
   * Creates a temporary file next to {@code target}, ready to be written through {@link #stream()}.
   * The target itself is not touched until {@link #commit()}.
   *
   * @throws IOException if the temporary file cannot be created, e.g. the directory does not exist
   */
  public static AtomicFileWriter open(Path target) throws IOException {
    Path fileName = target.getFileName();
    if (fileName == null) {
      throw new IOException("not a file path: " + target);
    }
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
      Path temp = target.resolveSibling("." + fileName + "." + suffix + ".tmp");
      try {
        FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new AtomicFileWriter(target, temp, channel);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Writes {@code target} atomically with the content produced by {@code body}: on any exception
   * from {@code body} or from the commit, the target is left as it was and no temporary file
   * remains.
   *
   * @throws IOException from {@code body}, or if the file cannot be created, synced or renamed
   */
  public static void write(Path target, Body body) throws IOException {
    try (AtomicFileWriter w = open(target)) {
      body.writeTo(w.stream());
      w.commit();
    }
  }

  /** The path the content will have after {@link #commit()}. */
  public Path target() {
    return target;
  }

  /**
   * The unbuffered stream to the temporary file; wrap it in a buffer. Closing it (or a wrapper)
   * only flushes: the file stays open until {@link #commit()} or {@link #close()}.
   */
  public OutputStream stream() {
    return stream;
  }

  /**
   * Makes the written content the target: forces it to disk, closes the temporary file, renames it
   * over the target atomically (replacing an existing file), then syncs the directory where the
   * platform allows. Flush any buffering wrapper of {@link #stream()} first. If this fails, the
   * temporary file is deleted and the target is left as it was.
   *
   * @throws IOException if syncing or renaming fails
   * @throws IllegalStateException if already committed or closed
   */
  public void commit() throws IOException {
    if (finished) {
      throw new IllegalStateException("already committed or closed: " + target);
    }
    finished = true;
    try {
      channel.force(true);
      channel.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      discard(e);
      throw e;
    }
    syncDirectory();
  }

  /**
   * Without a prior successful {@link #commit()}, abandons the write: closes and deletes the
   * temporary file, leaving the target untouched. After a commit, does nothing. Idempotent.
   */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      discard(null);
    }
  }

  private void discard(Throwable failure) {
    try {
      channel.close();
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  private void syncDirectory() {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not all platforms can sync a directory (e.g. Windows); the rename itself succeeded.
    }
  }

  /** An output stream on the channel whose close() does not close the channel. */
  private static final class ChannelStream extends OutputStream {
    private final FileChannel channel;
    private final byte[] one = new byte[1];

    ChannelStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    @Override
    public void close() {
      // The owner closes the channel on commit() or close().
    }
  }
}

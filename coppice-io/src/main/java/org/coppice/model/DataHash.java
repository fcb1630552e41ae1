package org.coppice.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.coppice.io.DataSourceException;

/**
 * The SHA-256 of a file's bytes (as stored: compressed bytes for a gzipped file), computed on its
 * own thread while the caller reads the same file, so the hash costs no extra pass in wall time.
 * {@link #close()} stops the hashing if the result is no longer needed.
 */
final class DataHash implements AutoCloseable {
  private final Path file;
  private final FutureTask<String> task;

  private DataHash(Path file) {
    this.file = file;
    this.task = new FutureTask<>(() -> sha256(file));
  }

  /** Starts hashing {@code file} in the background. */
  static DataHash start(Path file) {
    DataHash h = new DataHash(file);
    Thread t = new Thread(h.task, "coppice-sha256");
    t.setDaemon(true);
    t.start();
    return h;
  }

  /**
   * Waits for the hash.
   *
   * @return lower-case hex SHA-256
   * @throws DataSourceException if the file could not be read
   */
  String get() throws InterruptedIOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing " + file);
    } catch (CancellationException e) {
      throw new IllegalStateException("hashing " + file + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw DataSourceException.reading(file, io);
      }
      if (cause instanceof UncheckedIOException u) {
        throw u;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("hashing " + file + " failed", cause);
    }
  }

  @Override
  public void close() {
    task.cancel(true);
  }

  /** The SHA-256 of {@code file}'s bytes, in lower-case hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        if (Thread.interrupted()) {
          throw new InterruptedIOException("hashing " + file + " was stopped");
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

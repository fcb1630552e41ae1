package org.coppice.io;

import org.coppice.data.Instance;
import org.coppice.data.Schema;

/**
 * Writes instances of one schema to a file, atomically: nothing appears at the target path until
 * {@link #commit()} succeeds, and {@link #close()} without a commit discards everything written.
 * Use it as:
 *
 * <pre>{@code
 * try (InstanceWriter w = DataWriters.open(path, schema)) {
 *   while (stream.next(inst)) {
 *     w.write(inst);
 *   }
 *   w.commit();
 * }
 * }</pre>
 *
 * I/O errors surface as {@link DataSourceException}. Not thread-safe.
 */
public interface InstanceWriter extends AutoCloseable {
  /** The schema of the instances written. */
  Schema schema();

  /**
   * Appends one instance.
   *
   * @throws IllegalArgumentException if the instance does not fit the schema (wrong width, a
   *     nominal value that is not a valid index, a label out of range)
   * @throws IllegalStateException after commit or close
   * @throws DataSourceException on an I/O error
   */
  void write(Instance instance);

  /**
   * Finishes the file and atomically moves it to the target path, replacing any existing file.
   *
   * @throws IllegalStateException after commit or close
   * @throws DataSourceException if finishing, syncing or renaming fails (the target is then left as
   *     it was)
   */
  void commit();

  /** Discards the output unless {@link #commit()} succeeded; idempotent; never throws. */
  @Override
  void close();
}

package org.coppice.io.bundle;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.coppice.io.AtomicFileWriter;
import org.coppice.state.StateWriter;

/**
 * Writes a bundle directory ({@code model.bin}, {@code manifest.json} and optional extra files)
 * atomically: everything is written into the sibling staging directory {@code <name>.coppice-new}
 * and forced to disk; then an existing bundle is renamed aside to {@code <name>.coppice-old}, the
 * staging directory is renamed to {@code <name>}, and the old bundle is deleted. Every rename is
 * followed by an fsync of the parent directory. At every instant a complete bundle exists under
 * {@code <name>} or, between the two renames, under {@code <name>.coppice-old} (new one complete in
 * {@code <name>.coppice-new}); {@link BundleReader} falls back to the {@code .coppice-old}
 * directory, and the next {@link #create} restores it. See {@code docs/FORMAT.md}.
 *
 * <pre>{@code
 * try (BundleWriter w = BundleWriter.create(dir, sectionBound)) {
 *   StateWriter s = w.beginSection(KIND_TREE, 0);
 *   ...
 *   w.endSection();
 *   w.commit(manifest);
 * }
 * }</pre>
 *
 * <p>{@link #close()} without a successful {@link #commit} deletes the staging directory and leaves
 * any existing bundle untouched. One writer per bundle at a time. Not thread-safe.
 */
public final class BundleWriter implements Closeable {
  /** File name of the model state in a bundle. */
  public static final String MODEL_FILE = "model.bin";

  static final String NEW_SUFFIX = ".coppice-new";
  static final String OLD_SUFFIX = ".coppice-old";

  private final Path target;
  private final Path parent;
  private final Path staging;
  private final ModelFileWriter model;
  private final Map<String, Path> extraFiles = new LinkedHashMap<>();
  private final Set<String> openFiles = new HashSet<>();
  private boolean committed;
  private boolean closed;

  private BundleWriter(Path target, Path staging, ModelFileWriter model) {
    this.target = target;
    this.parent = target.getParent();
    this.staging = staging;
    this.model = model;
  }

  /**
   * Starts writing the bundle directory {@code bundleDir}. Finishes or undoes an interrupted
   * earlier save first (see the class documentation). If {@code bundleDir} exists it must be a
   * bundle (or empty): it is replaced only by {@link #commit}.
   *
   * @param maxSections how many sections {@code model.bin} reserves room for
   * @throws IOException if {@code bundleDir} exists and is not a bundle, or on I/O failure
   */
  public static BundleWriter create(Path bundleDir, int maxSections) throws IOException {
    Path target = bundleDir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null) {
      throw new IllegalArgumentException("a bundle directory needs a parent: " + bundleDir);
    }
    Files.createDirectories(parent);
    recover(target);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isReplaceable(target)) {
      throw new IOException(
          bundleDir
              + " exists and is not a Coppice bundle (a directory of files with a "
              + Manifest.FILE_NAME
              + "); refusing to replace it");
    }
    Path staging = sibling(target, NEW_SUFFIX);
    Files.createDirectory(staging);
    try {
      return new BundleWriter(
          target, staging, ModelFileWriter.open(staging.resolve(MODEL_FILE), maxSections));
    } catch (IOException | RuntimeException e) {
      try {
        FileSync.deleteFlatDirectory(staging);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  static Path sibling(Path target, String suffix) {
    return target.resolveSibling(target.getFileName() + suffix);
  }

  private static boolean isReplaceable(Path dir) throws IOException {
    if (!FileSync.isFlatDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty() || Files.isRegularFile(dir.resolve(Manifest.FILE_NAME));
    }
  }

  /**
   * Brings the directory back to a clean state after a crash during a save: if only the {@code
   * .coppice-old} bundle exists (crash between the two renames) it is renamed back; if both exist
   * (crash before the old one was deleted) the old one is deleted; a staging directory is always
   * incomplete from this writer's point of view and is deleted.
   */
  static void recover(Path target) throws IOException {
    Path old = sibling(target, OLD_SUFFIX);
    Path staging = sibling(target, NEW_SUFFIX);
    boolean haveTarget = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    boolean haveOld = Files.exists(old, LinkOption.NOFOLLOW_LINKS);
    if (!haveTarget && haveOld) {
      FileSync.atomicMove(old, target);
      FileSync.fsyncDirectory(target.getParent());
    } else if (haveTarget && haveOld) {
      FileSync.deleteFlatDirectory(old);
    }
    if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      FileSync.deleteFlatDirectory(staging);
    }
  }

  /** Starts a {@code model.bin} section; see {@link ModelFileWriter#beginSection}. */
  public StateWriter beginSection(int kind, int id) {
    checkOpen();
    return model.beginSection(kind, id);
  }

  /** Ends the open {@code model.bin} section. */
  public void endSection() {
    checkOpen();
    model.endSection();
  }

  /**
   * Creates an extra file in the bundle (for example a configuration copy). Close the stream before
   * {@link #commit}; it is forced to disk on close and listed in the manifest with its size and
   * SHA-256.
   *
   * @param name a name accepted by {@link Manifest#isValidFileName}, other than {@value
   *     #MODEL_FILE}
   */
  public OutputStream newFile(String name) throws IOException {
    checkOpen();
    if (!Manifest.isValidFileName(name) || name.equals(MODEL_FILE)) {
      throw new IllegalArgumentException("not an allowed bundle file name: " + name);
    }
    if (extraFiles.containsKey(name)) {
      throw new IllegalArgumentException("file already added: " + name);
    }
    Path p = staging.resolve(name);
    FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    extraFiles.put(name, p);
    openFiles.add(name);
    return new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
      private boolean done;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        if (done) {
          return;
        }
        done = true;
        try {
          out.flush();
          ch.force(true);
        } finally {
          out.close();
          openFiles.remove(name);
        }
      }
    };
  }

  /**
   * Finishes {@code model.bin}, writes the extra files' and {@code model.bin}'s sizes and SHA-256
   * into {@code manifest} (replacing its file table), writes {@code manifest.json}, forces
   * everything to disk and replaces the bundle directory.
   *
   * @return the manifest as written, parsed back from its bytes: equal to what a reader of the
   *     bundle gets
   */
  public Manifest commit(Manifest manifest) throws IOException {
    checkOpen();
    if (!openFiles.isEmpty()) {
      throw new IllegalStateException("extra files still open: " + openFiles);
    }
    model.commit();
    Map<String, Manifest.FileEntry> entries = new TreeMap<>();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    Map<String, Path> all = new LinkedHashMap<>();
    all.put(MODEL_FILE, staging.resolve(MODEL_FILE));
    all.putAll(extraFiles);
    for (Map.Entry<String, Path> e : all.entrySet()) {
      try (FileChannel ch = FileChannel.open(e.getValue(), StandardOpenOption.READ)) {
        long size = ch.size();
        entries.put(e.getKey(), new Manifest.FileEntry(size, FileSync.sha256(ch, size, buffer)));
      }
    }
    Manifest written = manifest.withFiles(entries);
    byte[] json = written.toJson();
    AtomicFileWriter.write(staging.resolve(Manifest.FILE_NAME), out -> out.write(json));
    FileSync.fsyncDirectory(staging);
    swap();
    committed = true;
    closed = true;
    return Manifest.parse(json);
  }

  private void swap() throws IOException {
    Path old = sibling(target, OLD_SUFFIX);
    boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (hadOld) {
      FileSync.atomicMove(target, old);
      FileSync.fsyncDirectory(parent);
    }
    try {
      FileSync.atomicMove(staging, target);
    } catch (IOException e) {
      if (hadOld) {
        try {
          FileSync.atomicMove(old, target);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    FileSync.fsyncDirectory(parent);
    if (hadOld) {
      try {
        FileSync.deleteFlatDirectory(old);
      } catch (IOException ignored) {
        // The new bundle is in place; the next create() removes the leftover.
      }
    }
  }

  /** Abandons the bundle unless committed: deletes the staging directory. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      model.close();
    } finally {
      FileSync.deleteFlatDirectory(staging);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(committed ? "bundle already committed" : "writer is closed");
    }
  }
}

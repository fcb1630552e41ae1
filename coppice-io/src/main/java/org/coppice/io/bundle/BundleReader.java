package org.coppice.io.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import org.coppice.state.ModelFormatException;

/**
 * Opens a bundle directory written by {@link BundleWriter}. Before anything of {@code model.bin} is
 * parsed it reads and validates {@code manifest.json} (bounded by {@link
 * Limits#maxManifestBytes()}), checks that every file the manifest lists exists as a regular file
 * with the listed size and, unless turned off, the listed SHA-256 (the CRC-32C checks of {@code
 * model.bin} apply either way). {@code model.bin} is hashed and then parsed through the same open
 * file, so what was verified is what is read.
 *
 * <p>If the directory does not exist but {@code <name>.coppice-old} does (a save was interrupted
 * between its two renames), that complete previous bundle is opened instead; {@link #directory()}
 * tells which.
 *
 * <p>Invalid content gives {@link ModelFormatException}; I/O failures give {@link IOException}.
 */
public final class BundleReader implements Closeable {
  private final Path directory;
  private final Manifest manifest;
  private final ModelFileReader model;

  private BundleReader(Path directory, Manifest manifest, ModelFileReader model) {
    this.directory = directory;
    this.manifest = manifest;
    this.model = model;
  }

  /** Opens with the default limits, verifying every SHA-256. */
  public static BundleReader open(Path bundleDir) throws IOException {
    return open(bundleDir, Limits.DEFAULT, true);
  }

  /**
   * Opens and verifies a bundle.
   *
   * @param verifySha256 false skips the SHA-256 comparison of the files (sizes and the CRC-32C
   *     checks of {@code model.bin} still apply): faster for large trusted files
   */
  public static BundleReader open(Path bundleDir, Limits limits, boolean verifySha256)
      throws IOException {
    Objects.requireNonNull(limits, "limits");
    Path dir = bundleDir;
    if (!Files.isDirectory(dir)) {
      Path abs = bundleDir.toAbsolutePath().normalize();
      Path old =
          abs.getFileName() == null ? null : BundleWriter.sibling(abs, BundleWriter.OLD_SUFFIX);
      if (old != null && Files.isRegularFile(old.resolve(Manifest.FILE_NAME))) {
        dir = old;
      } else if (Files.exists(dir)) {
        throw new ModelFormatException(bundleDir + ": not a bundle directory");
      } else {
        throw new NoSuchFileException(bundleDir.toString(), null, "no such bundle directory");
      }
    }
    Manifest manifest = Manifest.parse(readManifest(dir, limits));
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
      if (!e.getKey().equals(BundleWriter.MODEL_FILE)) {
        Path p = listedFile(dir, e.getKey());
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
          verify(ch, e.getKey(), e.getValue(), verifySha256, buffer);
        }
      }
    }
    Path modelPath = listedFile(dir, BundleWriter.MODEL_FILE);
    FileChannel ch = FileChannel.open(modelPath, StandardOpenOption.READ);
    try {
      verify(
          ch,
          BundleWriter.MODEL_FILE,
          manifest.files().get(BundleWriter.MODEL_FILE),
          verifySha256,
          buffer);
      return new BundleReader(
          dir, manifest, ModelFileReader.open(ch, limits, BundleWriter.MODEL_FILE));
    } catch (IOException | RuntimeException | Error e) {
      ch.close();
      throw e;
    }
  }

  private static byte[] readManifest(Path dir, Limits limits) throws IOException {
    Path p = dir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new ModelFormatException(
          dir
              + ": "
              + Manifest.FILE_NAME
              + " is missing (not a Coppice bundle, or an incomplete copy)");
    }
    try (InputStream in = Files.newInputStream(p)) {
      byte[] bytes = in.readNBytes(limits.maxManifestBytes() + 1);
      if (bytes.length > limits.maxManifestBytes()) {
        throw new ModelFormatException(
            Manifest.FILE_NAME
                + ": larger than the limit of "
                + limits.maxManifestBytes()
                + " bytes");
      }
      return bytes;
    }
  }

  private static Path listedFile(Path dir, String name) {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new ModelFormatException(
          dir + ": " + name + " is listed in " + Manifest.FILE_NAME + " but missing");
    }
    return p;
  }

  private static void verify(
      FileChannel ch, String name, Manifest.FileEntry entry, boolean sha, ByteBuffer buffer)
      throws IOException {
    long size = ch.size();
    if (size != entry.size()) {
      throw new ModelFormatException(
          name
              + " is "
              + size
              + " bytes but "
              + Manifest.FILE_NAME
              + " says "
              + entry.size()
              + " (truncated, replaced or from another bundle)");
    }
    if (sha) {
      String actual = FileSync.sha256(ch, size, buffer);
      if (!actual.equals(entry.sha256())) {
        throw new ModelFormatException(
            name
                + ": SHA-256 "
                + actual
                + " differs from "
                + entry.sha256()
                + " in "
                + Manifest.FILE_NAME
                + " (corrupt, or from another bundle)");
      }
    }
  }

  /** The directory read: the bundle itself, or its {@code .coppice-old} predecessor. */
  public Path directory() {
    return directory;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The validated {@code model.bin}. */
  public ModelFileReader model() {
    return model;
  }

  /** Opens an extra file listed in the manifest (already size- and hash-checked at open). */
  public InputStream openFile(String name) throws IOException {
    if (!manifest.files().containsKey(name) || name.equals(BundleWriter.MODEL_FILE)) {
      throw new IllegalArgumentException("not an extra file of this bundle: " + name);
    }
    return Files.newInputStream(directory.resolve(name));
  }

  @Override
  public void close() throws IOException {
    model.close();
  }
}

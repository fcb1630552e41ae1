package org.coppice.io.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** File-system steps shared by the writers and readers: fsync, atomic rename, hashing. */
final class FileSync {
  static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private FileSync() {}

  /**
   * Makes the directory's entries (creations, renames) durable. Windows cannot open a directory as
   * a file; there NTFS journals the metadata and this is a no-op.
   */
  static void fsyncDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /** Renames atomically, replacing {@code to} if it is a file (rename(2) / MoveFileEx). */
  static void atomicMove(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Creates a new empty file with a random name next to {@code target} and opens it for writing.
   */
  static FileChannel createTemp(Path target, Path[] created) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String base = "." + target.getFileName() + ".";
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      Path temp = dir.resolve(base + suffix + ".tmp");
      try {
        FileChannel ch =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        created[0] = temp;
        return ch;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 16) {
          throw e;
        }
      }
    }
  }

  /**
   * Deletes a bundle directory: it may hold only regular files (a bundle is flat). Anything else is
   * left alone and reported, so a wrong path can never delete a tree of user files.
   */
  static void deleteFlatDirectory(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("refusing to delete " + dir + ": not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(
              "refusing to delete " + dir + ": it contains " + p.getFileName() + ", not a file");
        }
        files.add(p);
      }
    }
    for (Path p : files) {
      Files.delete(p);
    }
    Files.delete(dir);
  }

  /** True if {@code dir} is a directory holding only regular files. */
  static boolean isFlatDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
    }
    return true;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * Lower-case hex SHA-256 of the first {@code size} bytes of the channel, read in 1 MiB blocks.
   */
  static String sha256(SeekableByteChannel ch, long size, ByteBuffer buffer) throws IOException {
    MessageDigest md = sha256();
    long pos = 0;
    while (pos < size) {
      buffer.clear();
      int n = (int) Math.min(buffer.capacity(), size - pos);
      buffer.limit(n);
      readFully(ch, buffer, pos);
      buffer.flip();
      md.update(buffer);
      pos += n;
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Lower-case hex SHA-256 of a whole file. */
  static String sha256(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return sha256(ch, ch.size(), ByteBuffer.allocateDirect(1 << 20));
    }
  }

  /**
   * Fills {@code dst} (position to limit) from {@code ch} starting at byte {@code pos}.
   *
   * @throws EndOfChannelException if the channel ends first
   */
  static void readFully(SeekableByteChannel ch, ByteBuffer dst, long pos) throws IOException {
    if (ch instanceof FileChannel fc) {
      while (dst.hasRemaining()) {
        int r = fc.read(dst, pos);
        if (r < 0) {
          throw new EndOfChannelException(pos);
        }
        pos += r;
      }
    } else {
      ch.position(pos);
      while (dst.hasRemaining()) {
        if (ch.read(dst) < 0) {
          throw new EndOfChannelException(ch.position());
        }
      }
    }
  }

  /** Writes all of {@code src} at byte {@code pos}. */
  static void writeFully(FileChannel ch, ByteBuffer src, long pos) throws IOException {
    while (src.hasRemaining()) {
      pos += ch.write(src, pos);
    }
  }

  /** The channel ended before the expected number of bytes (the file shrank while open). */
  static final class EndOfChannelException extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfChannelException(long pos) {
      super("unexpected end of file at byte " + pos);
    }
  }
}

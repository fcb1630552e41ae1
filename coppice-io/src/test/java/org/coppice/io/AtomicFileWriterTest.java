package org.coppice.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commitWritesTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("model.bin");
    AtomicFileWriter.write(target, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of("model.bin"), listing());

    AtomicFileWriter.write(target, out -> out.write(new byte[] {4}));
    assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
    assertEquals(List.of("model.bin"), listing());
  }

  @Test
  void nothingIsVisibleBeforeCommit() throws IOException {
    Path target = dir.resolve("new.txt");
    try (AtomicFileWriter w = AtomicFileWriter.open(target)) {
      assertSame(target, w.target());
      w.stream().write("hello".getBytes(StandardCharsets.UTF_8));
      assertFalse(Files.exists(target));
      assertEquals(1, listing().size());
      w.commit();
    }
    assertEquals("hello", Files.readString(target));
    assertEquals(List.of("new.txt"), listing());
  }

  @Test
  void failureLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("data.csv");
    Files.writeString(target, "old content");
    IOException failure = new IOException("disk on fire");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                AtomicFileWriter.write(
                    target,
                    out -> {
                      out.write("new partial".getBytes(StandardCharsets.UTF_8));
                      throw failure;
                    }));
    assertSame(failure, thrown);
    assertEquals("old content", Files.readString(target));
    assertEquals(List.of("data.csv"), listing());
  }

  @Test
  void closeWithoutCommitDiscardsAndCommitTwiceIsRejected() throws IOException {
    Path target = dir.resolve("x.bin");
    try (AtomicFileWriter w = AtomicFileWriter.open(target)) {
      w.stream().write(7);
    }
    assertEquals(List.of(), listing());

    AtomicFileWriter w = AtomicFileWriter.open(target);
    w.commit();
    assertThrows(IllegalStateException.class, w::commit);
    w.close();
    assertEquals(0, Files.size(target));
    assertEquals(List.of("x.bin"), listing());
  }

  @Test
  void closingTheStreamOrAWrapperDoesNotCloseTheFile() throws IOException {
    Path target = dir.resolve("t.gz");
    try (AtomicFileWriter w = AtomicFileWriter.open(target)) {
      try (OutputStream gz = new GZIPOutputStream(w.stream())) {
        gz.write("zipped".getBytes(StandardCharsets.UTF_8));
      }
      w.commit();
    }
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(target))) {
      assertEquals("zipped", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void missingDirectoryFailsWithoutCreatingAnything() throws IOException {
    Path target = dir.resolve("no-such-dir").resolve("f.txt");
    assertThrows(NoSuchFileException.class, () -> AtomicFileWriter.open(target));
    assertEquals(List.of(), listing());
  }
}

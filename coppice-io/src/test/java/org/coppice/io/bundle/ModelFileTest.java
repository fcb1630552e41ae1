package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path dir;

  private static byte[] small() throws IOException {
    return write(ToyModel.random(7, 2, 3));
  }

  private static byte[] write(ToyModel m) throws IOException {
    Path tmp = Files.createTempDirectory("coppice-model-test");
    try {
      Path p = tmp.resolve("model.bin");
      m.writeTo(p);
      return Files.readAllBytes(p);
    } finally {
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  /** Loads and expects a ModelFormatException (never any other exception); returns its message. */
  private static String rejects(byte[] bytes) {
    try {
      ToyModel.load(bytes);
    } catch (ModelFormatException e) {
      assertFalse(e.getMessage() == null || e.getMessage().isEmpty());
      return e.getMessage();
    } catch (Throwable t) {
      throw new AssertionError("expected ModelFormatException, got " + t, t);
    }
    return fail("modified file was accepted");
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
  }

  @Test
  void roundTripThroughFile() throws IOException {
    ToyModel m = ToyModel.random(1, 5, 100);
    Path p = dir.resolve("model.bin");
    m.writeTo(p);
    try (ModelFileReader r = ModelFileReader.open(p)) {
      ToyModel.read(r).assertSameAs(m);
      List<SectionInfo> s = r.sections();
      assertEquals(6, s.size());
      long expected = ModelFile.PREAMBLE_BYTES + ModelFile.headerBytesFor(6);
      for (SectionInfo info : s) {
        assertEquals(expected, info.offset());
        expected += info.length();
      }
      assertEquals(Files.size(p), expected);
      assertEquals(3, r.find(ToyModel.KIND_TREE, 2));
      assertEquals(-1, r.find(ToyModel.KIND_TREE, 99));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void sectionsLargerThanTheBufferRoundTrip() throws IOException {
    ToyModel m = ToyModel.random(3, 2, 70_000);
    Path p = dir.resolve("big.bin");
    m.writeTo(p);
    assertTrue(Files.size(p) > 4 << 20);
    try (ModelFileReader r = ModelFileReader.open(p)) {
      ToyModel.read(r).assertSameAs(m); // mapped sections
    }
    byte[] bytes = Files.readAllBytes(p);
    ToyModel.load(bytes).assertSameAs(m); // streamed twice through the buffer
    bytes[bytes.length / 2] ^= 4;
    assertContains(rejects(bytes), "checksum mismatch");
    Files.write(p, bytes);
    try (ModelFileReader r = ModelFileReader.open(p)) {
      assertContains(
          assertThrows(ModelFormatException.class, () -> ToyModel.read(r)).getMessage(),
          "checksum mismatch");
    }
  }

  @Test
  void everyBitFlipIsDetected() throws IOException {
    byte[] good = small();
    ToyModel.load(good);
    assertTrue(good.length < 1000, "test file is " + good.length + " bytes");
    for (int i = 0; i < good.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) (1 << bit);
        rejects(bad);
      }
    }
  }

  @Test
  void everyByteValueInThePreambleAndHeaderIsDetected() throws IOException {
    byte[] good = small();
    int end = ModelFile.PREAMBLE_BYTES + ModelBytes.headerBytes(good);
    for (int i = 0; i < end; i++) {
      for (int v = 0; v < 256; v++) {
        if (v != (good[i] & 0xff)) {
          byte[] bad = good.clone();
          bad[i] = (byte) v;
          rejects(bad);
        }
      }
    }
  }

  @Test
  void everyTruncationAndExtensionIsDetected() throws IOException {
    byte[] good = small();
    for (int len = 0; len < good.length; len++) {
      String msg = rejects(Arrays.copyOf(good, len));
      if (len >= ModelFile.PREAMBLE_BYTES + ModelBytes.headerBytes(good)) {
        assertContains(msg, "(truncated)");
      }
    }
    assertContains(rejects(Arrays.copyOf(good, good.length + 1)), "1 trailing bytes");
    byte[] appended = Arrays.copyOf(good, good.length + 8);
    assertContains(rejects(appended), "trailing bytes belong to no section");
  }

  @Test
  void wrongMagicVersionAndFlagsAreExplained() throws IOException {
    byte[] good = small();
    assertContains(
        rejects("{\"formatVersion\": 1, \"x\": 0}".getBytes()), "not a Coppice model file");
    byte[] javaSer = good.clone();
    javaSer[0] = (byte) 0xac;
    javaSer[1] = (byte) 0xed;
    assertContains(rejects(javaSer), "starts with ac ed 4f 50 50 0d 0a 1a");
    byte[] v2 = good.clone();
    ModelBytes.le(v2).putInt(8, 2);
    assertContains(rejects(ModelBytes.fixCrcs(v2)), "format version 2 is not supported");
    assertContains(rejects(ModelBytes.fixCrcs(v2)), "written by a newer Coppice");
    byte[] v0 = good.clone();
    ModelBytes.le(v0).putInt(8, 0);
    assertContains(rejects(v0), "format version 0 is not supported");
    byte[] flags = good.clone();
    ModelBytes.le(flags).putInt(12, 4);
    assertContains(rejects(ModelBytes.fixCrcs(flags)), "unknown flags 0x4");
    assertContains(rejects(new byte[5]), "shorter than the 20-byte preamble");
  }

  @Test
  void checksumErrorsNameTheSection() throws IOException {
    byte[] good = small();
    byte[] bad = good.clone();
    bad[bad.length - 1] ^= 1;
    assertContains(rejects(bad), "model.bin section 2 (kind 2, id 1): checksum mismatch");
    byte[] header = good.clone();
    header[ModelBytes.entry(0) + 4] ^= 1;
    assertContains(rejects(header), "header checksum mismatch");
  }

  @Test
  void hostileCountsAreRejectedBeforeAllocation() throws IOException {
    byte[] good = small();
    for (int count : new int[] {4, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE, -1}) {
      byte[] bad = good.clone();
      ModelBytes.le(bad).putInt(ModelFile.PREAMBLE_BYTES, count);
      assertContains(
          rejects(ModelBytes.fixCrcs(bad)), "section count " + Integer.toUnsignedString(count));
    }
    for (int h : new int[] {0, 11, Integer.MAX_VALUE, -1, (1 << 20) + 1}) {
      byte[] bad = good.clone();
      ModelBytes.le(bad).putInt(16, h);
      assertContains(rejects(bad), "header length " + Integer.toUnsignedString(h));
    }
    byte[] longSection = good.clone();
    ModelBytes.le(longSection).putLong(ModelBytes.entry(2) + 16, Long.MAX_VALUE);
    assertContains(rejects(ModelBytes.fixCrcs(longSection)), "exceeds the limit of 2147483647");
    byte[] negative = good.clone();
    ModelBytes.le(negative).putLong(ModelBytes.entry(2) + 16, -1);
    rejects(ModelBytes.fixCrcs(negative));
  }

  @Test
  void hostileArrayLengthIsRejectedBeforeAllocation() throws IOException {
    Path p = dir.resolve("hostile.bin");
    try (ModelFileWriter w = ModelFileWriter.open(p, 1)) {
      StateWriter s = w.beginSection(5, 0);
      s.writeInt(Integer.MAX_VALUE - 8);
      s.writeDouble(1.0);
      w.endSection();
      w.commit();
    }
    try (ModelFileReader r = ModelFileReader.open(p)) {
      StateReader s = r.section(0);
      ModelFormatException e =
          assertThrows(
              ModelFormatException.class, () -> s.readDoubleArray("leaf.stats", Integer.MAX_VALUE));
      assertContains(
          e.getMessage(), "hostile.bin section 0 (kind 5, id 0), offset 0: 'leaf.stats'");
      assertContains(e.getMessage(), "only 8 remain");
    }
    try (ModelFileReader r = ModelFileReader.open(p, Limits.builder().maxArrayLength(10).build())) {
      StateReader s = r.section(0);
      ModelFormatException e =
          assertThrows(ModelFormatException.class, () -> s.readIntArray("x", Integer.MAX_VALUE));
      assertContains(e.getMessage(), "exceeds the maximum 10");
    }
  }

  @Test
  void tilingViolationsAreRejected() throws IOException {
    byte[] good = small();
    ByteBuffer g = ModelBytes.le(good);
    long off1 = g.getLong(ModelBytes.entry(1) + 8);
    long len0 = g.getLong(ModelBytes.entry(0) + 16);

    byte[] gap = good.clone();
    ModelBytes.le(gap).putLong(ModelBytes.entry(1) + 8, off1 + 1);
    ModelBytes.le(gap).putLong(ModelBytes.entry(1) + 16, g.getLong(ModelBytes.entry(1) + 16) - 1);
    assertContains(rejects(ModelBytes.fixCrcs(gap)), "gap after the previous section");

    byte[] overlap = good.clone();
    ModelBytes.le(overlap).putLong(ModelBytes.entry(1) + 8, off1 - 4);
    assertContains(rejects(ModelBytes.fixCrcs(overlap)), "overlaps the previous section");

    byte[] sameStart = good.clone();
    ModelBytes.le(sameStart).putLong(ModelBytes.entry(1) + 8, off1 - len0);
    assertContains(rejects(ModelBytes.fixCrcs(sameStart)), "sections must tile the file");

    byte[] intoHeader = good.clone();
    ModelBytes.le(intoHeader).putLong(ModelBytes.entry(0) + 8, 0);
    assertContains(rejects(ModelBytes.fixCrcs(intoHeader)), "overlaps the previous section or");

    byte[] shorter = good.clone();
    ModelBytes.le(shorter)
        .putLong(ModelBytes.entry(2) + 16, g.getLong(ModelBytes.entry(2) + 16) - 1);
    assertContains(rejects(ModelBytes.fixCrcs(shorter)), "1 trailing bytes belong to no section");
  }

  @Test
  void headerPaddingAndReservedFieldsMustBeZero() throws IOException {
    Path p = dir.resolve("padded.bin");
    ToyModel m = ToyModel.random(2, 1, 3);
    try (ModelFileWriter w = ModelFileWriter.open(p, 10)) {
      m.write(w);
      w.commit();
    }
    byte[] good = Files.readAllBytes(p);
    ToyModel.load(good).assertSameAs(m);
    byte[] padding = good.clone();
    padding[ModelBytes.entry(5)] = 1;
    assertContains(rejects(ModelBytes.fixCrcs(padding)), "header padding byte");
    byte[] reserved = good.clone();
    reserved[ModelBytes.entry(1) + 28] = 1;
    assertContains(rejects(ModelBytes.fixCrcs(reserved)), "reserved entry field");
    byte[] reserved2 = good.clone();
    reserved2[ModelFile.PREAMBLE_BYTES + 4] = 1;
    assertContains(rejects(ModelBytes.fixCrcs(reserved2)), "reserved header field");
  }

  @Test
  void limitsAreApplied() throws IOException {
    byte[] good = small();
    assertContains(
        assertThrows(
                ModelFormatException.class,
                () -> ToyModel.load(good, Limits.builder().maxSections(2).build()))
            .getMessage(),
        "exceeds the limit of 2");
    assertThrows(
        ModelFormatException.class,
        () -> ToyModel.load(good, Limits.builder().maxFileBytes(good.length - 1).build()));
    assertThrows(
        ModelFormatException.class,
        () -> ToyModel.load(good, Limits.builder().maxSectionBytes(10).build()));
    assertThrows(
        ModelFormatException.class,
        () -> ToyModel.load(good, Limits.builder().maxHeaderBytes(20).build()));
    assertThrows(IllegalArgumentException.class, () -> Limits.builder().maxHeaderBytes(2 << 20));
  }

  @Test
  void unreadBytesInASectionAreReported() throws IOException {
    Path p = dir.resolve("m.bin");
    try (ModelFileWriter w = ModelFileWriter.open(p, 2)) {
      w.beginSection(1, 0).writeLong(42);
      w.endSection();
      w.beginSection(1, 1).writeInt(7);
      w.endSection();
      w.commit();
    }
    try (ModelFileReader r = ModelFileReader.open(p)) {
      StateReader s = r.section(0);
      s.readInt();
      assertContains(
          assertThrows(ModelFormatException.class, s::finish).getMessage(),
          "section 0 (kind 1, id 0), offset 4: 4 unread bytes");
      StateReader s1 = r.section(1);
      assertThrows(IllegalStateException.class, s::readInt, "old reader is detached");
      assertEquals(7, s1.readInt());
      s1.finish();
      assertThrows(ModelFormatException.class, s1::readInt);
    }
  }

  @Test
  void writerRulesAndAbort() throws IOException {
    Path p = dir.resolve("model.bin");
    Files.write(p, new byte[] {1, 2, 3});
    try (ModelFileWriter w = ModelFileWriter.open(p, 1)) {
      StateWriter s = w.beginSection(0, 0);
      assertThrows(IllegalStateException.class, () -> w.beginSection(0, 1));
      assertThrows(IllegalStateException.class, w::commit);
      s.writeInt(1);
      w.endSection();
      assertThrows(IllegalStateException.class, () -> s.writeInt(2), "ended section");
      assertThrows(IllegalStateException.class, () -> w.beginSection(0, 1), "only 1 reserved");
      assertThrows(IllegalArgumentException.class, () -> ModelFileWriter.open(p, -1));
      // not committed: close abandons
    }
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p), "target untouched");
    RuntimeException boom = new RuntimeException("learner failed");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> {
              try (ModelFileWriter w = ModelFileWriter.open(p, 4)) {
                StateWriter s = w.beginSection(0, 0);
                s.writeDoubles(new double[300_000], 0, 300_000);
                throw boom;
              }
            });
    assertEquals(boom, thrown);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p), "target untouched");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList(), "temporary file deleted");
    }
    ToyModel m = ToyModel.random(4, 1, 2);
    m.writeTo(p);
    try (ModelFileReader r = ModelFileReader.open(p)) {
      ToyModel.read(r).assertSameAs(m);
    }
  }

  @Test
  void emptyModelFile() throws IOException {
    Path p = dir.resolve("empty.bin");
    try (ModelFileWriter w = ModelFileWriter.open(p, 0)) {
      w.commit();
    }
    assertEquals(ModelFile.PREAMBLE_BYTES + ModelFile.HEADER_FIXED_BYTES, Files.size(p));
    try (ModelFileReader r = ModelFileReader.open(p)) {
      assertEquals(0, r.sections().size());
    }
  }

  /**
   * The checked-in golden file was written by format version 1; it must stay readable, and this
   * writer must still produce it byte for byte.
   */
  @Test
  void goldenFileOfVersion1() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("golden-v1.model.bin")) {
      if (in == null) {
        throw new AssertionError("missing test resource golden-v1.model.bin");
      }
      golden = in.readAllBytes();
    }
    ToyModel expected = ToyModel.random(7, 2, 3);
    ToyModel.load(golden).assertSameAs(expected);
    assertArrayEquals(golden, write(expected));
    assertArrayEquals(small(), golden);
  }

  /**
   * Rewrites the golden file and the fuzz seeds; run with {@code -Dcoppice.writeGolden=true} only
   * when the format changes on purpose.
   */
  @Test
  @EnabledIfSystemProperty(named = "coppice.writeGolden", matches = "true")
  void writeTestResources() throws IOException {
    Path res = Path.of("src/test/resources/org/coppice/io/bundle");
    byte[] golden = small();
    Files.write(res.resolve("golden-v1.model.bin"), golden);
    Path seeds = res.resolve("ModelFileFuzzTestInputs");
    Path model = Files.createDirectories(seeds.resolve("modelFile"));
    Files.write(model.resolve("golden-v1"), golden);
    Path p = dir.resolve("m.bin");
    try (ModelFileWriter w = ModelFileWriter.open(p, 0)) {
      w.commit();
    }
    Files.write(model.resolve("empty-model"), Files.readAllBytes(p));
    try (ModelFileWriter w = ModelFileWriter.open(p, 4)) {
      ToyModel.random(5, 1, 2).write(w);
      w.commit();
    }
    Files.write(model.resolve("padded-header"), Files.readAllBytes(p));
    try (ModelFileWriter w = ModelFileWriter.open(p, 1)) {
      StateWriter s = w.beginSection(ToyModel.KIND_META, 0);
      s.writeInt(Integer.MAX_VALUE);
      s.writeLong(0);
      w.endSection();
      w.commit();
    }
    Files.write(model.resolve("huge-claim"), Files.readAllBytes(p));
    byte[] count = golden.clone();
    ModelBytes.le(count).putInt(ModelFile.PREAMBLE_BYTES, Integer.MIN_VALUE);
    Files.write(model.resolve("hostile-count"), ModelBytes.fixCrcs(count));
    Path tree = Files.createDirectories(seeds.resolve("treeSection"));
    ByteBuffer g = ModelBytes.le(golden);
    int off = (int) g.getLong(ModelBytes.entry(1) + 8);
    int len = (int) g.getLong(ModelBytes.entry(1) + 16);
    Files.write(tree.resolve("tree-0"), Arrays.copyOfRange(golden, off, off + len));
    Path manifest = Files.createDirectories(seeds.resolve("manifest"));
    Files.write(manifest.resolve("sample.json"), ManifestTest.sample().toJson());
  }
}

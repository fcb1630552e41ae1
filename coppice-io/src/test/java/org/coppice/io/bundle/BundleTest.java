package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
  @TempDir Path root;

  private static Manifest manifest(String learner) {
    return Manifest.builder()
        .coppiceVersion("test")
        .learner(learner, 1L, Map.of("trees", 2))
        .schema(Map.of("labels", List.of("a", "b")))
        .build();
  }

  private static Manifest save(Path dir, ToyModel m, String learner) throws IOException {
    try (BundleWriter w = BundleWriter.create(dir, m.sectionCount())) {
      ToyModelAdapter.write(m, w);
      return w.commit(manifest(learner));
    }
  }

  private static ToyModel load(Path dir) throws IOException {
    try (BundleReader r = BundleReader.open(dir)) {
      return ToyModel.read(r.model());
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
  }

  /** Writes a toy model through the bundle writer's section calls. */
  static final class ToyModelAdapter {
    static void write(ToyModel m, BundleWriter w) {
      StateWriter meta = w.beginSection(ToyModel.KIND_META, 0);
      meta.writeString(m.name);
      meta.writeLong(m.seed);
      meta.writeInt(m.trees.size());
      w.endSection();
      for (int t = 0; t < m.trees.size(); t++) {
        ToyModel.Tree tree = m.trees.get(t);
        StateWriter s = w.beginSection(ToyModel.KIND_TREE, t);
        ToyModel.writeTree(tree, s);
        w.endSection();
      }
    }
  }

  @Test
  void writeAndReadBundle() throws IOException {
    Path dir = root.resolve("model");
    ToyModel m = ToyModel.random(1, 3, 50);
    Manifest written;
    try (BundleWriter w = BundleWriter.create(dir, m.sectionCount())) {
      ToyModelAdapter.write(m, w);
      try (OutputStream out = w.newFile("config.yaml")) {
        out.write("trees: 3\n".getBytes(StandardCharsets.UTF_8));
      }
      written = w.commit(manifest("toy"));
    }
    assertEquals(List.of("model"), names());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(
          List.of("config.yaml", "manifest.json", "model.bin"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(Files.size(dir.resolve("model.bin")), written.files().get("model.bin").size());
    assertEquals(
        FileSync.sha256(dir.resolve("model.bin")), written.files().get("model.bin").sha256());
    assertEquals(9, written.files().get("config.yaml").size());
    try (BundleReader r = BundleReader.open(dir)) {
      assertEquals(written, r.manifest());
      assertEquals(dir, r.directory());
      ToyModel.read(r.model()).assertSameAs(m);
      try (InputStream in = r.openFile("config.yaml")) {
        assertEquals("trees: 3\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void replacesAnExistingBundle() throws IOException {
    Path dir = root.resolve("model");
    ToyModel a = ToyModel.random(1, 2, 5);
    ToyModel b = ToyModel.random(2, 4, 9);
    save(dir, a, "first");
    save(dir, b, "second");
    assertEquals(List.of("model"), names());
    load(dir).assertSameAs(b);
    try (BundleReader r = BundleReader.open(dir)) {
      assertEquals("second", r.manifest().learner());
    }
  }

  @Test
  void failureInsideASectionKeepsTheOldBundle() throws IOException {
    Path dir = root.resolve("model");
    ToyModel old = ToyModel.random(1, 2, 5);
    save(dir, old, "old");
    byte[] oldModel = Files.readAllBytes(dir.resolve("model.bin"));
    IllegalStateException boom = new IllegalStateException("learner state is inconsistent");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (BundleWriter w = BundleWriter.create(dir, 10)) {
                StateWriter s = w.beginSection(ToyModel.KIND_META, 0);
                s.writeDoubles(new double[500_000], 0, 500_000);
                throw boom;
              }
            });
    assertEquals(boom, thrown);
    assertEquals(List.of("model"), names(), "staging directory removed, nothing else left");
    assertArrayEquals(oldModel, Files.readAllBytes(dir.resolve("model.bin")));
    load(dir).assertSameAs(old);
  }

  @Test
  void crashBetweenTheRenamesLeavesTheOldBundleReadable() throws IOException {
    Path dir = root.resolve("model");
    ToyModel old = ToyModel.random(1, 2, 5);
    save(dir, old, "old");
    // State right after "rename model -> model.coppice-old", with a complete staging directory.
    Path aside = root.resolve("model.coppice-old");
    Files.move(dir, aside);
    save(root.resolve("model.coppice-new"), ToyModel.random(9, 1, 1), "new");
    try (BundleReader r = BundleReader.open(dir)) {
      assertEquals(aside, r.directory());
      ToyModel.read(r.model()).assertSameAs(old);
    }
    // The next writer restores the old bundle, drops the staging directory, then replaces.
    ToyModel next = ToyModel.random(3, 3, 7);
    try (BundleWriter w = BundleWriter.create(dir, next.sectionCount())) {
      assertEquals(List.of("model", "model.coppice-new"), names());
      load(dir).assertSameAs(old);
      ToyModelAdapter.write(next, w);
      w.commit(manifest("next"));
    }
    assertEquals(List.of("model"), names());
    load(dir).assertSameAs(next);
  }

  @Test
  void crashBeforeDeletingTheOldBundleIsCleanedUp() throws IOException {
    Path dir = root.resolve("model");
    save(root.resolve("model.coppice-old"), ToyModel.random(1, 1, 1), "old");
    ToyModel current = ToyModel.random(2, 1, 2);
    save(dir, current, "current");
    assertEquals(List.of("model"), names(), "leftover .coppice-old removed by the writer");
    load(dir).assertSameAs(current);
  }

  @Test
  void refusesToReplaceSomethingThatIsNotABundle() throws IOException {
    Path dir = root.resolve("photos");
    Files.createDirectories(dir.resolve("2024"));
    Files.writeString(dir.resolve("a.txt"), "keep me");
    assertThrows(IOException.class, () -> BundleWriter.create(dir, 1));
    Path file = root.resolve("file");
    Files.writeString(file, "x");
    assertThrows(IOException.class, () -> BundleWriter.create(file, 1));
    assertEquals("keep me", Files.readString(dir.resolve("a.txt")));
    assertEquals(List.of("file", "photos"), names());
  }

  @Test
  void detectsModifiedTruncatedAndMissingFiles() throws IOException {
    Path dir = root.resolve("model");
    ToyModel m = ToyModel.random(1, 2, 20);
    save(dir, m, "toy");
    Path bin = dir.resolve("model.bin");
    byte[] good = Files.readAllBytes(bin);

    byte[] flipped = good.clone();
    flipped[good.length - 10] ^= 1;
    Files.write(bin, flipped);
    assertContains(
        assertThrows(ModelFormatException.class, () -> BundleReader.open(dir)).getMessage(),
        "SHA-256");
    try (BundleReader r = BundleReader.open(dir, Limits.DEFAULT, false)) {
      assertContains(
          assertThrows(ModelFormatException.class, () -> ToyModel.read(r.model())).getMessage(),
          "checksum mismatch");
    }

    Files.write(bin, Arrays.copyOf(good, good.length - 1));
    assertContains(
        assertThrows(
                ModelFormatException.class, () -> BundleReader.open(dir, Limits.DEFAULT, false))
            .getMessage(),
        "model.bin is " + (good.length - 1) + " bytes but manifest.json says " + good.length);

    Files.delete(bin);
    assertContains(
        assertThrows(ModelFormatException.class, () -> BundleReader.open(dir)).getMessage(),
        "model.bin is listed in manifest.json but missing");

    Files.write(bin, good);
    load(dir).assertSameAs(m);
    Path manifest = dir.resolve("manifest.json");
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replace("\"formatVersion\": 1", "\"formatVersion\": 9"));
    assertContains(
        assertThrows(ModelFormatException.class, () -> BundleReader.open(dir)).getMessage(),
        "formatVersion 9 is not supported");
    Files.delete(manifest);
    assertContains(
        assertThrows(ModelFormatException.class, () -> BundleReader.open(dir)).getMessage(),
        "manifest.json is missing");
    Files.writeString(manifest, json);
    assertThrows(
        ModelFormatException.class,
        () -> BundleReader.open(dir, Limits.builder().maxManifestBytes(100).build(), true));
    assertThrows(NoSuchFileException.class, () -> BundleReader.open(root.resolve("nothing")));
    assertFalse(Files.exists(root.resolve("nothing")));
  }
}

package org.coppice.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.coppice.data.Instance;
import org.coppice.stream.InstanceStream;

/** Helpers for the reader and writer tests. */
final class TestFiles {
  private TestFiles() {}

  /** Writes {@code content} as UTF-8 to {@code dir/name}, gzipped if the name ends in .gz. */
  static Path write(Path dir, String name, String content) {
    return writeBytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to {@code dir/name}, gzipped if the name ends in .gz. */
  static Path writeBytes(Path dir, String name, byte[] bytes) {
    Path file = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Reads every remaining instance of {@code stream} (copies). */
  static List<Instance> readAll(InstanceStream stream) {
    List<Instance> all = new ArrayList<>();
    Instance inst = stream.schema().newInstance();
    while (stream.next(inst)) {
      all.add(inst.copy());
    }
    return all;
  }

  /** Asserts that {@code actual} has exactly these features (bitwise), label and weight 1. */
  static void assertRow(Instance actual, int label, double... features) {
    assertWeightedRow(actual, label, 1.0, features);
  }

  /** Asserts that {@code actual} has exactly these features (bitwise), label and weight. */
  static void assertWeightedRow(Instance actual, int label, double weight, double... features) {
    assertEquals(features.length, actual.x.length, "number of features");
    for (int i = 0; i < features.length; i++) {
      assertEquals(
          Double.doubleToLongBits(features[i]),
          Double.doubleToLongBits(actual.x[i]),
          "feature " + i + ": expected " + features[i] + " but was " + actual.x[i]);
    }
    assertEquals(label, actual.y, "label");
    assertEquals(weight, actual.weight, "weight");
  }
}

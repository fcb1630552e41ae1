package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * A learner-like payload for the container tests: one meta section and one section per "tree", each
 * tree a set of flat arrays (child indexes, values, counts, flags) plus scalars, written and read
 * with the validated calls a real learner would use.
 */
final class ToyModel {
  static final int KIND_META = 1;
  static final int KIND_TREE = 2;
  static final int MAX_NODES = 1 << 24;

  final String name;
  final long seed;
  final List<Tree> trees;

  record Tree(
      int[] left,
      int[] right,
      double[] value,
      long[] counts,
      byte[] flags,
      double[] prior,
      String note,
      boolean active,
      double weight,
      long rng,
      byte kind) {}

  ToyModel(String name, long seed, List<Tree> trees) {
    this.name = name;
    this.seed = seed;
    this.trees = trees;
  }

  /** A deterministic model: {@code treeCount} trees of about {@code nodes} nodes each. */
  static ToyModel random(long seed, int treeCount, int nodes) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Tree> trees = new ArrayList<>();
    for (int t = 0; t < treeCount; t++) {
      int n = nodes + t;
      int[] left = new int[n];
      int[] right = new int[n];
      for (int i = 0; i < n; i++) {
        boolean leaf = 2 * i + 2 >= n;
        left[i] = leaf ? -1 : 2 * i + 1;
        right[i] = leaf ? -1 : 2 * i + 2;
      }
      byte[] flags = new byte[n];
      for (int i = 0; i < n; i++) {
        flags[i] = (byte) rnd.nextInt(256);
      }
      trees.add(
          new Tree(
              left,
              right,
              rnd.doubles(n).toArray(),
              rnd.longs(n).toArray(),
              flags,
              rnd.doubles(n).toArray(),
              "tree " + t + " ✓",
              t % 2 == 0,
              rnd.nextDouble(),
              rnd.nextLong(),
              (byte) t));
    }
    return new ToyModel("toy", seed, trees);
  }

  int sectionCount() {
    return 1 + trees.size();
  }

  void write(ModelFileWriter w) {
    StateWriter m = w.beginSection(KIND_META, 0);
    m.writeString(name);
    m.writeLong(seed);
    m.writeInt(trees.size());
    w.endSection();
    for (int t = 0; t < trees.size(); t++) {
      Tree tree = trees.get(t);
      writeTree(tree, w.beginSection(KIND_TREE, t));
      w.endSection();
    }
  }

  static void writeTree(Tree tree, StateWriter s) {
    int n = tree.left.length;
    s.writeInt(n);
    s.writeIntArray(tree.left);
    s.writeIntArray(tree.right);
    s.writeDoubleArray(tree.value);
    s.writeLongArray(tree.counts);
    s.writeByteArray(tree.flags);
    s.writeDoubles(tree.prior, 0, n);
    s.writeString(tree.note);
    s.writeBoolean(tree.active);
    s.writeDouble(tree.weight);
    s.writeLong(tree.rng);
    s.writeByte(tree.kind);
  }

  void writeTo(Path path) throws IOException {
    try (ModelFileWriter w = ModelFileWriter.open(path, sectionCount())) {
      write(w);
      w.commit();
    }
  }

  /** Reads and validates a whole toy model; any problem is a ModelFormatException. */
  static ToyModel read(ModelFileReader r) {
    List<SectionInfo> sections = r.sections();
    if (sections.isEmpty() || sections.get(0).kind() != KIND_META) {
      throw new ModelFormatException(r.name() + ": no meta section");
    }
    StateReader m = r.section(0);
    String name = m.readString("name", 1000);
    long seed = m.readLong();
    int treeCount = m.readCount("treeCount", sections.size() - 1);
    m.finish();
    if (treeCount != sections.size() - 1) {
      throw m.formatError("treeCount", treeCount + " trees but " + sections.size() + " sections");
    }
    List<Tree> trees = new ArrayList<>();
    for (int t = 0; t < treeCount; t++) {
      SectionInfo info = sections.get(t + 1);
      StateReader s = r.section(t + 1);
      if (info.kind() != KIND_TREE || info.id() != t) {
        throw s.formatError(null, "expected tree " + t);
      }
      trees.add(readTree(s));
    }
    return new ToyModel(name, seed, trees);
  }

  /** Reads one tree section and finishes it. */
  static Tree readTree(StateReader s) {
    int n = s.readCount("nodeCount", MAX_NODES, 2 * 4 + 3 * 8 + 1);
    int[] left = s.readIntArrayExact("left", n);
    int[] right = s.readIntArrayExact("right", n);
    for (int i = 0; i < n; i++) {
      if (left[i] < -1 || left[i] >= n || right[i] < -1 || right[i] >= n) {
        throw s.formatError("left/right", "child of node " + i + " out of range");
      }
    }
    double[] value = s.readDoubleArrayExact("value", n);
    long[] counts = s.readLongArrayExact("counts", n);
    byte[] flags = s.readByteArray("flags", n);
    if (flags.length != n) {
      throw s.formatError("flags", "length " + flags.length + " != " + n);
    }
    double[] prior = new double[n];
    s.readDoubles(prior, 0, n);
    String note = s.readString("note", 1000);
    boolean active = s.readBoolean();
    double weight = s.readDouble();
    long rng = s.readLong();
    byte kind = s.readByte();
    s.finish();
    return new Tree(left, right, value, counts, flags, prior, note, active, weight, rng, kind);
  }

  /** Opens {@code bytes} as a model file and reads it completely. */
  static ToyModel load(byte[] bytes) throws IOException {
    return load(bytes, Limits.DEFAULT);
  }

  static ToyModel load(byte[] bytes, Limits limits) throws IOException {
    try (ModelFileReader r =
        ModelFileReader.open(new ByteArrayChannel(bytes), limits, "model.bin")) {
      return read(r);
    }
  }

  void assertSameAs(ToyModel o) {
    assertEquals(name, o.name);
    assertEquals(seed, o.seed);
    assertEquals(trees.size(), o.trees.size());
    for (int t = 0; t < trees.size(); t++) {
      Tree a = trees.get(t);
      Tree b = o.trees.get(t);
      assertArrayEquals(a.left, b.left);
      assertArrayEquals(a.right, b.right);
      assertArrayEquals(a.value, b.value);
      assertArrayEquals(a.counts, b.counts);
      assertArrayEquals(a.flags, b.flags);
      assertArrayEquals(a.prior, b.prior);
      assertEquals(a.note, b.note);
      assertEquals(a.active, b.active);
      assertEquals(a.weight, b.weight);
      assertEquals(a.rng, b.rng);
      assertEquals(a.kind, b.kind);
    }
  }
}

package org.coppice.bench.memory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import moa.core.SerializeUtils;
import org.coppice.io.bundle.Limits;
import org.coppice.learn.tree.AdaptiveRandomForest;
import org.coppice.learn.tree.HoeffdingTree;
import org.coppice.model.CoppiceModel;

/** The three ways a saved forest is read back, and a one-line summary of what was read. */
final class Loaders {
  private Loaders() {}

  /** How a model was saved. */
  enum Kind {
    /** A Coppice bundle directory, read with {@link CoppiceModel#load}. */
    COPPICE("coppice"),
    /** MOA's own way: {@code SerializeUtils.writeToFile}, gzip over ObjectOutputStream. */
    MOA_GZ("moa-gz"),
    /** Plain ObjectOutputStream without gzip, to show the raw size. */
    MOA_RAW("moa-raw");

    final String id;

    Kind(String id) {
      this.id = id;
    }

    static Kind of(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown model kind '" + id + "'");
    }
  }

  /**
   * Loads a model.
   *
   * @param sha256 for a bundle: also compare the SHA-256 of its files, as {@code coppice inspect}
   *     does; false is {@link CoppiceModel#load(Path)}, which checks the per-section CRC-32C only
   */
  static Object load(Kind kind, Path path, boolean sha256) throws IOException {
    switch (kind) {
      case COPPICE:
        return sha256
            ? CoppiceModel.load(
                path, Limits.DEFAULT, true, Runtime.getRuntime().availableProcessors())
            : CoppiceModel.load(path);
      case MOA_GZ:
        try {
          return SerializeUtils.readFromFile(path.toFile());
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
      default:
        try (ObjectInputStream in =
            new ObjectInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
          return in.readObject();
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
    }
  }

  /** The bytes a load reads: {@code model.bin} of a bundle, or the serialized file. */
  static long fileBytes(Kind kind, Path path) throws IOException {
    return Files.size(kind == Kind.COPPICE ? path.resolve("model.bin") : path);
  }

  /** What was loaded, in one line. */
  static String summary(Object model) {
    if (model instanceof CoppiceModel m && m.learner() instanceof AdaptiveRandomForest arf) {
      return forestSummary(arf);
    }
    if (model instanceof moa.classifiers.Classifier c) {
      return c.getClass().getName() + ", " + moaMembers(c) + " members";
    }
    return model.getClass().getName();
  }

  /** The length of MOA's ARF {@code ensemble} array (a protected field), or -1. */
  private static int moaMembers(moa.classifiers.Classifier c) {
    try {
      java.lang.reflect.Field f = c.getClass().getDeclaredField("ensemble");
      f.setAccessible(true);
      Object ensemble = f.get(c);
      return ensemble == null ? 0 : java.lang.reflect.Array.getLength(ensemble);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  static String forestSummary(AdaptiveRandomForest arf) {
    long nodes = 0;
    long leaves = 0;
    int background = 0;
    for (int i = 0; i < arf.ensembleSize(); i++) {
      nodes += arf.tree(i).numNodes();
      leaves += arf.tree(i).numLeaves();
      HoeffdingTree b = arf.backgroundTree(i);
      if (b != null) {
        background++;
        nodes += b.numNodes();
        leaves += b.numLeaves();
      }
    }
    return String.format(
        Locale.ROOT,
        "adaptive-random-forest, %d trees, %d background trees, %d nodes, %d leaves",
        arf.ensembleSize(),
        background,
        nodes,
        leaves);
  }
}

package org.coppice.learn.knn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.Parameter;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * The declaration of k nearest neighbours, {@code knn}: settings {@code k} and {@code window-size}
 * (not {@code window}, the evaluation window's option), savable (no inference-only form: the window
 * is the model).
 *
 * <p>State layout (version 1): the header continues with {@code int k, int window}; then one
 * section {@code WINDOW} (kind 9, id 0) holding {@code int n} (≤ window, checked against the bytes
 * left before allocation), the n × F feature values as doubles, oldest row first, and the n labels
 * as ints (each a class index). The ranges and scaled values are recomputed on load.
 */
public final class KnnType {
  private KnnType() {}

  /** Section kind of the window. */
  static final int WINDOW = 9;

  static final Parameter K =
      Parameter.integer(
          "k",
          KnnConfig.DEFAULTS.k(),
          1,
          KnnConfig.MAX_K,
          "number of nearest neighbours that vote; ties at the k-th distance vote too (MOA -k)");

  static final Parameter WINDOW_SIZE =
      Parameter.integer(
          "window-size",
          KnnConfig.DEFAULTS.window(),
          1,
          KnnConfig.MAX_WINDOW,
          "number of most recent instances kept as neighbours (MOA -w, limit)");

  /** MOA 2024.07 {@code lazy.kNN} with linear search. */
  public static final LearnerType<KnnConfig, Knn> TYPE =
      LearnerType.<KnnConfig, Knn>builder("knn", Task.CLASSIFICATION, Knn.class, 9)
          .title("k nearest neighbours over a sliding window")
          .parameter(K, KnnConfig::k)
          .parameter(WINDOW_SIZE, KnnConfig::window)
          .configure(s -> new KnnConfig(s.intValue(K.name()), s.intValue(WINDOW_SIZE.name())))
          .configOf(Knn::config)
          .factory((schema, config, threads) -> new Knn(schema, config))
          .codec(new Codec())
          .structure(KnnType::structure)
          .build();

  private static Map<String, Object> structure(Knn m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("window_fill", m.windowSize());
    s.put("window", m.config().window());
    s.put("k", m.config().k());
    return s;
  }

  private static final class Codec implements StateCodec<Knn> {
    @Override
    public int version() {
      return 1;
    }

    @Override
    public String sectionName(int kind) {
      return kind == WINDOW ? "window" : StateCodec.super.sectionName(kind);
    }

    @Override
    public void writeHeader(Knn model, boolean frozen, StateWriter header) {
      header.writeInt(model.config().k());
      header.writeInt(model.config().window());
    }

    @Override
    public void writeSections(Knn m, boolean frozen, SectionSink sink) {
      double[] rows = m.windowRows();
      int[] labels = m.windowLabels();
      StateWriter w = sink.beginSection(WINDOW, 0);
      w.writeInt(labels.length);
      w.writeDoubles(rows, 0, rows.length);
      w.writeInts(labels, 0, labels.length);
      sink.endSection();
    }

    @Override
    public int sectionCount(Knn model) {
      return 1;
    }

    @Override
    public Knn read(
        int version,
        Schema schema,
        boolean frozen,
        StateReader header,
        SectionSource source,
        int threads) {
      KnnConfig config;
      try {
        config = new KnnConfig(header.readInt(), header.readInt());
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(header.context() + ": knn settings: " + e.getMessage(), e);
      }
      header.finish();
      ModelCodec.expectSections(source, 2);
      ModelCodec.expectSection(source, 1, WINDOW, 0);
      Knn m;
      try {
        m = new Knn(schema, config);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(header.context() + ": knn: " + e.getMessage(), e);
      }
      StateReader r = source.open(1);
      int f = schema.numFeatures();
      int n = r.readCount("window size", config.window(), 8 * f + 4);
      double[] rows = new double[n * f];
      r.readDoubles(rows, 0, rows.length);
      int[] labels = new int[n];
      r.readInts(labels, 0, n);
      r.finish();
      for (int label : labels) {
        if (label < 0 || label >= schema.numClasses()) {
          throw new ModelFormatException(r.context() + ": class index " + label + " out of range");
        }
      }
      m.restore(rows, labels);
      return m;
    }
  }
}

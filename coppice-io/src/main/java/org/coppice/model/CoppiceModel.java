package org.coppice.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coppice.Version;
import org.coppice.data.Schema;
import org.coppice.io.bundle.BundleReader;
import org.coppice.io.bundle.BundleWriter;
import org.coppice.io.bundle.Limits;
import org.coppice.io.bundle.Manifest;
import org.coppice.io.bundle.ModelFileReader;
import org.coppice.io.bundle.SectionInfo;
import org.coppice.learn.Classifier;
import org.coppice.learn.Learner;
import org.coppice.learn.Regressor;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * A trained model with everything needed to serve it: the learner, its schema, the preprocessing
 * that turns a raw record into features, and the manifest it was saved with. Load a bundle and
 * predict on a raw record in one call:
 *
 * <pre>{@code
 * Prediction p = CoppiceModel.load(Path.of("model")).predict(Map.of("price", 0.3, "day", "2"));
 * }</pre>
 *
 * <p>Predictions are safe from several threads at once while nothing learns; learning is not
 * thread-safe.
 */
public final class CoppiceModel {
  private final Learner learner;
  private final LearnerType<?, ?> type;
  private final Preprocessor preprocessor;
  private final Manifest manifest; // null until saved or loaded

  private CoppiceModel(Learner learner, Preprocessor preprocessor, Manifest manifest) {
    this.learner = learner;
    this.type = Learners.of(learner);
    this.preprocessor = preprocessor;
    this.manifest = manifest;
  }

  /**
   * An in-memory model: a registered learner and the preprocessing of its schema. Its
   * hyper-parameters come from the learner's configuration.
   *
   * @throws IllegalArgumentException if the learner is not registered or the preprocessing is for
   *     another schema
   */
  public static CoppiceModel of(Learner learner, Preprocessor preprocessor) {
    if (!learner.schema().equals(preprocessor.schema())) {
      throw new IllegalArgumentException("the preprocessing is for another schema");
    }
    return new CoppiceModel(learner, preprocessor, null);
  }

  /**
   * Loads a bundle with default limits and all cores for learning. Every byte of model.bin is
   * covered by a CRC-32C (header and each section), which detects any change of a byte; the slower
   * whole-file SHA-256 against the manifest is left to {@code coppice inspect} and to {@link
   * #load(Path, Limits, boolean, int)} with {@code verifySha256}.
   */
  public static CoppiceModel load(Path dir) throws IOException {
    return load(dir, Limits.DEFAULT, false, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Loads a bundle: the manifest, the sizes and SHA-256 of its files (unless {@code verifySha256}
   * is false; the per-section CRC-32C are always checked), then the model state.
   *
   * @param threads cores a loaded forest trains with (not part of the model)
   * @throws org.coppice.state.ModelFormatException if anything in the bundle is wrong
   */
  public static CoppiceModel load(Path dir, Limits limits, boolean verifySha256, int threads)
      throws IOException {
    try (BundleReader reader = BundleReader.open(dir, limits, verifySha256)) {
      Manifest manifest = reader.manifest();
      Learner learner = ModelCodec.load(sections(reader.model()), threads);
      Preprocessor pre = new Preprocessor(learner.schema(), missingTokens(manifest));
      return new CoppiceModel(learner, pre, manifest);
    }
  }

  private static java.util.Set<String> missingTokens(Manifest manifest) {
    java.util.Set<String> tokens = new java.util.TreeSet<>();
    Map<String, Object> pre = manifest.preprocessing();
    if (pre.containsKey("missing_tokens")) {
      if (pre.get("missing_tokens") instanceof List<?> list) {
        for (Object token : list) {
          tokens.add(String.valueOf(token));
        }
      }
      return tokens;
    }
    return org.coppice.io.ReadOptions.DEFAULT_MISSING;
  }

  /** The sections of a model file, for {@link ModelCodec}. */
  static SectionSource sections(ModelFileReader file) {
    java.util.List<SectionInfo> infos = file.sections();
    return new SectionSource() {
      @Override
      public int sectionCount() {
        return infos.size();
      }

      @Override
      public int kind(int i) {
        return infos.get(i).kind();
      }

      @Override
      public int id(int i) {
        return infos.get(i).id();
      }

      @Override
      public StateReader open(int i) {
        return file.section(i);
      }
    };
  }

  /** The learner. */
  public Learner learner() {
    return learner;
  }

  /** The learner's declaration: its name, task, parameter table and capabilities. */
  public LearnerType<?, ?> type() {
    return type;
  }

  public Schema schema() {
    return learner.schema();
  }

  public Preprocessor preprocessor() {
    return preprocessor;
  }

  /**
   * True for a model loaded from a bundle saved frozen (inference-only): it predicts but cannot
   * learn.
   */
  public boolean isFrozen() {
    return learner.isFrozen();
  }

  /** The manifest this model was loaded or last saved with, or null for a model never saved. */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * Hyper-parameters by setting name, in the learner's table order, read from the learner's
   * configuration (so they always describe the model state, whatever a manifest says). Values are
   * numbers, booleans or text.
   */
  public Map<String, Object> parameters() {
    return parametersOf(type, learner);
  }

  /** {@code type}'s parameters of {@code learner}, as JSON-friendly values. */
  static Map<String, Object> parametersOf(LearnerType<?, ?> type, Learner learner) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : type.parametersOf(learner).entrySet()) {
      Object v = e.getValue();
      p.put(e.getKey(), v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
    }
    return java.util.Collections.unmodifiableMap(p);
  }

  /** Predicts the class of a raw record (column name → value); see {@link Preprocessor}. */
  public Prediction predict(Map<String, ?> record) {
    return predict(record, null);
  }

  /**
   * As {@link #predict(Map)}, counting missing values and unseen categories into {@code counts}.
   */
  public Prediction predict(Map<String, ?> record, Preprocessor.Counts counts) {
    double[] x = new double[schema().numFeatures()];
    preprocessor.toFeatures(record, x, counts);
    return predictFeatures(x);
  }

  /**
   * Predicts from an already converted feature vector: a class with probabilities, or for a
   * regressor a number.
   */
  public Prediction predictFeatures(double[] x) {
    if (learner instanceof Regressor r) {
      return Prediction.ofValue(r.predict(x));
    }
    Classifier classifier = (Classifier) learner;
    double[] votes = new double[schema().numClasses()];
    classifier.votes(x, votes);
    int best = Prediction.normalise(votes);
    return Prediction.ofClass(
        best, schema().target().values().get(best), votes, schema().target().values());
  }

  /**
   * Learns one raw record whose label (a class, or a number for a regressor) is in the target
   * column; a record without one is ignored.
   *
   * @throws IllegalArgumentException if the label is not one of the model's classes, or not a
   *     number for a regressor
   */
  public void learn(Map<String, ?> record) {
    double[] x = new double[schema().numFeatures()];
    preprocessor.toFeatures(record, x, null);
    Object label = record.get(schema().target().name());
    if (label == null) {
      return; // unlabelled: nothing to learn
    }
    if (learner instanceof Regressor r) {
      double y = preprocessor.targetValue(label);
      if (y == y) {
        r.learn(x, y, 1.0);
      }
      return;
    }
    int y = schema().target().indexOf(label.toString().trim());
    if (y < 0) {
      throw new IllegalArgumentException(
          "label '" + label + "' is not one of the model's classes " + schema().target().values());
    }
    ((Classifier) learner).learn(x, y, 1.0);
  }

  /** How a bundle is written. */
  public record SaveOptions(boolean frozen, Manifest.Training training, Map<String, ?> metrics) {
    public static SaveOptions defaults() {
      return new SaveOptions(false, null, null);
    }
  }

  /**
   * Saves the model as a bundle directory, atomically: a crash leaves the previous bundle at {@code
   * dir} intact. Returns the model as saved (with its manifest).
   */
  public CoppiceModel save(Path dir, SaveOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    if (!type.capabilities().savable()) {
      throw new IllegalArgumentException("a " + type.name() + " model cannot be saved");
    }
    Map<String, Object> parameters = parameters();
    Manifest.Builder b =
        Manifest.builder()
            .coppiceVersion(Version.get())
            .learner(type.name(), seedOf(parameters), parameters)
            .schema(schemaJson(schema()))
            .preprocessing(preprocessor.describe());
    Manifest.Training training =
        options.training() != null
            ? options.training()
            : manifest != null ? manifest.training() : null;
    if (training != null) {
      b.training(training);
    }
    if (options.metrics() != null) {
      b.metrics(options.metrics());
    } else if (manifest != null) {
      b.metrics(manifest.metrics());
    }
    Manifest written;
    try (BundleWriter w = BundleWriter.create(dir, ModelCodec.sectionCount(learner))) {
      ModelCodec.save(learner, sinkOf(w), options.frozen());
      written = w.commit(b.build());
    }
    return new CoppiceModel(learner, preprocessor, written);
  }

  private static Long seedOf(Map<String, Object> parameters) {
    Object seed = parameters.get("seed");
    if (seed == null) {
      return null;
    }
    try {
      return Long.parseLong(seed.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static SectionSink sinkOf(BundleWriter w) {
    return new SectionSink() {
      @Override
      public StateWriter beginSection(int kind, int id) {
        return w.beginSection(kind, id);
      }

      @Override
      public void endSection() {
        w.endSection();
      }
    };
  }

  /** The manifest's feature schema: names, types, nominal values, and the label mapping. */
  static Map<String, Object> schemaJson(Schema s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("relation", s.relation());
    java.util.List<Object> features = new java.util.ArrayList<>();
    for (org.coppice.data.Attribute a : s.features()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", a.name());
      f.put("type", a.isNumeric() ? "numeric" : "nominal");
      if (a.isNominal()) {
        f.put("values", a.values());
      }
      features.add(f);
    }
    m.put("features", features);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", s.target().name());
    if (s.isRegression()) {
      target.put("type", "numeric");
    } else {
      target.put("classes", s.target().values());
    }
    m.put("target", target);
    return m;
  }
}

package org.coppice.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.coppice.learn.tree.ModelCodec;
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
  private final Classifier classifier;
  private final Preprocessor preprocessor;
  private final Manifest manifest; // null until saved or loaded
  private final Map<String, Object> parameters;

  private CoppiceModel(
      Classifier classifier,
      Preprocessor preprocessor,
      Manifest manifest,
      Map<String, Object> parameters) {
    this.classifier = classifier;
    this.preprocessor = preprocessor;
    this.manifest = manifest;
    this.parameters = parameters;
  }

  /**
   * An in-memory model.
   *
   * @param parameters the learner's hyper-parameters by setting name, for the manifest
   */
  public static CoppiceModel of(
      Classifier classifier, Preprocessor preprocessor, Map<String, Object> parameters) {
    if (!classifier.schema().equals(preprocessor.schema())) {
      throw new IllegalArgumentException("the preprocessing is for another schema");
    }
    return new CoppiceModel(classifier, preprocessor, null, new LinkedHashMap<>(parameters));
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
      Classifier classifier = ModelCodec.load(sections(reader.model()), threads);
      Preprocessor pre = new Preprocessor(classifier.schema(), missingTokens(manifest));
      Map<String, Object> parameters = new LinkedHashMap<>();
      if (manifest.parameters() != null) {
        manifest
            .parameters()
            .fields()
            .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue()));
      }
      return new CoppiceModel(classifier, pre, manifest, parameters);
    }
  }

  private static java.util.Set<String> missingTokens(Manifest manifest) {
    java.util.Set<String> tokens = new java.util.TreeSet<>();
    if (manifest.preprocessing() != null && manifest.preprocessing().has("missing_tokens")) {
      manifest.preprocessing().get("missing_tokens").forEach(n -> tokens.add(n.asText()));
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

  public Classifier classifier() {
    return classifier;
  }

  public Schema schema() {
    return classifier.schema();
  }

  public Preprocessor preprocessor() {
    return preprocessor;
  }

  /**
   * True for a model loaded from a bundle saved frozen (inference-only): it predicts but cannot
   * learn.
   */
  public boolean isFrozen() {
    if (classifier instanceof org.coppice.learn.tree.AdaptiveRandomForest arf) {
      return arf.isFrozen();
    }
    return classifier instanceof org.coppice.learn.tree.HoeffdingTree tree && tree.isFrozen();
  }

  /** The manifest this model was loaded or last saved with, or null for a model never saved. */
  public Manifest manifest() {
    return manifest;
  }

  /** Hyper-parameters by setting name. */
  public Map<String, Object> parameters() {
    return java.util.Collections.unmodifiableMap(parameters);
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

  /** Predicts from an already converted feature vector. */
  public Prediction predictFeatures(double[] x) {
    double[] votes = new double[schema().numClasses()];
    classifier.votes(x, votes);
    int best = Prediction.normalise(votes);
    return new Prediction(
        best, schema().target().values().get(best), votes, schema().target().values());
  }

  /**
   * Learns one raw record whose label is in the target column.
   *
   * @throws IllegalArgumentException if the label is not one of the model's classes
   */
  public void learn(Map<String, ?> record) {
    double[] x = new double[schema().numFeatures()];
    preprocessor.toFeatures(record, x, null);
    Object label = record.get(schema().target().name());
    if (label == null) {
      return; // unlabelled: nothing to learn
    }
    int y = schema().target().indexOf(label.toString().trim());
    if (y < 0) {
      throw new IllegalArgumentException(
          "label '" + label + "' is not one of the model's classes " + schema().target().values());
    }
    classifier.learn(x, y, 1.0);
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
    if (!ModelCodec.supports(classifier)) {
      throw new IllegalArgumentException(
          "a "
              + ModelCodec.learnerName(classifier)
              + " cannot be saved; train an Adaptive Random Forest (arf) or a Hoeffding tree (ht)");
    }
    Manifest.Builder b =
        Manifest.builder()
            .coppiceVersion(Version.get())
            .learner(ModelCodec.learnerName(classifier), seedOf(), parameters)
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
    } else if (manifest != null && manifest.metrics() != null) {
      b.metrics(manifest.metrics());
    }
    Manifest written;
    int sections = 1 + Math.max(1, memberCount());
    try (BundleWriter w = BundleWriter.create(dir, sections)) {
      ModelCodec.save(classifier, sinkOf(w), options.frozen());
      written = w.commit(b.build());
    }
    return new CoppiceModel(classifier, preprocessor, written, parameters);
  }

  private int memberCount() {
    return classifier instanceof org.coppice.learn.tree.AdaptiveRandomForest arf
        ? arf.ensembleSize()
        : 1;
  }

  private Long seedOf() {
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
    target.put("classes", s.target().values());
    m.put("target", target);
    return m;
  }
}

package org.coppice.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialEvaluator;
import org.coppice.eval.PrequentialResult;
import org.coppice.io.DataSources;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Manifest;
import org.coppice.learn.Learner;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.learn.registry.Settings;
import org.coppice.stream.InstanceStream;

/**
 * Trains a model, in two layers: {@link #train(LearnerSpec, InstanceStream, TrainListener)} on a
 * stream already open, and {@link #train(Path, ReadOptions, Path, LearnerSpec, Path, boolean,
 * TrainListener)} from a data file and an optional config file to a saved bundle (what {@code
 * coppice train} runs).
 *
 * <p>Training is test-then-train ({@link PrequentialEvaluator}): every row is first predicted by
 * the model as it stands, then learned, so the metrics at the end of training (see {@link
 * #metrics}) are honest estimates on rows the model had not seen. Rows without a label or with a
 * weight that is not positive are predicted but neither learned nor scored; they are counted as
 * rejected. The same data, settings and seed always give the same model, byte for byte, whatever
 * the number of threads.
 */
public final class Training {
  private Training() {}

  /**
   * Trains a new learner on {@code data}, test-then-train, with the readers' default missing-value
   * tokens recorded in the preprocessing. See {@link #train(LearnerSpec, InstanceStream, Set,
   * TrainListener)}.
   */
  public static TrainResult train(LearnerSpec spec, InstanceStream data, TrainListener progress) {
    return train(spec, data, ReadOptions.DEFAULT_MISSING, progress);
  }

  /**
   * Trains a new learner built by {@code spec} for {@code data}'s schema on every row of {@code
   * data}, test-then-train. The task is the target's (a numeric target is regression); the learner
   * is the one {@code spec} names, or the task's default. The stream is read to its end but not
   * closed. The returned model's {@link Preprocessor} is made from the schema and {@code
   * missingTokens} (the text values that mean "missing" when raw records are predicted later).
   *
   * <p>A forest keeps its worker threads (daemon threads) for further learning; call {@code
   * close()} on {@code result.model().learner()} to release them early.
   *
   * @param progress receives progress reports; null for none
   * @throws IllegalArgumentException if a setting of {@code spec} is invalid or does not apply to
   *     the learner, or the learner is not for the target's task
   * @throws org.coppice.io.DataFormatException if the data is malformed (from the stream)
   */
  public static TrainResult train(
      LearnerSpec spec, InstanceStream data, Set<String> missingTokens, TrainListener progress) {
    Objects.requireNonNull(spec, "spec");
    Schema schema = data.schema();
    Settings settings = spec.resolve(taskOf(schema));
    Learner learner = settings.type().create(schema, settings);
    PrequentialResult r = run(learner, data, progress);
    CoppiceModel model = CoppiceModel.of(learner, new Preprocessor(schema, missingTokens));
    return new TrainResult(model, metrics(r, schema), r.instances(), r.instances() - r.scored(), r);
  }

  /** The task of a schema's target. */
  public static Task taskOf(Schema schema) {
    return schema.isRegression() ? Task.REGRESSION : Task.CLASSIFICATION;
  }

  /** Test-then-train of {@code learner} over {@code data}, reporting progress. */
  static PrequentialResult run(Learner learner, InstanceStream data, TrainListener progress) {
    PrequentialEvaluator evaluator = new PrequentialEvaluator();
    if (progress != null) {
      evaluator.progress(progress::onProgress, TrainListener.INTERVAL_MILLIS);
    }
    return evaluator.run(learner, data);
  }

  /**
   * Trains from a data file and saves the bundle: what {@code coppice train --data FILE [--target
   * COL] [--config FILE] [learner options] --out DIR} does.
   *
   * <ol>
   *   <li>The settings are those of {@code configFileOrNull} ({@link LearnerSpec#fromFile}, JSON or
   *       YAML), each overridden by the same setting in {@code cliOverrides}; they are validated
   *       before the data is opened.
   *   <li>The data is opened with {@link DataSources#open(Path, ReadOptions)} (format from the
   *       extension, schema inferred or from the ARFF header, target {@code read.target()}) and
   *       trained on test-then-train, with progress reports to {@code progress}.
   *   <li>Meanwhile the SHA-256 of the data file's bytes is computed on another thread.
   *   <li>The bundle is saved atomically to {@code outDir} (an existing bundle there is replaced,
   *       anything else there is refused), frozen (inference-only) if asked, with the training
   *       provenance ({@code data} exactly as given, never made absolute; its SHA-256; rows read
   *       and rejected) and the metrics at the end of training in the manifest.
   * </ol>
   *
   * @param read how to read the data; its missing-value tokens also become the model's
   * @param configFileOrNull a {@code .json}, {@code .yaml} or {@code .yml} config file, or null
   * @param cliOverrides settings given on the command line, or null
   * @param frozen save the inference-only form, which is smaller but cannot learn further
   * @param progress receives progress reports; null for none
   * @throws IllegalArgumentException for an invalid setting or config file, a learner that cannot
   *     be saved ({@code nb}, {@code majority}), an option naming no column, or {@code outDir}
   *     existing and not being a bundle (all checked before any row is trained on)
   * @throws org.coppice.io.DataSourceException if the data file cannot be read
   * @throws org.coppice.io.DataFormatException if the data file is malformed
   * @throws IOException if the bundle cannot be written
   */
  public static TrainSummary train(
      Path data,
      ReadOptions read,
      Path configFileOrNull,
      LearnerSpec cliOverrides,
      Path outDir,
      boolean frozen,
      TrainListener progress)
      throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(outDir, "outDir");
    LearnerSpec spec =
        configFileOrNull == null ? LearnerSpec.defaults() : LearnerSpec.fromFile(configFileOrNull);
    if (cliOverrides != null) {
      spec = spec.overriddenBy(cliOverrides);
    }
    checkSavable(spec);
    checkOutput(outDir);
    TrainResult result;
    String sha256;
    if (read.task() == null && spec.task() != null) {
      // A CSV or JSON Lines target is read the way the named learner needs it.
      read = read.toBuilder().task(spec.task()).build();
    }
    try (DataHash hash = DataHash.start(data);
        InstanceStream stream = DataSources.open(data, read)) {
      result = train(spec, stream, read.missing(), progress);
      sha256 = hash.get();
    }
    Manifest.Training training =
        new Manifest.Training(data.toString(), sha256, result.rowsRead(), result.rowsRejected());
    try {
      CoppiceModel saved =
          result
              .model()
              .save(outDir, new CoppiceModel.SaveOptions(frozen, training, result.metrics()));
      return new TrainSummary(
          outDir,
          saved.manifest(),
          result.rowsRead(),
          result.rowsRejected(),
          result.seconds(),
          result.metrics());
    } finally {
      release(result.model());
    }
  }

  /**
   * Rejects, before any data is read, settings that are invalid or a learner that cannot be saved.
   */
  private static void checkSavable(LearnerSpec spec) {
    if (spec.learner() == null) {
      return; // the default learners are savable; the settings are checked once the task is known
    }
    LearnerType<?, ?> type = Learners.byName(spec.learner());
    spec.resolve(type.task()); // parses and range-checks every setting
    if (!type.capabilities().savable()) {
      throw new IllegalArgumentException(
          "learner '" + type.name() + "' cannot be saved as a model bundle");
    }
  }

  /**
   * Refuses, before any data is read, an output path that a bundle could not replace: a file, or a
   * directory that is neither empty nor a bundle. (The save checks again; this spares a long
   * training that could not be saved.)
   */
  static void checkOutput(Path outDir) throws IOException {
    if (!Files.exists(outDir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    boolean replaceable = false;
    if (Files.isDirectory(outDir, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> entries = Files.list(outDir)) {
        replaceable =
            entries.findAny().isEmpty() || Files.isRegularFile(outDir.resolve(Manifest.FILE_NAME));
      }
    }
    if (!replaceable) {
      throw new IllegalArgumentException(
          outDir
              + " exists and is not a Coppice bundle (a directory with a "
              + Manifest.FILE_NAME
              + "); refusing to replace it");
    }
  }

  /** Stops a learner's worker threads, if any; the model stays usable. */
  static void release(CoppiceModel model) {
    model.learner().close();
  }

  /**
   * The metrics at the end of a prequential run, as saved in the manifest: {@code evaluation}
   * ("prequential"), {@code rows} (rows read), {@code scored} (rows with a label and a positive
   * weight), then the task's metrics, cumulative and over the last {@code window_size} rows.
   *
   * <p>Classification: {@code accuracy}, {@code kappa}, {@code macro_f1}, {@code log_loss}, {@code
   * window_accuracy}, ..., and {@code confusion_matrix}: {@code classes} and {@code counts}, the
   * summed weights indexed {@code [actual][predicted]}. Regression: {@code mae}, {@code rmse},
   * {@code r2}, {@code window_mae}, {@code window_rmse}, {@code window_r2}. Undefined values
   * (nothing scored) are null.
   */
  public static Map<String, Object> metrics(PrequentialResult r, Schema schema) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("evaluation", "prequential");
    m.put("rows", r.instances());
    m.put("scored", r.scored());
    PrequentialResult.Metrics w = r.window();
    if (schema.isRegression()) {
      m.put("mae", Json.number(r.mae()));
      m.put("rmse", Json.number(r.rmse()));
      m.put("r2", Json.number(r.r2()));
      m.put("window_size", r.windowSize());
      m.put("window_mae", Json.number(w.mae()));
      m.put("window_rmse", Json.number(w.rmse()));
      m.put("window_r2", Json.number(w.r2()));
      return m;
    }
    m.put("accuracy", Json.number(r.accuracy()));
    m.put("kappa", Json.number(r.kappa()));
    m.put("macro_f1", Json.number(r.macroF1()));
    m.put("log_loss", Json.number(r.logLoss()));
    m.put("window_size", r.windowSize());
    m.put("window_accuracy", Json.number(w.accuracy()));
    m.put("window_kappa", Json.number(w.kappa()));
    m.put("window_macro_f1", Json.number(w.macroF1()));
    m.put("window_log_loss", Json.number(w.logLoss()));
    List<Object> rows = new ArrayList<>();
    for (double[] row : r.confusionMatrix()) {
      List<Object> cells = new ArrayList<>(row.length);
      for (double v : row) {
        cells.add(Json.weight(v));
      }
      rows.add(cells);
    }
    Map<String, Object> confusion = new LinkedHashMap<>();
    confusion.put("classes", List.copyOf(schema.target().values()));
    confusion.put("counts", rows);
    m.put("confusion_matrix", confusion);
    return m;
  }
}

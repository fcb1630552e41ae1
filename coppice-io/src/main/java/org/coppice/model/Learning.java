package org.coppice.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialResult;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Limits;
import org.coppice.io.bundle.Manifest;
import org.coppice.stream.InstanceStream;

/**
 * Continues training a model on new data (what {@code coppice learn --model DIR --data FILE --out
 * DIR2} runs), in two layers: {@link #learn(CoppiceModel, InstanceStream, TrainListener)} on a
 * stream already open, and {@link #learn(Path, Path, ReadOptions, Path, TrainListener)} from a
 * bundle and a data file to a bundle.
 *
 * <p>Learning resumes exactly where training stopped: training on A, saving, loading and learning B
 * gives the same {@code model.bin}, byte for byte, as training on A followed by B in one go (when
 * the schema inferred from A is also the one inferred from A followed by B). As in {@link
 * Training}, every row is predicted before it is learned, so the metrics describe the new data.
 */
public final class Learning {
  /** Key in the metrics of a resumed model: the provenance of the earlier training runs. */
  public static final String PREVIOUS_TRAINING = "previous_training";

  private Learning() {}

  /**
   * Continues training {@code model} on {@code data}, test-then-train, in place. The stream is read
   * to its end but not closed.
   *
   * @param data a stream with the model's schema: the same features (names, types and nominal
   *     values, in the same order) and classes; the relation name may differ
   * @param progress receives progress reports; null for none
   * @throws IllegalArgumentException if the model was saved frozen, or the stream's schema differs
   */
  public static TrainResult learn(CoppiceModel model, InstanceStream data, TrainListener progress) {
    Objects.requireNonNull(model, "model");
    checkCanLearn(model, "the model");
    Schema want = model.schema();
    Schema have = data.schema();
    if (!have.features().equals(want.features()) || !have.target().equals(want.target())) {
      throw new IllegalArgumentException(
          "the data's schema " + describe(have) + " is not the model's " + describe(want));
    }
    PrequentialResult r = Training.run(model.learner(), data, progress);
    return new TrainResult(
        model, Training.metrics(r, want), r.instances(), r.instances() - r.scored(), r);
  }

  /**
   * Loads the bundle {@code modelDir} (verifying it), continues training it on {@code data} and
   * saves the result to {@code outDir}, atomically ({@code outDir} may be {@code modelDir}: the
   * bundle is replaced only once the new one is complete).
   *
   * <p>{@code data} is read with the model's schema: its columns must be the model's features and
   * target (by name, in any order), nominal values and class labels are matched by name; CSV and
   * JSON Lines are read with the readers' explicit-schema constructors, an ARFF header is checked
   * against the schema (see {@link SchemaBinding}). Only the delimiter of {@code read} applies; the
   * missing-value tokens are the model's.
   *
   * <p>The new manifest keeps the learner, parameters, schema and preprocessing; its training
   * provenance is {@code data} (exactly as given, SHA-256, rows read and rejected) and its metrics
   * are those over {@code data}, plus {@value #PREVIOUS_TRAINING}: the provenance of every earlier
   * run, oldest first.
   *
   * @param progress receives progress reports; null for none
   * @throws IllegalArgumentException if the model was saved frozen, the data's columns, types,
   *     categories or labels do not fit the model (naming the column), or {@code outDir} exists and
   *     is not a bundle
   * @throws org.coppice.state.ModelFormatException if the bundle is invalid or corrupt
   * @throws org.coppice.io.DataSourceException if the data file cannot be read
   * @throws org.coppice.io.DataFormatException if the data file is malformed or holds a category
   *     the model does not know
   * @throws IOException if the bundle cannot be read or written
   */
  public static TrainSummary learn(
      Path modelDir, Path data, ReadOptions read, Path outDir, TrainListener progress)
      throws IOException {
    return learn(modelDir, data, read, outDir, 0, progress);
  }

  /**
   * As {@link #learn(Path, Path, ReadOptions, Path, TrainListener)}, with a forest training on
   * {@code threads} cores (0 or less: all available cores). The result does not depend on it.
   */
  public static TrainSummary learn(
      Path modelDir, Path data, ReadOptions read, Path outDir, int threads, TrainListener progress)
      throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(outDir, "outDir");
    Training.checkOutput(outDir);
    CoppiceModel model =
        CoppiceModel.load(
            modelDir,
            Limits.DEFAULT,
            false,
            threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    checkCanLearn(model, "the model in " + modelDir);
    ReadOptions options = read.toBuilder().missing(model.preprocessor().missingTokens()).build();
    TrainResult result;
    String sha256;
    try (DataHash hash = DataHash.start(data);
        InstanceStream stream = SchemaBinding.open(data, model.schema(), options)) {
      result = learn(model, stream, progress);
      sha256 = hash.get();
    }
    Manifest.Training training =
        new Manifest.Training(data.toString(), sha256, result.rowsRead(), result.rowsRejected());
    Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
    metrics.put(PREVIOUS_TRAINING, history(model.manifest()));
    try {
      CoppiceModel saved =
          model.save(outDir, new CoppiceModel.SaveOptions(false, training, metrics));
      return new TrainSummary(
          outDir,
          saved.manifest(),
          result.rowsRead(),
          result.rowsRejected(),
          result.seconds(),
          metrics);
    } finally {
      Training.release(model);
    }
  }

  /** The earlier runs' provenance: the loaded manifest's history, then its own training. */
  private static List<Object> history(Manifest manifest) {
    List<Object> runs = new ArrayList<>();
    if (manifest == null) {
      return runs;
    }
    Object earlier = manifest.metrics().get(PREVIOUS_TRAINING);
    if (earlier instanceof List<?> list) {
      runs.addAll(list);
    }
    Manifest.Training t = manifest.training();
    if (t != null) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("data_file", t.dataFile());
      run.put("data_sha256", t.dataSha256());
      run.put("rows_read", t.rowsRead());
      run.put("rows_rejected", t.rowsRejected());
      runs.add(run);
    }
    return runs;
  }

  private static void checkCanLearn(CoppiceModel model, String what) {
    if (model.isFrozen()) {
      throw new IllegalArgumentException(
          what
              + " was saved frozen (inference-only) and cannot learn; train it again without"
              + " freezing to be able to continue training");
    }
  }

  private static String describe(Schema s) {
    List<String> parts = new ArrayList<>();
    for (Attribute a : s.features()) {
      parts.add(a.toString());
    }
    return "{features " + parts + ", target " + s.target() + "}";
  }
}

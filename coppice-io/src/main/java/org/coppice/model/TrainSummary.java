package org.coppice.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.coppice.io.bundle.Manifest;

/**
 * What {@link Training#train(Path, org.coppice.io.ReadOptions, Path, LearnerSpec, Path, boolean,
 * TrainListener)} and {@link Learning#learn(Path, Path, org.coppice.io.ReadOptions, Path,
 * TrainListener)} did.
 *
 * @param bundle the bundle directory written
 * @param manifest the manifest as written
 * @param rowsRead rows read from the data file
 * @param rowsRejected rows read but not learned (no label, or weight not positive)
 * @param seconds seconds spent reading and training (hashing and saving excluded)
 * @param metrics the prequential metrics over this data file, as in the manifest; unmodifiable
 */
public record TrainSummary(
    Path bundle,
    Manifest manifest,
    long rowsRead,
    long rowsRejected,
    double seconds,
    Map<String, Object> metrics) {
  private static final String[] HEADLINE = {
    "accuracy", "kappa", "macro_f1", "log_loss", "window_accuracy"
  };

  public TrainSummary {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(manifest, "manifest");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Rows per second of reading and training; NaN if no time was measured. */
  public double rowsPerSecond() {
    return seconds > 0 ? rowsRead / seconds : Double.NaN;
  }

  /** The SHA-256 of the data file, as recorded in the manifest. */
  public String dataSha256() {
    return manifest.training() == null ? null : manifest.training().dataSha256();
  }

  /** A few lines for a terminal: rows, speed, and the headline metrics. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("bundle:          ").append(bundle).append('\n');
    sb.append("learner:         ").append(manifest.learner()).append('\n');
    sb.append("rows read:       ").append(rowsRead).append('\n');
    sb.append("rows rejected:   ").append(rowsRejected).append(" (no label, or weight <= 0)\n");
    sb.append(
        String.format(
            Locale.ROOT, "time:            %.3f s (%.0f rows/s)\n", seconds, rowsPerSecond()));
    for (String key : HEADLINE) {
      Object v = metrics.get(key);
      sb.append(String.format(Locale.ROOT, "%-17s", key + ":"));
      sb.append(
          v instanceof Number n ? String.format(Locale.ROOT, "%.6f", n.doubleValue()) : "n/a");
      sb.append('\n');
    }
    return sb.toString();
  }
}

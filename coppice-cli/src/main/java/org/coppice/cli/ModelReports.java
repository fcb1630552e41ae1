package org.coppice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coppice.io.bundle.Manifest;
import org.coppice.learn.registry.Learners;
import org.coppice.model.Learning;
import org.coppice.model.TrainSummary;

/** Formats what {@code train} and {@code learn} did, as text or as JSON. */
final class ModelReports {
  private ModelReports() {}

  /**
   * A readable summary, several lines, ending with a line break.
   *
   * @param resumedFrom the bundle that {@code learn} continued, or null for {@code train}
   * @param frozen whether the bundle was saved in inference-only form
   */
  static String text(TrainSummary s, Path resumedFrom, boolean frozen) {
    StringBuilder sb = new StringBuilder();
    Map<String, Long> files = fileSizes(s);
    long bytes = files.values().stream().mapToLong(Long::longValue).sum();
    row(
        sb,
        "bundle",
        s.bundle()
            + ": "
            + files.size()
            + " files, "
            + Format.count(bytes)
            + " bytes"
            + (frozen ? ", frozen (inference only)" : ""));
    if (resumedFrom != null) {
      row(sb, "resumed", resumedFrom + earlier(s.metrics().get(Learning.PREVIOUS_TRAINING)));
    }
    row(sb, "learner", learner(s.manifest()));
    row(
        sb,
        "data",
        s.manifest().training().dataFile()
            + ": "
            + Format.count(s.rowsRead())
            + " rows read, "
            + Format.count(s.rowsRejected())
            + " rejected (no label, or weight <= 0)");
    Object window = s.metrics().get("window_size");
    String last =
        window instanceof Number n
            ? " (last " + Format.count(Math.min(n.longValue(), s.rowsRead())) + " rows)"
            : "";
    if (s.metrics().containsKey("rmse")) {
      row(
          sb,
          "RMSE",
          Format.number(metric(s, "rmse"))
              + " (test-then-train: each row predicted before it was learned)");
      row(sb, "MAE", Format.number(metric(s, "mae")));
      row(sb, "R2", Format.fixed(metric(s, "r2"), 4));
      row(sb, "window RMSE", Format.number(metric(s, "window_rmse")) + last);
    } else {
      row(
          sb,
          "accuracy",
          Format.percent(metric(s, "accuracy"))
              + " (test-then-train: each row predicted before it was learned)");
      row(sb, "kappa", Format.fixed(metric(s, "kappa"), 4));
      row(sb, "window acc.", Format.percent(metric(s, "window_accuracy")) + last);
    }
    row(
        sb,
        "time",
        Format.fixed(s.seconds(), 2)
            + " s, "
            + Format.rate(s.rowsPerSecond())
            + " rows/s ("
            + (resumedFrom == null ? "reading and training" : "reading and learning")
            + ")");
    return sb.toString();
  }

  /** The summary as ordered maps and lists of plain values, for {@link Json#pretty}. */
  static Map<String, Object> map(TrainSummary s, Path resumedFrom, boolean frozen) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", resumedFrom == null ? "train" : "learn");
    m.put("bundle", s.bundle().toString());
    if (resumedFrom != null) {
      m.put("resumed_from", resumedFrom.toString());
    }
    Map<String, Long> files = fileSizes(s);
    m.put("bundle_bytes", files.values().stream().mapToLong(Long::longValue).sum());
    m.put("file_sizes", files);
    m.put("frozen", frozen);
    m.put("learner", s.manifest().learner());
    m.put("trees", trees(s.manifest()));
    m.put("seed", s.manifest().seed());
    m.put("data_file", s.manifest().training().dataFile());
    m.put("data_sha256", s.dataSha256());
    m.put("rows_read", s.rowsRead());
    m.put("rows_rejected", s.rowsRejected());
    m.put("seconds", s.seconds());
    m.put("rows_per_second", s.rowsPerSecond());
    m.put("metrics", s.metrics());
    m.put("coppice_version", s.manifest().coppiceVersion());
    return m;
  }

  /** The size of every file of the bundle, {@code manifest.json} first. */
  private static Map<String, Long> fileSizes(TrainSummary s) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try {
      sizes.put(Manifest.FILE_NAME, Files.size(s.bundle().resolve(Manifest.FILE_NAME)));
    } catch (IOException e) {
      throw CliError.data("cannot read the bundle just written: " + e.getMessage(), e);
    }
    for (Map.Entry<String, Manifest.FileEntry> e : s.manifest().files().entrySet()) {
      sizes.put(e.getKey(), e.getValue().size());
    }
    return sizes;
  }

  /** One line: the learner by its command-line name and title, its trees and seed. */
  static String learner(Manifest manifest) {
    Long trees = trees(manifest);
    String title;
    try {
      title = " (" + Learners.byName(manifest.learner()).title() + ")";
    } catch (IllegalArgumentException e) {
      title = ""; // a bundle from an earlier version names its learner differently
    }
    return manifest.learner()
        + title
        + (trees == null ? "" : ", " + Format.count(trees) + " trees")
        + (manifest.seed() == null ? "" : ", seed " + manifest.seed());
  }

  private static Long trees(Manifest manifest) {
    return manifest.parameters().get("trees") instanceof Number n ? n.longValue() : null;
  }

  /** " (trained before on FILE, N rows)" from the earlier runs' provenance. */
  private static String earlier(Object runs) {
    if (!(runs instanceof List<?> list) || list.isEmpty()) {
      return "";
    }
    long rows = 0;
    for (Object run : list) {
      if (run instanceof Map<?, ?> m && m.get("rows_read") instanceof Number n) {
        rows += n.longValue();
      }
    }
    String what =
        list.size() == 1 && list.get(0) instanceof Map<?, ?> m && m.get("data_file") != null
            ? "on " + m.get("data_file")
            : "in " + list.size() + " runs";
    return " (trained before " + what + ", " + Format.count(rows) + " rows)";
  }

  private static double metric(TrainSummary s, String key) {
    return s.metrics().get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "%-13s", label)).append(value).append('\n');
  }
}

package org.coppice.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Classification metrics of predictions against true labels, as computed by {@link Evaluation}.
 * Metrics follow {@link org.coppice.eval.ClassificationMetrics} (every row has weight 1): accuracy
 * in [0, 1], Cohen's kappa, macro F1 over the classes present, and the mean log loss of the
 * predicted probabilities (natural logarithm, probabilities clipped at 1e-15). A metric that is not
 * defined (nothing scored; or, for the log loss, a row without probabilities) is NaN, and null in
 * JSON.
 *
 * @param join how predictions were matched to labelled rows: {@code "id"}, {@code "order"}, or null
 *     for in-memory lists
 * @param classes the class names indexing the confusion matrix: the prediction classes, followed by
 *     any label seen in the data (or predicted) that is not one of them
 * @param predictionClasses how many of {@code classes} are the prediction classes
 * @param rows rows compared (labelled or not)
 * @param count rows scored: those with a label
 * @param skipped rows whose label is missing, not scored
 * @param unknownLabels scored rows whose label is not among the prediction classes (all wrong)
 * @param accuracy fraction of scored rows predicted right
 * @param kappa Cohen's kappa
 * @param macroF1 macro F1
 * @param logLoss mean log loss
 * @param confusion counts indexed {@code [actual][predicted]} over {@code classes}
 */
public record EvaluationReport(
    String join,
    List<String> classes,
    int predictionClasses,
    long rows,
    long count,
    long skipped,
    long unknownLabels,
    double accuracy,
    double kappa,
    double macroF1,
    double logLoss,
    long[][] confusion) {
  public EvaluationReport {
    classes = List.copyOf(classes);
    Objects.requireNonNull(confusion, "confusion");
  }

  /** The count of rows with true class {@code actual} predicted as {@code predicted}. */
  public long confusion(String actual, String predicted) {
    int a = classes.indexOf(actual);
    int p = classes.indexOf(predicted);
    return a < 0 || p < 0 ? 0 : confusion[a][p];
  }

  /** The report as ordered maps and lists of plain values (see {@link #toJson()}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (join != null) {
      m.put("join", join);
    }
    m.put("rows", rows);
    m.put("count", count);
    m.put("skipped_missing_label", skipped);
    m.put("unknown_labels", unknownLabels);
    m.put("accuracy", Json.number(accuracy));
    m.put("kappa", Json.number(kappa));
    m.put("macro_f1", Json.number(macroF1));
    m.put("log_loss", Json.number(logLoss));
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("classes", classes);
    cm.put("prediction_classes", predictionClasses);
    List<Object> rowsList = new ArrayList<>();
    for (long[] row : confusion) {
      List<Object> cells = new ArrayList<>();
      for (long v : row) {
        cells.add(v);
      }
      rowsList.add(cells);
    }
    cm.put("counts", rowsList);
    m.put("confusion_matrix", cm);
    return m;
  }

  /** Pretty JSON of {@link #toMap()}, ending with a newline. */
  public String toJson() {
    return Json.pretty(toMap()) + "\n";
  }

  /** The metrics and the confusion matrix (rows: actual class, columns: predicted) as text. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("rows:            ").append(rows);
    if (join != null) {
      sb.append(" (joined by ").append(join).append(')');
    }
    sb.append('\n');
    sb.append("scored:          ").append(count).append('\n');
    sb.append("missing label:   ").append(skipped).append(" (skipped)\n");
    if (unknownLabels > 0) {
      sb.append("unknown labels:  ")
          .append(unknownLabels)
          .append(" (not among the prediction classes; counted wrong)\n");
    }
    sb.append("accuracy:        ").append(format(accuracy)).append('\n');
    sb.append("kappa:           ").append(format(kappa)).append('\n');
    sb.append("macro F1:        ").append(format(macroF1)).append('\n');
    sb.append("log loss:        ").append(format(logLoss)).append('\n');
    sb.append('\n').append("confusion matrix (rows: actual, columns: predicted)\n");
    int width = 6;
    for (String c : classes) {
      width = Math.max(width, c.length());
    }
    for (long[] row : confusion) {
      for (long v : row) {
        width = Math.max(width, Long.toString(v).length());
      }
    }
    String cell = "%" + (width + 2) + "s";
    sb.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
    for (String c : classes) {
      sb.append(String.format(Locale.ROOT, cell, c));
    }
    sb.append('\n');
    for (int a = 0; a < confusion.length; a++) {
      sb.append(String.format(Locale.ROOT, "%-" + width + "s", classes.get(a)));
      for (long v : confusion[a]) {
        sb.append(String.format(Locale.ROOT, cell, v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.6f", v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationReport r && toMap().equals(r.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return "EvaluationReport" + toMap();
  }
}

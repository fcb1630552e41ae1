package org.coppice.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.coppice.learn.Task;

/**
 * Metrics of predictions against true labels or values, as computed by {@link Evaluation}: one type
 * for both tasks, {@link #task()} telling which fields apply; the others are empty (no classes, a
 * 0×0 confusion matrix, zero unknown labels) or NaN, and left out of {@link #toMap()} and {@link
 * #toText()}.
 *
 * <p>{@link Task#CLASSIFICATION}: metrics follow {@link org.coppice.eval.ClassificationMetrics}
 * (every row has weight 1): accuracy in [0, 1], Cohen's kappa, macro F1 over the classes present,
 * and the mean log loss of the predicted probabilities (natural logarithm, probabilities clipped at
 * 1e-15).
 *
 * <p>{@link Task#REGRESSION}: MAE, RMSE and R² follow {@link org.coppice.eval.RegressionMetrics}
 * (every row has weight 1, in row order; R² compares with predicting the running mean of the
 * earlier true values).
 *
 * <p>A metric that is not defined (nothing scored; for the log loss, a row without probabilities;
 * for R², no variation to compare with) is NaN or infinite, and null in JSON.
 *
 * @param task which metrics the report holds
 * @param join how predictions were matched to labelled rows: {@code "id"}, {@code "order"}, or null
 *     for in-memory lists
 * @param classes the class names indexing the confusion matrix: the prediction classes, followed by
 *     any label seen in the data (or predicted) that is not one of them
 * @param predictionClasses how many of {@code classes} are the prediction classes
 * @param rows rows compared (labelled or not)
 * @param count rows scored: those with a label (a true value, for regression)
 * @param skipped rows whose label (true value) is missing, not scored
 * @param unknownLabels scored rows whose label is not among the prediction classes (all wrong)
 * @param accuracy fraction of scored rows predicted right
 * @param kappa Cohen's kappa
 * @param macroF1 macro F1
 * @param logLoss mean log loss
 * @param confusion counts indexed {@code [actual][predicted]} over {@code classes}
 * @param mae mean absolute error (regression)
 * @param rmse root mean squared error (regression)
 * @param r2 coefficient of determination against the running mean (regression)
 */
public record EvaluationReport(
    Task task,
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
    long[][] confusion,
    double mae,
    double rmse,
    double r2) {
  public EvaluationReport {
    Objects.requireNonNull(task, "task");
    classes = List.copyOf(classes);
    Objects.requireNonNull(confusion, "confusion");
  }

  /** The count of rows with true class {@code actual} predicted as {@code predicted}. */
  public long confusion(String actual, String predicted) {
    int a = classes.indexOf(actual);
    int p = classes.indexOf(predicted);
    return a < 0 || p < 0 ? 0 : confusion[a][p];
  }

  /**
   * The report as ordered maps and lists of plain values (see {@link #toJson()}): {@code task}
   * ({@code "classification"} or {@code "regression"}), {@code join} (when joined from files),
   * {@code rows}, {@code count}, {@code skipped_missing_label}, then for classification {@code
   * unknown_labels}, {@code accuracy}, {@code kappa}, {@code macro_f1}, {@code log_loss} and {@code
   * confusion_matrix}, for regression {@code mae}, {@code rmse} and {@code r2}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", task.cliName());
    if (join != null) {
      m.put("join", join);
    }
    m.put("rows", rows);
    m.put("count", count);
    m.put("skipped_missing_label", skipped);
    if (task == Task.REGRESSION) {
      m.put("mae", Json.number(mae));
      m.put("rmse", Json.number(rmse));
      m.put("r2", Json.number(r2));
      return m;
    }
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

  /**
   * The metrics as text: for classification with the confusion matrix (rows: actual class, columns:
   * predicted).
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("rows:            ").append(rows);
    if (join != null) {
      sb.append(" (joined by ").append(join).append(')');
    }
    sb.append('\n');
    sb.append("scored:          ").append(count).append('\n');
    if (task == Task.REGRESSION) {
      sb.append("missing value:   ").append(skipped).append(" (skipped)\n");
      sb.append("MAE:             ").append(format(finite(mae))).append('\n');
      sb.append("RMSE:            ").append(format(finite(rmse))).append('\n');
      sb.append("R2:              ").append(format(finite(r2))).append('\n');
      return sb.toString();
    }
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

  private static double finite(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
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

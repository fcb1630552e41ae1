package org.coppice.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import org.coppice.eval.ClassificationMetrics;
import org.coppice.eval.RegressionMetrics;
import org.coppice.io.DataFormatException;
import org.coppice.io.DataSourceException;
import org.coppice.io.RawRecord;
import org.coppice.io.RawRecordReader;
import org.coppice.io.ReadOptions;
import org.coppice.learn.Task;

/**
 * Scores predictions against true labels or values without the model, in two layers: {@link
 * #evaluate(List, List)} (classes) and {@link #evaluate(double[], List)} (numbers) on {@link
 * Prediction}s in memory, and {@link #evaluate(Path, Path, String, String)} on a predictions file
 * written by {@link BatchPrediction} and the labelled data (what {@code coppice evaluate
 * --predictions FILE --data FILE [--target COL] [--id COL] [--json]} runs). The task follows the
 * predictions: a classifier's give a {@link Task#CLASSIFICATION} report, a regressor's a {@link
 * Task#REGRESSION} report.
 *
 * <p>Classification: the classes are those of the predictions. A true label that is not one of them
 * is added to the confusion matrix as an extra class and counted as wrong. A row whose label is
 * missing is skipped and counted. Accuracy, kappa and macro F1 come from the predicted labels, the
 * log loss from the predicted probabilities; see {@link EvaluationReport}.
 *
 * <p>Regression: MAE, RMSE and R² as {@link RegressionMetrics} defines them, every row of weight 1
 * in row order (R² against the running mean of the earlier true values). A row whose true value is
 * missing is skipped and counted.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Scores {@code predictions} against {@code labels}, pairwise.
   *
   * @param labels the true class of each row, or null where it is missing (skipped)
   * @param predictions one per label, all over the same classes; a null {@code probabilities} makes
   *     the log loss undefined
   * @throws IllegalArgumentException if the lists differ in size or the predictions in classes, or
   *     a prediction is a regressor's (see {@link #evaluate(double[], List)})
   */
  public static EvaluationReport evaluate(List<String> labels, List<Prediction> predictions) {
    if (labels.size() != predictions.size()) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + predictions.size() + " predictions");
    }
    List<String> classes = predictions.isEmpty() ? List.of() : predictions.get(0).classes();
    Accumulator acc = new Accumulator(classes);
    for (int i = 0; i < labels.size(); i++) {
      Prediction p = predictions.get(i);
      if (p.isRegression()) {
        throw new IllegalArgumentException(
            "prediction " + (i + 1) + " is a value, not a class; score it against true values");
      }
      if (!p.classes().equals(classes)) {
        throw new IllegalArgumentException(
            "prediction " + (i + 1) + " is over classes " + p.classes() + ", not " + classes);
      }
      acc.add(labels.get(i), p.label(), p.probabilities());
    }
    return acc.report(null);
  }

  /**
   * Scores regression {@code predictions} against the true {@code values}, pairwise, in order.
   *
   * @param values the true value of each row, NaN where it is missing (skipped)
   * @param predictions one per value, each a regressor's ({@link Prediction#isRegression()}) with a
   *     finite {@link Prediction#value()}
   * @throws IllegalArgumentException if the sizes differ, a prediction is a class or not finite, or
   *     a true value is infinite
   */
  public static EvaluationReport evaluate(double[] values, List<Prediction> predictions) {
    if (values.length != predictions.size()) {
      throw new IllegalArgumentException(
          values.length + " values but " + predictions.size() + " predictions");
    }
    RegressionAccumulator acc = new RegressionAccumulator();
    for (int i = 0; i < values.length; i++) {
      Prediction p = predictions.get(i);
      if (!p.isRegression() || !Double.isFinite(p.value())) {
        throw new IllegalArgumentException(
            "prediction "
                + (i + 1)
                + (p.isRegression() ? " is not a finite number" : " is a class, not a value"));
      }
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("value " + (i + 1) + " is not a finite number");
      }
      acc.add(values[i], p.value());
    }
    return acc.report(null);
  }

  /** {@link #evaluate(Path, Path, String, String, ReadOptions)} with the default read options. */
  public static EvaluationReport evaluate(
      Path predictions, Path data, String targetOrNull, String idColumnOrNull) throws IOException {
    return evaluate(predictions, data, targetOrNull, idColumnOrNull, ReadOptions.defaults());
  }

  /**
   * Scores a predictions file against labelled data.
   *
   * <ul>
   *   <li>{@code predictions}: {@code .jsonl} or {@code .csv}, as {@link BatchPrediction} writes;
   *       optionally gzipped. A classifier's: objects with {@code id}, {@code label} and {@code
   *       probabilities} (class → probability), or {@code id}, {@code label}, {@code p_<class>}
   *       columns; the classes are the probability keys of the first row (or the {@code p_}
   *       columns), and every row must have the same ones. A regressor's: objects with {@code id}
   *       and {@code prediction}, or {@code id}, {@code prediction} columns; every prediction must
   *       be a finite number. The first object (the header of a CSV file) tells which: {@code
   *       label} makes it a classifier's, else {@code prediction} a regressor's.
   *   <li>{@code data}: any format {@link RawRecordReader} reads; column {@code targetOrNull}, or
   *       when null the last of {@link RawRecordReader#columns()} (the last CSV column or ARFF
   *       attribute, the last key of the first JSON object), holds the true labels or values. Its
   *       missing values (and for CSV the missing-value tokens of {@code read}) are missing labels;
   *       for regression so are empty text and NaN, and any other value must be a finite number (a
   *       JSON number, or text that {@link Double#parseDouble} reads).
   *   <li>With {@code idColumnOrNull}, rows are matched by id: the predictions' {@code id} against
   *       the data's column of that name, compared as text (a whole number prints without ".0").
   *       Every data row needs exactly one prediction and every prediction one row. Without it, the
   *       n-th prediction goes with the n-th data row, and both files must have as many rows.
   * </ul>
   *
   * @param targetOrNull the column of true labels or values; null for the last column
   * @param read the CSV delimiter and missing-value tokens apply
   * @throws IllegalArgumentException if the target or id column is absent, the row counts differ,
   *     or an id is missing, empty or duplicated (naming file, line and id)
   * @throws DataFormatException if the predictions file or the data is malformed, or for regression
   *     a true value or a prediction is not a number ({@code data.csv:4: column 3 ('price'):
   *     expected a number, got "abc"})
   * @throws DataSourceException if a file cannot be read
   */
  public static EvaluationReport evaluate(
      Path predictions, Path data, String targetOrNull, String idColumnOrNull, ReadOptions read)
      throws IOException {
    try (PredictionReader preds = PredictionReader.open(predictions);
        RawRecordReader rows = RawRecordReader.open(data, read)) {
      boolean csv = stripGz(lowerName(data)).endsWith(".csv");
      LabelReader labels =
          new LabelReader(rows, targetOrNull, idColumnOrNull, csv ? read.missing() : Set.of());
      if (idColumnOrNull != null && preds.idMissing()) {
        throw new IllegalArgumentException(preds.file + ": no 'id' column to join by id");
      }
      String join = idColumnOrNull == null ? "order" : "id";
      if (preds.regression) {
        RegressionAccumulator acc = new RegressionAccumulator();
        join(preds, labels, idColumnOrNull != null, (d, p) -> acc.add(labels.value(d), p.value));
        return acc.report(join);
      }
      Accumulator acc = new Accumulator(preds.classes());
      join(
          preds,
          labels,
          idColumnOrNull != null,
          (d, p) -> acc.add(labels.label(d), p.label, p.probabilities));
      return acc.report(join);
    }
  }

  /** Matches every prediction with its data row, by id or by order, and hands each pair on. */
  private static void join(
      PredictionReader preds,
      LabelReader labels,
      boolean byId,
      BiConsumer<RawRecord, PredictedRow> score)
      throws IOException {
    if (byId) {
      joinById(preds, labels, score);
    } else {
      joinByOrder(preds, labels, score);
    }
  }

  private static void joinByOrder(
      PredictionReader preds, LabelReader labels, BiConsumer<RawRecord, PredictedRow> score)
      throws IOException {
    long n = 0;
    while (true) {
      PredictedRow p = preds.next();
      RawRecord d = labels.next();
      if (p == null || d == null) {
        if (p != null || d != null) {
          long predictionRows = n + (p != null ? 1 + preds.skipRest() : 0);
          long dataRows = n + (d != null ? 1 + labels.skipRest() : 0);
          throw new IllegalArgumentException(
              preds.file
                  + " has "
                  + predictionRows
                  + " rows but "
                  + labels.reader.file()
                  + " has "
                  + dataRows
                  + "; give an id column to join by id, or predict on the same file");
        }
        break;
      }
      n++;
      score.accept(d, p);
    }
    labels.checkTargetSeen();
  }

  private static void joinById(
      PredictionReader preds, LabelReader labels, BiConsumer<RawRecord, PredictedRow> score)
      throws IOException {
    Map<String, PredictedRow> byId = new LinkedHashMap<>();
    PredictedRow p;
    while ((p = preds.next()) != null) {
      if (p.id == null) {
        throw DataFormatException.atLine(preds.file, p.line, "the prediction has no id");
      }
      PredictedRow before = byId.putIfAbsent(p.id, p);
      if (before != null) {
        throw new IllegalArgumentException(
            preds.file
                + ":"
                + p.line
                + ": duplicate id '"
                + p.id
                + "' (first on line "
                + before.line
                + ")");
      }
    }
    Map<String, Long> used = new HashMap<>();
    RawRecord d;
    while ((d = labels.next()) != null) {
      String id = labels.id(d);
      PredictedRow match = byId.remove(id);
      if (match == null) {
        Long first = used.get(id);
        throw new IllegalArgumentException(
            labels.reader.file()
                + ":"
                + d.line()
                + ": "
                + (first != null
                    ? "duplicate id '" + id + "' (first on line " + first + ")"
                    : "id '" + id + "' has no prediction in " + preds.file));
      }
      used.put(id, d.line());
      score.accept(d, match);
    }
    labels.checkTargetSeen();
    if (!byId.isEmpty()) {
      PredictedRow left = byId.values().iterator().next();
      throw new IllegalArgumentException(
          preds.file
              + ":"
              + left.line
              + ": id '"
              + left.id
              + "' has no row in "
              + labels.reader.file()
              + (byId.size() > 1 ? " (nor have " + (byId.size() - 1) + " more ids)" : ""));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Metrics

  /** Counts a confusion matrix over growing classes, and the log loss over the fixed ones. */
  static final class Accumulator {
    private final int k;
    private final List<String> classes;
    private final Map<String, Integer> index = new HashMap<>();
    private long[][] confusion;
    private final ClassificationMetrics logLoss;
    private final double[] votes;
    private boolean allProbabilities = true;
    private long rows;
    private long count;
    private long skipped;
    private long unknown;

    Accumulator(List<String> predictionClasses) {
      this.k = predictionClasses.size();
      this.classes = new ArrayList<>(predictionClasses);
      for (int c = 0; c < k; c++) {
        if (index.putIfAbsent(predictionClasses.get(c), c) != null) {
          throw new IllegalArgumentException(
              "the class '" + predictionClasses.get(c) + "' is listed twice");
        }
      }
      this.confusion = new long[k][k];
      // One extra class stands for every label outside the predictions' classes (probability 0).
      this.logLoss = new ClassificationMetrics(k + 1);
      this.votes = new double[k + 1];
    }

    void add(String actual, String predicted, double[] probabilities) {
      rows++;
      if (actual == null) {
        skipped++;
        return;
      }
      int a = classIndex(actual);
      int p = classIndex(predicted);
      if (a >= k) {
        unknown++;
      }
      confusion[a][p]++;
      count++;
      if (probabilities == null || probabilities.length != k) {
        allProbabilities = false;
      } else if (allProbabilities) {
        System.arraycopy(probabilities, 0, votes, 0, k);
        logLoss.add(Math.min(a, k), votes, 1.0);
      }
    }

    private int classIndex(String name) {
      Integer i = index.get(name);
      if (i != null) {
        return i;
      }
      int c = classes.size();
      classes.add(name);
      index.put(name, c);
      long[][] grown = new long[c + 1][c + 1];
      for (int r = 0; r < c; r++) {
        System.arraycopy(confusion[r], 0, grown[r], 0, c);
      }
      confusion = grown;
      return c;
    }

    EvaluationReport report(String join) {
      int n = classes.size();
      double accuracy = Double.NaN;
      double kappa = Double.NaN;
      double macroF1 = Double.NaN;
      if (count > 0) {
        ClassificationMetrics m = new ClassificationMetrics(n);
        double[] oneHot = new double[n];
        for (int a = 0; a < n; a++) {
          for (int p = 0; p < n; p++) {
            if (confusion[a][p] > 0) {
              oneHot[p] = 1;
              m.add(a, oneHot, confusion[a][p]);
              oneHot[p] = 0;
            }
          }
        }
        accuracy = m.accuracy();
        kappa = m.kappa();
        macroF1 = m.macroF1();
      }
      double ll = allProbabilities && count > 0 ? logLoss.logLoss() : Double.NaN;
      long[][] copy = new long[n][];
      for (int a = 0; a < n; a++) {
        copy[a] = Arrays.copyOf(confusion[a], n);
      }
      return new EvaluationReport(
          Task.CLASSIFICATION,
          join,
          classes,
          k,
          rows,
          count,
          skipped,
          unknown,
          accuracy,
          kappa,
          macroF1,
          ll,
          copy,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
  }

  /** Regression metrics in row order, each row of weight 1; a NaN true value is skipped. */
  static final class RegressionAccumulator {
    private final RegressionMetrics metrics = new RegressionMetrics(0);
    private long rows;
    private long skipped;

    void add(double actual, double predicted) {
      rows++;
      if (Double.isNaN(actual)) {
        skipped++;
        return;
      }
      metrics.add(actual, predicted, 1.0);
    }

    EvaluationReport report(String join) {
      return new EvaluationReport(
          Task.REGRESSION,
          join,
          List.of(),
          0,
          rows,
          metrics.count(),
          skipped,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          new long[0][],
          metrics.mae(),
          metrics.rmse(),
          metrics.r2());
    }
  }

  // ------------------------------------------------------------------------------------------
  // Files

  private static String lowerName(Path p) {
    Path name = p.getFileName();
    return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  /** Text of a raw id or label: null stays null. */
  private static String text(Object raw) {
    return raw == null ? null : Preprocessor.categoryText(raw);
  }

  /**
   * A number in a file: a raw {@link Number} as it is, text (trimmed by the caller) by {@link
   * Double#parseDouble}; NaN for empty text, null for text that is not a number.
   */
  private static Double number(Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    String s = raw.toString();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The complaint about {@code shown}, which should have been a finite number. */
  private static String notANumber(Double parsed, String shown) {
    return (parsed != null && Double.isInfinite(parsed)
            ? "expected a finite number"
            : "expected a number")
        + ", got "
        + shown;
  }

  /**
   * One line of a predictions file: a class with its probabilities (regression: null, null) or a
   * value (classification: NaN).
   */
  private record PredictedRow(
      long line, String id, String label, double[] probabilities, double value) {}

  /** The labelled data: labels and ids from raw rows. */
  private static final class LabelReader {
    final RawRecordReader reader;
    final String target;
    final String idColumn;
    final Set<String> missing;
    boolean targetSeen;

    LabelReader(RawRecordReader reader, String targetOrNull, String idColumn, Set<String> missing) {
      this.reader = reader;
      this.target = targetOrNull != null ? targetOrNull : lastColumn(reader);
      this.idColumn = idColumn;
      this.missing = missing;
      if (reader.columnsFixed()) {
        require(this.target, "the target");
        if (idColumn != null) {
          require(idColumn, "the ids");
        }
      }
    }

    private static String lastColumn(RawRecordReader reader) {
      List<String> columns = reader.columns();
      if (columns.isEmpty()) {
        throw new IllegalArgumentException(
            reader.file() + ": no columns, so no last column for the target; name the target");
      }
      return columns.get(columns.size() - 1);
    }

    private void require(String column, String role) {
      if (!reader.columns().contains(column)) {
        throw new IllegalArgumentException(
            reader.file()
                + ": no column '"
                + column
                + "' for "
                + role
                + "; columns: "
                + String.join(", ", reader.columns()));
      }
    }

    RawRecord next() {
      RawRecord r = reader.next();
      if (r != null && !targetSeen && r.values().containsKey(target)) {
        targetSeen = true;
      }
      return r;
    }

    long skipRest() {
      long n = 0;
      while (reader.next() != null) {
        n++;
      }
      return n;
    }

    /** The label of a row, or null when missing. */
    String label(RawRecord r) {
      String s = text(r.get(target));
      return s == null || missing.contains(s) ? null : s;
    }

    /**
     * The true value of a row, or NaN when missing (null, empty, a missing-value token or NaN).
     *
     * @throws DataFormatException if it is neither missing nor a finite number
     */
    double value(RawRecord r) {
      Object raw = r.get(target);
      if (raw == null) {
        return Double.NaN;
      }
      String s = raw instanceof Number ? null : raw.toString().trim();
      if (s != null && missing.contains(s)) {
        return Double.NaN;
      }
      Double v = number(s != null ? s : raw);
      if (v == null || Double.isInfinite(v)) {
        throw DataFormatException.atColumn(
            reader.file(),
            r.line(),
            reader.columnsFixed() ? reader.columns().indexOf(target) + 1 : 0,
            target,
            notANumber(v, "\"" + (s != null ? s : raw) + "\""));
      }
      return v;
    }

    String id(RawRecord r) {
      String s = text(r.get(idColumn));
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException(
            reader.file() + ":" + r.line() + ": the id column '" + idColumn + "' is empty");
      }
      return s;
    }

    /** For JSON Lines, where columns are not known up front: the target must occur somewhere. */
    void checkTargetSeen() {
      if (!reader.columnsFixed() && !targetSeen) {
        require(target, "the target");
      }
    }
  }

  /** Reads the predictions file written by {@link BatchPrediction}. */
  private abstract static class PredictionReader implements AutoCloseable {
    final String file;
    List<String> classes = List.of();

    /** A regressor's predictions ({@code prediction}), not a classifier's ({@code label}). */
    boolean regression;

    PredictionReader(String file) {
      this.file = file;
    }

    static PredictionReader open(Path path) throws IOException {
      String name = stripGz(lowerName(path));
      if (name.endsWith(".csv")) {
        return new CsvPredictions(path);
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return new JsonPredictions(path);
      }
      throw new IllegalArgumentException(
          "cannot tell the format of the predictions file "
              + path
              + "; use the .jsonl or .csv file written by predict");
    }

    List<String> classes() {
      return classes;
    }

    abstract boolean idMissing();

    /** The next prediction, or null at the end. */
    abstract PredictedRow next() throws IOException;

    long skipRest() throws IOException {
      long n = 0;
      while (next() != null) {
        n++;
      }
      return n;
    }

    @Override
    public abstract void close() throws IOException;
  }

  private static final class CsvPredictions extends PredictionReader {
    private final RawRecordReader reader;
    private final List<String> probabilityColumns = new ArrayList<>();

    CsvPredictions(Path path) {
      super(path.toString());
      reader = RawRecordReader.open(path, ReadOptions.defaults());
      try {
        regression = !reader.columns().contains("label") && reader.columns().contains("prediction");
        if (!regression && !reader.columns().contains("label")) {
          throw new IllegalArgumentException(
              file
                  + ": no 'label' or 'prediction' column; is this a predictions file written by"
                  + " predict?");
        }
        List<String> names = new ArrayList<>();
        for (String c : regression ? List.<String>of() : reader.columns()) {
          if (c.startsWith("p_")) {
            probabilityColumns.add(c);
            names.add(c.substring(2));
          }
        }
        classes = List.copyOf(names);
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
    }

    @Override
    boolean idMissing() {
      return !reader.columns().contains("id");
    }

    @Override
    PredictedRow next() {
      RawRecord r = reader.next();
      if (r == null) {
        return null;
      }
      String id = text(r.get("id"));
      id = id == null || id.isEmpty() ? null : id;
      if (regression) {
        String v = ((String) r.get("prediction")).trim();
        Double value = number(v);
        if (value == null || !Double.isFinite(value)) {
          throw DataFormatException.atColumn(
              file,
              r.line(),
              reader.columns().indexOf("prediction") + 1,
              "prediction",
              notANumber(value, "\"" + v + "\""));
        }
        return new PredictedRow(r.line(), id, null, null, value);
      }
      double[] p = new double[probabilityColumns.size()];
      for (int c = 0; c < p.length; c++) {
        String column = probabilityColumns.get(c);
        String v = ((String) r.get(column)).trim();
        Double value = number(v);
        if (value != null) {
          p[c] = value;
        } else {
          throw DataFormatException.atColumn(
              file,
              r.line(),
              reader.columns().indexOf(column) + 1,
              column,
              "expected a probability, got \"" + v + "\"");
        }
      }
      return new PredictedRow(r.line(), id, text(r.get("label")), p, Double.NaN);
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  private static final class JsonPredictions extends PredictionReader {
    private final BufferedReader in;
    private long line;
    private PredictedRow pending;
    private boolean sawId;

    JsonPredictions(Path path) throws IOException {
      super(path.toString());
      InputStream raw;
      try {
        raw = Files.newInputStream(path);
      } catch (IOException e) {
        throw DataSourceException.reading(path, e);
      }
      try {
        InputStream s = lowerName(path).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        in = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16);
        pending = read(true);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    @Override
    boolean idMissing() {
      return pending != null && !sawId;
    }

    @Override
    PredictedRow next() throws IOException {
      if (pending != null) {
        PredictedRow r = pending;
        pending = null;
        return r;
      }
      return read(false);
    }

    private PredictedRow read(boolean first) throws IOException {
      String text;
      do {
        text = in.readLine();
        if (text == null) {
          return null;
        }
        line++;
      } while (text.isBlank());
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(text);
      } catch (JacksonException e) {
        throw DataFormatException.atLine(file, line, "not valid JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw DataFormatException.atLine(file, line, "expected a JSON object");
      }
      JsonNode id = node.get("id");
      if (first) {
        sawId = id != null;
        regression = node.get("label") == null && node.get("prediction") != null;
      }
      if (regression) {
        return readValue(node, id);
      }
      JsonNode label = node.get("label");
      if (label == null || !label.isValueNode()) {
        throw DataFormatException.atLine(
            file, line, first && label == null ? "no \"label\" or \"prediction\"" : "no \"label\"");
      }
      JsonNode probs = node.get("probabilities");
      double[] p = null;
      if (probs != null && !probs.isNull()) {
        if (!probs.isObject()) {
          throw DataFormatException.atLine(
              file, line, "\"probabilities\" must be an object of class -> probability");
        }
        if (first) {
          List<String> names = new ArrayList<>();
          for (Map.Entry<String, JsonNode> e : probs.properties()) {
            names.add(e.getKey());
          }
          classes = List.copyOf(names);
        }
        p = new double[classes.size()];
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : probs.properties()) {
          int c = classes.indexOf(e.getKey());
          if (c < 0 || !e.getValue().isNumber()) {
            throw DataFormatException.atLine(
                file,
                line,
                c < 0
                    ? "class '"
                        + e.getKey()
                        + "' is not among the classes "
                        + classes
                        + " of the first row"
                    : "the probability of '" + e.getKey() + "' is not a number");
          }
          p[c] = e.getValue().doubleValue();
          seen.add(e.getKey());
        }
        if (seen.size() != classes.size()) {
          throw DataFormatException.atLine(
              file, line, "the probabilities lack some of the classes " + classes);
        }
      }
      return new PredictedRow(line, text(value(id)), text(value(label)), p, Double.NaN);
    }

    /** A regressor's row: {@code prediction} must be a finite number. */
    private PredictedRow readValue(JsonNode node, JsonNode id) {
      JsonNode prediction = node.get("prediction");
      if (prediction == null) {
        throw DataFormatException.atLine(file, line, "no \"prediction\"");
      }
      Double v =
          prediction.isNumber()
              ? Double.valueOf(prediction.doubleValue())
              : prediction.isTextual() ? number(prediction.textValue().trim()) : null;
      if (v == null || !Double.isFinite(v)) {
        throw DataFormatException.atColumn(
            file, line, 0, "prediction", notANumber(v, prediction.toString()));
      }
      return new PredictedRow(line, text(value(id)), null, null, v);
    }

    /** A JSON scalar as a Java value, as the raw readers give it. */
    private static Object value(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isIntegralNumber()) {
        return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
      }
      if (n.isNumber()) {
        return n.doubleValue();
      }
      return n.isTextual() ? n.textValue() : n.toString();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}

package org.coppice.model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.io.AtomicFileWriter;
import org.coppice.io.DataFormatException;
import org.coppice.io.RawRecord;
import org.coppice.io.RawRecordReader;
import org.coppice.io.ReadOptions;
import org.coppice.io.bundle.Limits;

/**
 * Scores many raw records at once on several cores, in two layers: {@link #score(List)} on records
 * in memory, and {@link #predict(Path, Path, Path, String, int)} from a data file to a predictions
 * file (what {@code coppice predict --model DIR --data FILE --out FILE [--id COL]} runs).
 *
 * <p>Records are split into contiguous chunks, one worker per chunk; each worker converts its
 * records with the model's {@link Preprocessor} (counting missing values and unseen categories in
 * its own {@link Preprocessor.Counts}) and predicts them. Predictions land at their record's index,
 * and the counts are merged in chunk order, so the output is the same for any number of threads. An
 * instance is one model and one pool of worker threads (daemon threads, created on first use);
 * {@link #close()} stops them. Use an instance from one thread at a time; the model must not learn
 * meanwhile.
 */
public final class BatchPrediction implements AutoCloseable {
  /** Rows read and scored together by {@link #predict}. */
  public static final int BLOCK_SIZE = 4096;

  /** Fewest records per chunk worth a task of their own. */
  private static final int MIN_CHUNK = 256;

  private final CoppiceModel model;
  private final int threads;
  private ExecutorService pool;

  /**
   * A scorer for {@code model}.
   *
   * @param threads worker threads; 0 or less for one per available core
   */
  public BatchPrediction(CoppiceModel model, int threads) {
    this.model = Objects.requireNonNull(model, "model");
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** The number of worker threads. */
  public int threads() {
    return threads;
  }

  /**
   * The predictions for a list of records and what preprocessing met.
   *
   * @param predictions one per record, in record order
   * @param counts missing values and unseen categories per feature, over all records
   */
  public record Batch(List<Prediction> predictions, Preprocessor.Counts counts) {}

  /**
   * Scores {@code records} (column name → raw value, as {@link CoppiceModel#predict(Map)} takes).
   *
   * @throws IllegalArgumentException naming the (1-based) record when a numeric column holds text
   *     that is not a number
   */
  public Batch score(List<? extends Map<String, ?>> records) {
    Prediction[] out = new Prediction[records.size()];
    Preprocessor.Counts counts = new Preprocessor.Counts(model.schema().numFeatures());
    Failure f = scoreInto(records, out, counts);
    if (f != null) {
      throw new IllegalArgumentException(
          "record " + (f.index + 1) + ": " + f.error.getMessage(), f.error);
    }
    return new Batch(List.of(out), counts);
  }

  /** Scores {@code records} with a temporary scorer of {@code threads} threads (0: all cores). */
  public static Batch score(
      CoppiceModel model, List<? extends Map<String, ?>> records, int threads) {
    try (BatchPrediction scorer = new BatchPrediction(model, threads)) {
      return scorer.score(records);
    }
  }

  /** The first record, in input order, that could not be converted. */
  private record Failure(int index, IllegalArgumentException error) {}

  /** One worker's share: records {@code [start, end)}. */
  private final class Chunk implements Callable<Failure> {
    final List<? extends Map<String, ?>> records;
    final Prediction[] out;
    final int start;
    final int end;
    final Preprocessor.Counts counts;

    Chunk(List<? extends Map<String, ?>> records, Prediction[] out, int start, int end) {
      this.records = records;
      this.out = out;
      this.start = start;
      this.end = end;
      this.counts = new Preprocessor.Counts(model.schema().numFeatures());
    }

    @Override
    public Failure call() {
      Preprocessor pre = model.preprocessor();
      double[] x = new double[model.schema().numFeatures()];
      for (int i = start; i < end; i++) {
        try {
          pre.toFeatures(records.get(i), x, counts);
        } catch (IllegalArgumentException e) {
          return new Failure(i, e);
        }
        out[i] = model.predictFeatures(x);
      }
      return null;
    }
  }

  /**
   * Scores {@code records} into {@code out[0, n)}, adding the counts to {@code total}; returns the
   * first failure in input order, or null.
   */
  private Failure scoreInto(
      List<? extends Map<String, ?>> records, Prediction[] out, Preprocessor.Counts total) {
    int n = records.size();
    int chunks = Math.max(1, Math.min(threads, (n + MIN_CHUNK - 1) / MIN_CHUNK));
    if (chunks == 1) {
      Chunk only = new Chunk(records, out, 0, n);
      Failure f = only.call();
      total.add(only.counts);
      return f;
    }
    List<Chunk> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      tasks.add(new Chunk(records, out, from, to));
    }
    List<Future<Failure>> done;
    try {
      done = pool().invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    }
    Failure first = null;
    for (int c = 0; c < chunks; c++) {
      Failure f;
      try {
        f = done.get(c).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scoring", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("scoring failed", cause);
      }
      total.add(tasks.get(c).counts);
      if (first == null) {
        first = f;
      }
    }
    return first;
  }

  private ExecutorService pool() {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "coppice-predict");
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  /** Stops the worker threads; idempotent. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Files

  /**
   * {@link #predict(Path, Path, Path, String, int, ReadOptions, TrainListener)} with the default
   * read options and no progress reports.
   */
  public static PredictSummary predict(
      Path modelDir, Path data, Path out, String idColumnOrNull, int threads) throws IOException {
    return predict(modelDir, data, out, idColumnOrNull, threads, ReadOptions.defaults(), null);
  }

  /**
   * Loads the bundle {@code modelDir} (verifying it) and scores every row of {@code data} into
   * {@code out}. See {@link #predict(CoppiceModel, Path, Path, String, int, ReadOptions,
   * TrainListener)}.
   *
   * @throws org.coppice.state.ModelFormatException if the bundle is invalid or corrupt
   */
  public static PredictSummary predict(
      Path modelDir,
      Path data,
      Path out,
      String idColumnOrNull,
      int threads,
      ReadOptions read,
      TrainListener progress)
      throws IOException {
    OutputFormat.of(out); // reject a bad output name before loading anything
    CoppiceModel model = CoppiceModel.load(modelDir, Limits.DEFAULT, false, 1);
    return predict(model, data, out, idColumnOrNull, threads, read, progress);
  }

  /**
   * Scores every row of {@code data} (raw rows, read by {@link RawRecordReader}; preprocessing is
   * the model's) into {@code out}, one line per row in input order.
   *
   * <ul>
   *   <li>Every feature column must be in the file (the header of a CSV or ARFF file, checked
   *       before any row is scored; for JSON Lines the keys of the first block of {@value
   *       #BLOCK_SIZE} rows), else {@code data.csv: column 'price' required by the model is
   *       missing}. Other columns, the target included, are ignored. A key missing from one JSON
   *       object is a missing value.
   *   <li>Rows are read in blocks of {@value #BLOCK_SIZE}, each block scored on {@code threads}
   *       threads (0 or less: all cores) and written in input order.
   *   <li>{@code out} ending in {@code .jsonl} (or {@code .ndjson}): one JSON object per row,
   *       {@code {"id": 1, "label": "UP", "probabilities": {"UP": 0.7, "DOWN": 0.3}}}, the
   *       probabilities in class order. Ending in {@code .csv}: a header {@code
   *       id,label,p_UP,p_DOWN} then one row per record. The id is the raw value of {@code
   *       idColumnOrNull} (null/empty if missing), or without it the 1-based row number.
   *       Probabilities are printed with {@link Double#toString(double)}. A regressor writes {@code
   *       {"id": 1, "prediction": 3.25}}, or {@code id,prediction} rows.
   *   <li>{@code out} is written atomically ({@link AtomicFileWriter}): on any error nothing
   *       appears and an existing file is left as it was. Its directory is created if needed.
   * </ul>
   *
   * The output is byte-identical for any number of threads.
   *
   * @param read only the CSV delimiter applies
   * @param progress receives progress reports; null for none
   * @throws IllegalArgumentException for an output name without a supported extension, {@code out}
   *     being the data file, an absent feature or id column
   * @throws DataFormatException for a malformed row, or a numeric column holding text that is not a
   *     number ({@code data.csv:17: column 'price': expected a number, got "abc"})
   * @throws org.coppice.io.DataSourceException if the data cannot be read
   * @throws IOException if the output cannot be written
   */
  public static PredictSummary predict(
      CoppiceModel model,
      Path data,
      Path out,
      String idColumnOrNull,
      int threads,
      ReadOptions read,
      TrainListener progress)
      throws IOException {
    OutputFormat format = OutputFormat.of(out);
    if (Files.exists(out) && Files.exists(data) && Files.isSameFile(out, data)) {
      throw new IllegalArgumentException(
          "the output " + out + " is the data file; write the predictions elsewhere");
    }
    long start = System.nanoTime();
    Schema schema = model.schema();
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Preprocessor.Counts total = new Preprocessor.Counts(schema.numFeatures());
    long rows = 0;
    try (RawRecordReader reader = RawRecordReader.open(data, read);
        BatchPrediction scorer = new BatchPrediction(model, threads);
        AtomicFileWriter file = AtomicFileWriter.open(out)) {
      Writer text =
          new BufferedWriter(
              new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
      boolean checked = false;
      if (reader.columnsFixed()) {
        checkColumns(reader, schema, idColumnOrNull);
        checked = true;
      }
      List<RawRecord> block = new ArrayList<>(BLOCK_SIZE);
      List<Map<String, Object>> values =
          new AbstractList<>() {
            @Override
            public Map<String, Object> get(int i) {
              return block.get(i).values();
            }

            @Override
            public int size() {
              return block.size();
            }
          };
      Prediction[] predictions = new Prediction[BLOCK_SIZE];
      StringBuilder line = new StringBuilder(256);
      format.writeHeader(text, schema);
      long lastReport = start;
      while (true) {
        block.clear();
        RawRecord r;
        while (block.size() < BLOCK_SIZE && (r = reader.next()) != null) {
          block.add(r);
        }
        if (!checked && (rows > 0 || !block.isEmpty())) {
          checkColumns(reader, schema, idColumnOrNull);
          checked = true;
        }
        if (block.isEmpty()) {
          break;
        }
        Failure f = scorer.scoreInto(values, predictions, total);
        if (f != null) {
          throw DataFormatException.atLine(
              reader.file(), block.get(f.index).line(), f.error.getMessage());
        }
        for (int i = 0; i < block.size(); i++) {
          rows++;
          Object id = idColumnOrNull == null ? (Object) rows : block.get(i).get(idColumnOrNull);
          line.setLength(0);
          format.appendRow(line, id, predictions[i]);
          text.append(line);
        }
        Arrays.fill(predictions, null);
        if (progress != null) {
          long now = System.nanoTime();
          if (now - lastReport >= TrainListener.INTERVAL_MILLIS * 1_000_000L) {
            progress.onProgress(rows, (now - start) * 1e-9, reader.progress());
            lastReport = now;
          }
        }
        if (block.size() < BLOCK_SIZE) {
          break;
        }
      }
      text.flush();
      file.commit();
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    List<PredictSummary.ColumnCounts> columns = new ArrayList<>();
    for (int f = 0; f < schema.numFeatures(); f++) {
      columns.add(
          new PredictSummary.ColumnCounts(
              schema.feature(f).name(), total.missing(f), total.unseen(f)));
    }
    return new PredictSummary(out, rows, seconds, columns);
  }

  private static void checkColumns(RawRecordReader reader, Schema schema, String idColumn) {
    List<String> columns = reader.columns();
    List<String> absent = new ArrayList<>();
    for (Attribute a : schema.features()) {
      if (!columns.contains(a.name())) {
        absent.add(a.name());
      }
    }
    if (!absent.isEmpty()) {
      throw SchemaBinding.missingColumns(reader.file(), absent);
    }
    if (idColumn != null && !columns.contains(idColumn)) {
      throw new IllegalArgumentException(
          reader.file()
              + ": no column '"
              + idColumn
              + "' for the ids; columns: "
              + String.join(", ", columns));
    }
  }

  /** How predictions are written, chosen by the output file's extension. */
  enum OutputFormat {
    JSONL,
    CSV;

    static OutputFormat of(Path out) {
      Path name = out.getFileName();
      String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
        return JSONL;
      }
      if (n.endsWith(".csv")) {
        return CSV;
      }
      throw new IllegalArgumentException(
          "cannot tell the predictions format of " + out + "; use a .jsonl or .csv file name");
    }

    void writeHeader(Writer w, Schema schema) throws IOException {
      if (this == CSV && schema.isRegression()) {
        w.append("id,prediction\n");
      } else if (this == CSV) {
        StringBuilder sb = new StringBuilder("id,label");
        for (String c : schema.target().values()) {
          sb.append(',');
          appendCsv(sb, "p_" + c);
        }
        w.append(sb).append('\n');
      }
    }

    void appendRow(StringBuilder sb, Object id, Prediction p) {
      if (p.isRegression()) {
        if (this == JSONL) {
          sb.append("{\"id\": ");
          Json.appendValue(sb, id);
          sb.append(", \"prediction\": ").append(probability(p.value())).append("}\n");
        } else {
          appendCsv(sb, id == null ? "" : Preprocessor.categoryText(id));
          sb.append(',').append(Double.isFinite(p.value()) ? Double.toString(p.value()) : "");
          sb.append('\n');
        }
        return;
      }
      List<String> classes = p.classes();
      double[] probabilities = p.probabilities();
      if (this == JSONL) {
        sb.append("{\"id\": ");
        Json.appendValue(sb, id);
        sb.append(", \"label\": ");
        Json.appendString(sb, p.label());
        sb.append(", \"probabilities\": {");
        for (int c = 0; c < classes.size(); c++) {
          if (c > 0) {
            sb.append(", ");
          }
          Json.appendString(sb, classes.get(c));
          sb.append(": ").append(probability(probabilities[c]));
        }
        sb.append("}}\n");
        return;
      }
      appendCsv(sb, id == null ? "" : Preprocessor.categoryText(id));
      sb.append(',');
      appendCsv(sb, p.label());
      for (double v : probabilities) {
        sb.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
      }
      sb.append('\n');
    }

    private static String probability(double v) {
      return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** Appends a CSV field, quoted when it holds a delimiter, quote, line break or edge space. */
    static void appendCsv(StringBuilder sb, String s) {
      boolean quote =
          !s.isEmpty()
              && (Character.isWhitespace(s.charAt(0))
                  || Character.isWhitespace(s.charAt(s.length() - 1)));
      for (int i = 0; i < s.length() && !quote; i++) {
        char c = s.charAt(i);
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
      }
      if (!quote) {
        sb.append(s);
        return;
      }
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          sb.append('"');
        }
        sb.append(c);
      }
      sb.append('"');
    }
  }
}

package org.coppice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coppice.model.BatchPrediction;
import org.coppice.model.PredictSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coppice predict}: scores the rows of a data file with a bundle. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Scores the rows of a data file with a model bundle.",
    description = {
      "Reads raw rows from --data and writes one line per row to --out, in input order: the id,",
      "the predicted label and the probability of every class. .jsonl: {\"id\": 1, \"label\": ...,",
      "\"probabilities\": {...}}; .csv: id,label,p_CLASS,... The preprocessing is the bundle's:",
      "every feature column must be present (other columns, the target included, are ignored);",
      "missing values and categories unseen in training are treated as missing and counted per",
      "column in the summary. Rows are scored in blocks on --threads cores; the output does not",
      "depend on it. --out appears only once complete.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  coppice predict --model model --data new.csv --out predictions.jsonl",
      "  coppice predict --model model --data new.csv --out predictions.csv --id customer_id"
    })
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true, description = "Bundle directory.")
  Path model;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      required = true,
      description = "Rows to score: .arff, .csv or .jsonl, optionally gzipped (.gz).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "Predictions file: .jsonl or .csv.")
  Path out;

  @Option(
      names = "--id",
      paramLabel = "COL",
      description = "Column of --data whose value is each row's id (default: the row number).")
  String id;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Threads that score the rows (default: all cores).")
  Integer threads;

  @Mixin DelimiterOption delimiter;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw CliError.usage("invalid value for --threads: must be at least 1, got " + threads);
    }
    int t = threads == null ? 0 : threads;
    var options = delimiter.options();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = ProgressLine.rowsIfTerminal(err);
    PredictSummary summary;
    try {
      summary =
          Layers.call(
              model, () -> BatchPrediction.predict(model, data, out, id, t, options, progress));
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(json ? summary.toJson() : summary.toText());
    stdout.flush();
    return 0;
  }
}

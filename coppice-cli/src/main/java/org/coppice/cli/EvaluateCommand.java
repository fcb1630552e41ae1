package org.coppice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coppice.model.Evaluation;
import org.coppice.model.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coppice evaluate}: scores a predictions file against the labelled data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Scores a predictions file against the labelled data, without the model.",
    description = {
      "Compares the predictions written by 'coppice predict' with the true labels in column",
      "--target of --data (default: the last column). A classifier's predictions (a 'label'",
      "column) give accuracy, kappa, macro F1, log loss and the confusion matrix; a",
      "regressor's (a 'prediction' column) give MAE, RMSE and R2 (against the running mean of",
      "the earlier true values). With --id, rows are matched by id (the predictions' id against",
      "that column of --data); without it, the n-th prediction goes with the n-th row. Rows",
      "without a label are skipped and counted.",
      ""
    },
    footer = {
      "",
      "Example:",
      "  coppice evaluate --predictions predictions.jsonl --data test.csv --target class"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      required = true,
      description = "Predictions file written by 'coppice predict': .jsonl or .csv.")
  Path predictions;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      required = true,
      description = "Labelled data: .arff, .csv or .jsonl, optionally gzipped (.gz).")
  Path data;

  @Option(
      names = "--target",
      paramLabel = "COL",
      description =
          "Column of --data holding the true labels or values (default: the last column).")
  String target;

  @Option(
      names = "--id",
      paramLabel = "COL",
      description = "Column of --data to match with the predictions' ids (default: row order).")
  String id;

  @Mixin DelimiterOption delimiter;

  @Option(names = "--json", description = "Print the metrics as JSON.")
  boolean json;

  @Override
  public Integer call() {
    var options = delimiter.options();
    EvaluationReport report =
        Layers.call(() -> Evaluation.evaluate(predictions, data, target, id, options));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(json ? report.toJson() : report.toText());
    stdout.flush();
    return 0;
  }
}

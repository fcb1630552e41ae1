package org.coppice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coppice.model.Learning;
import org.coppice.model.TrainSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coppice learn}: continues training a bundle on new data. */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Continues training a model bundle on new data.",
    description = {
      "Loads the bundle --model, continues training it on every row of --data, test-then-train,",
      "and saves the result to --out (which may be --model: the bundle is replaced only once the",
      "new one is complete). --data must have the model's columns (any order); nominal values",
      "and classes are matched by name. Training on A then learning B gives the same model, byte",
      "for byte, as training on A followed by B. A model saved with --frozen cannot learn.",
      ""
    },
    footer = {"", "Example:", "  coppice learn --model model --data more.csv --out model2"})
final class LearnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Bundle directory to continue.")
  Path model;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      required = true,
      description = "New data: .arff, .csv or .jsonl, optionally gzipped (.gz).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Bundle directory to write; an existing bundle there is replaced.")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Threads that train a forest's trees (default: all cores).")
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
    TrainSummary summary;
    try {
      summary = Layers.call(model, () -> Learning.learn(model, data, options, out, t, progress));
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(Json.pretty(ModelReports.map(summary, model, false)));
    } else {
      stdout.print(ModelReports.text(summary, model, false));
    }
    stdout.flush();
    return 0;
  }
}

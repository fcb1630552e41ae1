package org.coppice.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.coppice.io.ReadOptions;
import org.coppice.learn.Task;
import org.coppice.learn.registry.Settings;
import org.coppice.model.LearnerSpec;
import org.coppice.model.Training;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coppice prequential}: test-then-train evaluation of a learner on a file or a stream. */
@Command(
    name = "prequential",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Evaluates a learner test-then-train on a data file or a synthetic stream.",
    description = {
      "Evaluates a learner test-then-train: every instance is first predicted, then learned.",
      "Prints accuracy, kappa, macro F1, log loss, the accuracy over the last --window instances,",
      "the confusion matrix and the speed of the test-then-train loop.",
      ""
    },
    footer = {
      "",
      "Defaults are MOA 2024.07's: ARF with 100 trees, max features 60%%, lambda 6, ADWIN deltas",
      "0.001 (drift) and 0.01 (warning), trees with grace period 50 and split confidence 0.01",
      "(200 and 1e-7 for --learner ht), tie threshold 0.05, infogain, nba leaves.",
      "Results do not depend on --threads.",
      "",
      "Examples:",
      "  coppice prequential --stream sea",
      "  coppice prequential --stream 'drift(sea,sea(function=2),position=50000)' --limit 100000",
      "  coppice prequential --data elecNormNew.arff.gz --trees 10 --json",
      "  coppice prequential --data data.csv --target label --nominal zip,color --learner ht"
    })
final class PrequentialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Input {
    @Option(
        names = "--data",
        paramLabel = "FILE",
        description =
            "Data file: .arff, .csv or .jsonl, optionally gzipped (.gz). Give --data or"
                + " --stream.")
    String data;

    @Option(
        names = "--stream",
        paramLabel = "SPEC",
        description = {
          "Synthetic stream, e.g. sea, agrawal(function=3), rbf(speed=0.001),"
              + " drift(sea,sea(function=2),position=5000); see 'coppice generate --help'."
              + " Reads --limit instances, 100,000 by default."
        })
    String stream;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  Input input;

  @Mixin ReadSettings read;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Stop after N instances (default: the whole file; 100,000 for --stream).")
  Long limit;

  @Option(
      names = "--window",
      paramLabel = "W",
      description = "Instances in the window of the window accuracy (default: 1000).")
  int window = 1000;

  @Option(names = "--json", description = "Print the results as one line of JSON.")
  boolean json;

  @Override
  public Integer call() {
    LearnerSpec learnerSpec = LearnerOptions.spec(spec);
    long seed = LearnerOptions.seed(spec);
    long limit = checkedLimit();
    int windowSize = checkedWindow();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Source source = openSource(seed, learnerSpec.task())) {
      Settings settings =
          LearnerOptions.resolve(spec, learnerSpec, Training.taskOf(source.stream().schema()));
      PrequentialRun.Config config = new PrequentialRun.Config(settings, seed, limit, windowSize);
      ProgressLine progress =
          ProgressLine.stderrIsTerminal() ? new ProgressLine(err, config.limit()) : null;
      PrequentialRun.Report report;
      try {
        report = PrequentialRun.run(config, source.stream(), progress);
      } finally {
        if (progress != null) {
          progress.clear();
        }
      }
      if (json) {
        out.println(Reports.json(source, report));
      } else {
        out.print(Reports.text(source, report));
      }
      out.flush();
    }
    return 0;
  }

  private Source openSource(long seed, Task learnerTask) {
    if (input.stream != null) {
      String option = read.firstGiven();
      if (option != null) {
        throw CliError.usage(option + " applies only to --data");
      }
      return Source.stream(input.stream, seed);
    }
    ReadOptions options = read.options();
    if (options.task() == null && learnerTask != null) {
      // A CSV or JSON Lines target is read the way the named learner needs it.
      options = options.toBuilder().task(learnerTask).build();
    }
    return Source.file(input.data, options);
  }

  private long checkedLimit() {
    if (limit == null) {
      return input.stream != null ? PrequentialRun.DEFAULT_STREAM_LIMIT : -1;
    }
    if (limit < 1) {
      throw CliError.usage("invalid value for --limit: must be at least 1, got " + limit);
    }
    return limit;
  }

  private int checkedWindow() {
    if (window < 1) {
      throw CliError.usage("invalid value for --window: must be at least 1, got " + window);
    }
    return window;
  }
}

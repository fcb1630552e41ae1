package org.coppice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.Learners;
import org.coppice.model.LearnerSpec;
import org.coppice.model.TrainSummary;
import org.coppice.model.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coppice train}: trains a model on a data file and saves it as a bundle. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Trains a model on a data file and saves it as a bundle directory.",
    description = {
      "Trains an Adaptive Random Forest (or, with --learner ht, a Hoeffding tree) on every row of",
      "--data, test-then-train, and saves it with its preprocessing to the bundle directory --out",
      "(manifest.json and model.bin). Prints rows read and rejected, the accuracy and kappa over",
      "the training rows (each row predicted before it was learned), the bundle's size and the",
      "time. Each learner setting comes from its option, else from --config, else from MOA's",
      "defaults.",
      ""
    },
    footer = {
      "",
      "A --config file holds the settings by these names, e.g. in YAML:",
      "  learner: arf",
      "  trees: 10",
      "  max-features: sqrt",
      "Names: learner, trees, seed, max-features, lambda, drift-delta, warning-delta,",
      "grace-period, split-confidence, tie-threshold, leaf-prediction, split-criterion,",
      "drift-detection, background, weighted-vote (true or false), threads.",
      "The same data, settings and seed give the same model, byte for byte, whatever --threads.",
      "",
      "Examples:",
      "  coppice train --data train.csv --out model",
      "  coppice train --data data.csv --target label --config arf.yaml --seed 7 --out model",
      "  coppice train --data elecNormNew.arff.gz --learner ht --frozen --out ht-model"
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      required = true,
      description = "Training data: .arff, .csv or .jsonl, optionally gzipped (.gz).")
  Path data;

  @Mixin ReadSettings read;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Learner settings: a .json, .yaml or .yml file (see below); options given here"
              + " override it.")
  Path config;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Bundle directory to write; an existing bundle there is replaced.")
  Path out;

  @Option(
      names = "--frozen",
      description =
          "Save the inference-only form: smaller and predicts the same, but cannot learn"
              + " further.")
  boolean frozen;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    LearnerSpec settings = resolveSettings();
    var options = read.options();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = ProgressLine.rowsIfTerminal(err);
    TrainSummary summary;
    try {
      // The config file is already merged into the settings (and checked against the options).
      summary =
          Layers.call(() -> Training.train(data, options, null, settings, out, frozen, progress));
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(Json.pretty(ModelReports.map(summary, null, frozen)));
    } else {
      stdout.print(ModelReports.text(summary, null, frozen));
    }
    stdout.flush();
    return 0;
  }

  /**
   * The settings of the config file, if any, each overridden by the same option given here; the
   * named learner's settings are checked against its table before any data is read.
   *
   * @throws CliError (usage) for an invalid config file or option, or a setting that does not apply
   *     to the learner; (data) if the config file cannot be read
   */
  private LearnerSpec resolveSettings() {
    LearnerSpec cli = LearnerOptions.spec(spec);
    if (config == null) {
      if (cli.task() != null) {
        LearnerOptions.resolve(spec, cli, cli.task());
      }
      return cli;
    }
    if (!Files.isRegularFile(config)) {
      throw CliError.data("no such config file: " + config, null);
    }
    LearnerSpec file;
    try {
      file = LearnerSpec.fromFile(config);
    } catch (IllegalArgumentException e) {
      throw CliError.usage(e.getMessage(), e);
    } catch (IOException e) {
      throw CliError.data("cannot read config file " + config + ": " + e.getMessage(), e);
    }
    LearnerSpec merged = file.overriddenBy(cli);
    if (merged.task() == null) {
      return merged; // the default learner: checked once the data says what the task is
    }
    LearnerType<?, ?> type = Learners.byName(merged.learner());
    boolean learnerFromFile = cli.learner() == null;
    for (String key : merged.settings().keySet()) {
      if (type.hasParameter(key)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      LearnerSpec.learnersWith(key).forEach(t -> names.add(t.name()));
      String learners = String.join(", ", names);
      if (cli.settings().containsKey(key)) {
        throw CliError.usage(
            "--"
                + key
                + " applies only to --learner "
                + learners
                + ", not to "
                + (learnerFromFile
                    ? "learner " + type.name() + " of config file " + config
                    : "--learner " + type.name()));
      }
      throw CliError.usage(
          "config file "
              + config
              + ": "
              + key
              + " applies only to learner "
              + learners
              + ", not to "
              + type.name()
              + (learnerFromFile ? "" : " (--learner " + type.name() + ")"));
    }
    LearnerOptions.resolve(spec, merged, merged.task());
    return merged;
  }
}

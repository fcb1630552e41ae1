package org.coppice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code coppice} command; the work happens in its subcommands. */
@Command(
    name = "coppice",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Online machine learning on data streams: Hoeffding trees and Adaptive Random Forests"
            + " for classification and regression.",
    subcommands = {
      PrequentialCommand.class,
      TrainCommand.class,
      LearnCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      InspectCommand.class,
      LearnersCommand.class,
      GenerateCommand.class
    },
    footer = {"", "Run 'coppice COMMAND --help' for the options of a command."})
final class CoppiceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print a stack trace for internal errors.")
  boolean verbose;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: "
            + String.join(", ", spec.subcommands().keySet()).replaceFirst(", ([^,]*)$", " or $1"));
  }
}

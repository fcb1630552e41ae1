package org.coppice.cli;

import java.util.List;
import org.coppice.io.ReadOptions;
import org.coppice.learn.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a data file is read when its schema is inferred ({@code prequential --data}, {@code train}):
 * the class column, the task, the columns to read as nominal and the CSV delimiter.
 */
final class ReadSettings {
  @Option(
      names = "--target",
      paramLabel = "COL",
      description = "Class column of --data (default: the last column).")
  String target;

  @Option(
      names = "--nominal",
      paramLabel = "COL",
      split = ",",
      description = "Columns of a CSV or JSON Lines --data to read as nominal, comma-separated.")
  List<String> nominal;

  @Option(
      names = "--task",
      paramLabel = "TASK",
      converter = Converters.TaskName.class,
      description =
          "classification or regression (default: regression when the target column of a CSV or"
              + " JSON Lines --data holds only numbers, or is declared numeric in ARFF; else"
              + " classification; a --learner given decides for CSV and JSON Lines).")
  Task task;

  @Mixin DelimiterOption delimiter;

  /** The first option given, or null if none was. */
  String firstGiven() {
    if (target != null) {
      return "--target";
    }
    if (task != null) {
      return "--task";
    }
    if (nominal != null) {
      return "--nominal";
    }
    return delimiter.given() ? "--delimiter" : null;
  }

  /** The read options. */
  ReadOptions options() {
    ReadOptions.Builder b =
        ReadOptions.builder()
            .target(target)
            .task(task)
            .nominal(nominal == null ? List.of() : nominal);
    return delimiter.apply(b).build();
  }
}

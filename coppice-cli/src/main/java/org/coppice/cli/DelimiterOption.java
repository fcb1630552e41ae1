package org.coppice.cli;

import org.coppice.io.ReadOptions;
import picocli.CommandLine.Option;

/** The {@code --delimiter} option of every command that reads CSV files. */
final class DelimiterOption {
  @Option(
      names = "--delimiter",
      paramLabel = "C",
      converter = Converters.Delimiter.class,
      description = "Field separator of CSV files: one character, or tab (default: ,).")
  Character delimiter;

  /** Whether the option was given. */
  boolean given() {
    return delimiter != null;
  }

  /** The default read options with this delimiter. */
  ReadOptions options() {
    return apply(ReadOptions.builder()).build();
  }

  /**
   * Sets the delimiter, if given, on {@code b}.
   *
   * @throws CliError (usage) for a delimiter CSV cannot have (a quote or a line break)
   */
  ReadOptions.Builder apply(ReadOptions.Builder b) {
    if (delimiter != null) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw CliError.usage("invalid value for --delimiter: cannot be a quote or a line break");
      }
      try {
        b.delimiter(delimiter);
      } catch (IllegalArgumentException e) {
        throw CliError.usage("invalid value for --delimiter: " + e.getMessage(), e);
      }
    }
    return b;
  }
}

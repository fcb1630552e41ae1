package org.coppice.cli;

/**
 * A mistake of the user that the command reports as one line, {@code coppice: error: MESSAGE}, with
 * an exit code: {@link #USAGE} for a bad option value, {@link #DATA} for a problem with the data.
 */
public final class CliError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a usage error: a bad option, a bad option value, an unknown stream or column. */
  public static final int USAGE = 2;

  /** Exit code of a data error: a missing or unreadable file, a malformed row. */
  public static final int DATA = 1;

  private final int exitCode;
  private final boolean hint;

  private CliError(int exitCode, String message, Throwable cause) {
    this(exitCode, message, cause, exitCode == USAGE);
  }

  private CliError(int exitCode, String message, Throwable cause, boolean hint) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /** A usage error (exit code 2). */
  public static CliError usage(String message) {
    return new CliError(USAGE, message, null);
  }

  /** A usage error (exit code 2) caused by {@code cause}. */
  public static CliError usage(String message, Throwable cause) {
    return new CliError(USAGE, message, cause);
  }

  /**
   * Inputs that do not fit together (exit code 2, like a usage error, but without the hint to run
   * {@code --help}): a data file without a column the model needs, a frozen model given to learn,
   * an output directory that is not a bundle. The model layers report these as {@link
   * IllegalArgumentException}.
   */
  public static CliError rejected(String message, Throwable cause) {
    return new CliError(USAGE, message, cause, false);
  }

  /** A data error (exit code 1). */
  public static CliError data(String message, Throwable cause) {
    return new CliError(DATA, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }

  /** Whether the error message is followed by the hint to run {@code --help}. */
  boolean hint() {
    return hint;
  }
}

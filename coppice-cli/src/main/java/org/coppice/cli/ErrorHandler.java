package org.coppice.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.coppice.io.DataFormatException;
import org.coppice.io.DataSourceException;
import org.coppice.state.ModelFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error starting with {@code coppice: error:} and an
 * exit code: 2 for usage errors (followed by a hint to run {@code --help}, unless the options are
 * fine but the inputs do not fit together), 1 for data errors (a missing, unreadable, malformed or
 * corrupt file) and for internal errors. Only internal errors, and only with {@code --verbose},
 * print a stack trace.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final String PREFIX = "coppice: error: ";

  static final String OUT_OF_MEMORY =
      "out of memory; give Java a larger heap, e.g. JAVA_OPTS=-Xmx8g ./coppice ...";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = oneLine(ex.getMessage());
    if (message.startsWith("Error: ")) {
      message = message.substring("Error: ".length());
    }
    err.println(PREFIX + message);
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    printHint(cl);
    return CliError.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof CliError e) {
      err.println(PREFIX + oneLine(e.getMessage()));
      if (e.hint()) {
        printHint(cl);
      }
      err.flush();
      return e.exitCode();
    }
    if (ex instanceof DataFormatException
        || ex instanceof DataSourceException
        || ex instanceof ModelFormatException) {
      err.println(PREFIX + oneLine(ex.getMessage()));
      err.flush();
      return CliError.DATA;
    }
    if (ex instanceof UncheckedIOException e) {
      err.println(PREFIX + "I/O error: " + oneLine(e.getCause().getMessage()));
      err.flush();
      return CliError.DATA;
    }
    if (causedByOutOfMemory(ex)) {
      err.println(PREFIX + OUT_OF_MEMORY);
      err.flush();
      return CliError.DATA;
    }
    boolean verbose = verbose(parseResult);
    err.println(
        PREFIX
            + "internal error: "
            + oneLine(String.valueOf(ex))
            + (verbose ? "" : " (run again with --verbose for the stack trace)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return CliError.DATA;
  }

  private static void printHint(CommandLine cl) {
    cl.getErr()
        .println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    cl.getErr().flush();
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedByOutOfMemory(Throwable t) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** The message on one line: line breaks become "; ". */
  static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}

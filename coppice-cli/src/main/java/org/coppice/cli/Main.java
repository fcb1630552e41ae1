package org.coppice.cli;

import picocli.CommandLine;

/** Entry point of the {@code coppice} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(ErrorHandler.PREFIX + ErrorHandler.OUT_OF_MEMORY);
      code = CliError.DATA;
    }
    System.exit(code);
  }

  /**
   * A fully configured command line: subcommands, error handlers and help texts. Call {@code
   * setOut}/{@code setErr} on it to capture the output, then {@code execute(args)}.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CoppiceCommand());
    ErrorHandler handler = new ErrorHandler();
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setUsageHelpWidth(100);
    GenerateCommand.addStreamList(cl.getSubcommands().get("generate"));
    for (String command : new String[] {"prequential", "train"}) {
      LearnerOptions.addTo(cl.getSubcommands().get(command).getCommandSpec());
    }
    return cl;
  }
}

package org.coppice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Internal errors: one line, and a stack trace only with --verbose. */
class ErrorHandlerTest {
  private static String handle(Exception e, String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    int code = new ErrorHandler().handleExecutionException(e, cl, parsed);
    assertEquals(1, code);
    return err.toString();
  }

  @Test
  void internalErrorIsOneLineWithoutVerbose() {
    String err = handle(new IllegalStateException("boom"), "prequential", "--stream", "sea");
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("coppice: error: internal error: "), err);
    assertTrue(err.contains("--verbose"), err);
    assertFalse(err.contains("\tat "), err);
  }

  @Test
  void verbosePrintsTheStackTrace() {
    String err =
        handle(new IllegalStateException("boom"), "prequential", "--verbose", "--stream", "sea");
    assertTrue(err.startsWith("coppice: error: internal error: "), err);
    assertTrue(err.contains("\tat "), err);
  }

  @Test
  void outOfMemoryIsOneLine() {
    String err =
        handle(
            new RuntimeException(new OutOfMemoryError("Java heap space")),
            "generate",
            "sea",
            "-n",
            "1",
            "-o",
            "x.csv");
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.contains("JAVA_OPTS"), err);
  }
}

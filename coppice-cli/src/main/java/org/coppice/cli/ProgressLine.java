package org.coppice.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.coppice.eval.PrequentialEvaluator.ProgressListener;
import org.coppice.model.TrainListener;

/**
 * A progress line on standard error, redrawn in place with a carriage return: instances (or rows),
 * rate and, when known, percentage and time left. The percentage comes from the stream's progress
 * or, if higher, from the instance limit. It listens to prequential runs and to the model layers
 * (training, learning, prediction) alike.
 */
final class ProgressLine implements ProgressListener, TrainListener {
  /** Minimum interval between two redraws. */
  static final long INTERVAL_MILLIS = 250;

  private final PrintWriter err;
  private final long limit;
  private final String noun;
  private int width;

  /**
   * A progress line counting instances.
   *
   * @param err where to draw, a terminal
   * @param limit the instance limit, or -1 for none
   */
  ProgressLine(PrintWriter err, long limit) {
    this(err, limit, "instances");
  }

  /**
   * @param err where to draw, a terminal
   * @param limit the limit, or -1 for none
   * @param noun what is counted, plural: "instances", "rows"
   */
  ProgressLine(PrintWriter err, long limit, String noun) {
    this.err = err;
    this.limit = limit;
    this.noun = noun;
  }

  /** A progress line counting rows on {@code err} if standard error is a terminal, else null. */
  static ProgressLine rowsIfTerminal(PrintWriter err) {
    return stderrIsTerminal() ? new ProgressLine(err, -1, "rows") : null;
  }

  @Override
  public void onProgress(long instances, double elapsedSeconds, double fraction) {
    double f = fraction;
    if (limit > 0) {
      double byLimit = (double) instances / limit;
      f = Double.isNaN(f) ? byLimit : Math.max(f, byLimit);
    }
    StringBuilder line = new StringBuilder();
    line.append(Format.count(instances)).append(' ').append(noun);
    if (elapsedSeconds > 0) {
      line.append(", ").append(Format.rate(instances / elapsedSeconds)).append("/s");
    }
    if (!Double.isNaN(f) && f > 0) {
      f = Math.min(f, 1.0);
      line.append(String.format(Locale.ROOT, ", %.1f%%", 100 * f));
      line.append(", ETA ").append(Format.duration(elapsedSeconds * (1 - f) / f));
    }
    draw(line.toString());
  }

  private void draw(String text) {
    int pad = Math.max(0, width - text.length());
    err.print("\r" + text + " ".repeat(pad));
    err.flush();
    width = text.length();
  }

  /** Erases the line, if anything was drawn. */
  void clear() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  /**
   * Whether standard error is a terminal: the launcher passes {@code -Dcoppice.stderr.tty}; without
   * it, {@code System.console() != null} is the proxy.
   */
  static boolean stderrIsTerminal() {
    String tty = System.getProperty("coppice.stderr.tty");
    if (tty != null) {
      return Boolean.parseBoolean(tty);
    }
    return System.console() != null;
  }
}

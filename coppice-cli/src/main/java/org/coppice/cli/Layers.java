package org.coppice.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.coppice.io.bundle.BundleWriter;
import org.coppice.io.bundle.Manifest;
import org.coppice.state.ModelFormatException;

/**
 * Runs a call into the model layers ({@code org.coppice.model}) and turns their exceptions into
 * one-line errors: an {@link IllegalArgumentException} (the inputs do not fit together: a column
 * the model needs is missing, the model is frozen, the output is not a bundle...) is {@link
 * CliError#rejected}; a missing file and any other {@link IOException} are data errors. {@link
 * org.coppice.io.DataFormatException}, {@link org.coppice.io.DataSourceException} and {@link
 * org.coppice.state.ModelFormatException} pass through to {@link ErrorHandler}, which reports them
 * as data errors.
 */
final class Layers {
  private Layers() {}

  /** A call into a layer. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  static <T> T call(Call<T> call) {
    return call(null, call);
  }

  /**
   * As {@link #call(Call)}, for a call that reads the bundle {@code bundleDir}: a {@link
   * ModelFormatException} about one of its files ({@code model.bin section 6 ...: checksum
   * mismatch}) is reported with the directory ({@code model/model.bin section 6 ...}).
   */
  static <T> T call(Path bundleDir, Call<T> call) {
    try {
      return call.run();
    } catch (ModelFormatException e) {
      String message = String.valueOf(e.getMessage());
      if (bundleDir == null || message.startsWith(bundleDir.toString())) {
        throw e;
      }
      String prefix =
          message.startsWith(BundleWriter.MODEL_FILE) || message.startsWith(Manifest.FILE_NAME)
              ? bundleDir + bundleDir.getFileSystem().getSeparator()
              : bundleDir + ": ";
      throw CliError.data(prefix + message, e);
    } catch (IllegalArgumentException e) {
      throw CliError.rejected(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw CliError.data(
          e.getReason() != null
              ? e.getFile() + ": " + e.getReason()
              : "no such file or directory: " + e.getFile(),
          e);
    } catch (AccessDeniedException e) {
      throw CliError.data("permission denied: " + e.getFile(), e);
    } catch (IOException e) {
      throw CliError.data("I/O error: " + e.getMessage(), e);
    }
  }
}

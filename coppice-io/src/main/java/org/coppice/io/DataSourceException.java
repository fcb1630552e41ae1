package org.coppice.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A data file could not be opened, read or written: it does not exist, is not readable, is not a
 * valid gzip file, and so on. The message is one line meant for the user, e.g. {@code no such file:
 * data.csv}; the underlying {@link IOException} is the cause.
 */
public class DataSourceException extends UncheckedIOException {
  /**
   * Creates the exception.
   *
   * @param message a one-line description naming the file
   * @param cause the I/O error; not null
   */
  public DataSourceException(String message, IOException cause) {
    super(message, cause);
  }

  /**
   * Wraps an I/O error that happened while reading {@code file}, with a short message naming the
   * file as the user gave it.
   */
  public static DataSourceException reading(Path file, IOException e) {
    return new DataSourceException(describe("cannot read", file, e), e);
  }

  /** Wraps an I/O error that happened while writing {@code file}. */
  public static DataSourceException writing(Path file, IOException e) {
    return new DataSourceException(describe("cannot write", file, e), e);
  }

  private static String describe(String action, Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      if (action.equals("cannot read")) {
        return "no such file: " + file;
      }
      Path parent = file.getParent();
      return action + " " + file + ": no such directory: " + (parent == null ? "." : parent);
    }
    if (e instanceof AccessDeniedException) {
      return action + " " + file + ": permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return action + " " + file + ": a parent is not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return action + " " + file + ": file already exists";
    }
    if (e instanceof ZipException) {
      return action + " " + file + ": corrupt gzip data (" + e.getMessage() + ")";
    }
    if (e instanceof EOFException) {
      return action + " " + file + ": unexpected end of file (truncated gzip?)";
    }
    String msg = e.getMessage();
    return action + " " + file + ": " + (msg == null ? e.getClass().getSimpleName() : msg);
  }
}

package org.coppice.cli;

import org.coppice.learn.Task;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for the option values that are not plain numbers. */
final class Converters {
  private Converters() {}

  /** A task name: classification or regression. */
  static final class TaskName implements ITypeConverter<Task> {
    @Override
    public Task convert(String value) {
      for (Task t : Task.values()) {
        if (t.cliName().equalsIgnoreCase(value.trim())) {
          return t;
        }
      }
      throw new TypeConversionException(
          "the task must be classification or regression, got '" + value + "'");
    }
  }

  /** A CSV delimiter: one character, or {@code tab} (also {@code \t}). */
  static final class Delimiter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
        return '\t';
      }
      if (value.length() != 1) {
        throw new TypeConversionException(
            "the delimiter must be one character, or tab; got '" + value + "'");
      }
      return value.charAt(0);
    }
  }
}

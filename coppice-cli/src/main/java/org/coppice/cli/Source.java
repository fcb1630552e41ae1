package org.coppice.cli;

import java.nio.file.Path;
import org.coppice.gen.StreamGenerator;
import org.coppice.gen.StreamSpecs;
import org.coppice.io.DataSources;
import org.coppice.io.ReadOptions;
import org.coppice.stream.InstanceStream;

/**
 * An open source of instances for the command line: a data file or a synthetic stream.
 *
 * @param stream the instances; close it (or this) when done
 * @param type "file" or "stream"
 * @param name the file as the user gave it, or the stream spec as the user gave it
 * @param spec the generator's full spec with every option and seed written out (streams only)
 */
public record Source(InstanceStream stream, String type, String name, String spec)
    implements AutoCloseable {

  /**
   * Opens a data file, choosing the reader by extension (.arff, .csv, .jsonl, optionally .gz).
   *
   * @param options the class column (null for the last one), the columns to read as nominal (CSV
   *     and JSON Lines) and the CSV delimiter
   * @throws CliError (usage) for an unknown column or file extension
   * @throws org.coppice.io.DataSourceException if the file is missing or unreadable
   * @throws org.coppice.io.DataFormatException if the header is malformed
   */
  public static Source file(String file, ReadOptions options) {
    Path path;
    try {
      path = Path.of(file);
    } catch (java.nio.file.InvalidPathException e) {
      throw CliError.usage("invalid file name '" + file + "': " + e.getReason(), e);
    }
    try {
      return new Source(DataSources.open(path, options), "file", file, null);
    } catch (IllegalArgumentException e) {
      // An unknown --target or --nominal column, or an unknown file extension.
      throw CliError.usage(e.getMessage(), e);
    }
  }

  /**
   * Builds a synthetic stream from its {@link StreamSpecs} spec.
   *
   * @throws CliError (usage) if the spec is malformed or names an unknown stream or option
   */
  public static Source stream(String spec, long seed) {
    StreamGenerator generator;
    try {
      generator = StreamSpecs.parse(spec, seed);
    } catch (IllegalArgumentException e) {
      throw CliError.usage(e.getMessage(), e);
    }
    return new Source(generator, "stream", spec, generator.spec());
  }

  /** A description for reports: file NAME or stream SPEC. */
  public String describe() {
    return type + " " + (spec != null ? spec : name);
  }

  @Override
  public void close() {
    stream.close();
  }
}

package org.coppice.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.coppice.data.Instance;
import org.coppice.gen.StreamGenerator;
import org.coppice.io.DataWriters;
import org.coppice.io.InstanceWriter;

/** Writes instances of a synthetic stream to a CSV or ARFF file, atomically. */
public final class Generate {
  private Generate() {}

  /**
   * What was written.
   *
   * @param instances number of instances written
   * @param spec the generator's full spec
   * @param file the output file
   */
  public record Written(long instances, String spec, Path file) {}

  /**
   * Writes the first {@code n} instances of the stream {@code spec} (seeded with {@code seed}) to
   * {@code out}; the format (.csv or .arff, optionally .gz) follows the extension. Nothing appears
   * at {@code out} unless every instance was written.
   *
   * @throws CliError (usage) for a bad spec, count or extension
   * @throws org.coppice.io.DataSourceException if the file cannot be written
   */
  public static Written run(String spec, long n, long seed, String out) {
    if (n < 1) {
      throw CliError.usage("invalid value for --n: must be at least 1, got " + n);
    }
    Path file;
    try {
      file = Path.of(out);
    } catch (InvalidPathException e) {
      throw CliError.usage("invalid file name '" + out + "': " + e.getReason(), e);
    }
    try (Source source = Source.stream(spec, seed)) {
      StreamGenerator generator = (StreamGenerator) source.stream();
      InstanceWriter writer;
      try {
        writer = DataWriters.open(file, generator.schema());
      } catch (IllegalArgumentException e) {
        throw CliError.usage(e.getMessage(), e);
      }
      long written = 0;
      try (writer) {
        Instance inst = generator.schema().newInstance();
        while (written < n && generator.next(inst)) {
          writer.write(inst);
          written++;
        }
        writer.commit();
      }
      return new Written(written, generator.spec(), file);
    }
  }
}

package org.coppice.cli;

import java.util.concurrent.Callable;
import org.coppice.gen.StreamSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coppice generate}: writes a synthetic stream to a CSV or ARFF file. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Writes a synthetic stream to a CSV or ARFF file.",
    description = {
      "Writes the first N instances of a synthetic stream to FILE, as CSV or ARFF by its",
      "extension (.csv, .arff, optionally followed by .gz). The file appears only when complete.",
      ""
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "STREAM",
      description =
          "The stream, e.g. sea or"
              + " agrawal(function=3); the streams and their options are listed below.")
  String stream;

  @Option(
      names = {"-n", "--n"},
      paramLabel = "N",
      required = true,
      description = "Number of instances to write.")
  long n;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator (default: 1).")
  long seed = 1;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "Output file: .csv, .arff, .csv.gz or .arff.gz.")
  String out;

  @Override
  public Integer call() {
    Generate.Written w = Generate.run(stream, n, seed, out);
    spec.commandLine()
        .getOut()
        .println(
            "wrote " + Format.count(w.instances()) + " instances of " + w.spec() + " to " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Lists the streams and their options ({@link StreamSpecs#describe()}) below the options. */
  static void addStreamList(CommandLine generate) {
    String list = StreamSpecs.describe().replace("%", "%%");
    generate.getCommandSpec().usageMessage().footer("", list.replace("\n", "%n"));
  }
}

package org.coppice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coppice.model.Inspection;
import org.coppice.model.InspectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coppice inspect}: verifies a bundle and shows what is in it. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Verifies a model bundle and shows what is in it.",
    description = {
      "Loads and verifies the whole bundle (the manifest, the size and SHA-256 of every file,",
      "the checksum of every section of model.bin) and decodes the model, then shows the",
      "learner and its hyper-parameters, the trees (nodes, leaves, depth), drift and warning",
      "events, background trees, bytes by part, file sizes, the schema, the preprocessing and",
      "the training provenance and metrics. A corrupt bundle is an error (exit code 1).",
      ""
    },
    footer = {"", "Example:", "  coppice inspect model --json"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Bundle directory.")
  Path bundle;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    InspectionReport report = Layers.call(bundle, () -> Inspection.inspect(bundle));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(json ? report.toJson() : report.toText());
    stdout.flush();
    return 0;
  }
}

package org.coppice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine and the command a comparison ran with, for the reports. Nothing here records an
 * absolute path: JVM arguments holding a path are left out, and the command is the one passed by
 * the run script in {@code COPPICE_BENCH_COMMAND} when set.
 */
record Environment(
    String java,
    String os,
    int cpus,
    String cpuModel,
    long maxHeapMb,
    List<String> jvmArgs,
    String command,
    String revision,
    String started) {

  static Environment capture(String[] args) {
    String java =
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")";
    String os =
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch");
    List<String> jvmArgs = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.contains("/") && !a.contains("\\")) {
        jvmArgs.add(a);
      }
    }
    String command = System.getenv("COPPICE_BENCH_COMMAND");
    if (command == null || command.isBlank()) {
      command =
          "java "
              + String.join(" ", jvmArgs)
              + (jvmArgs.isEmpty() ? "" : " ")
              + "-cp <classpath> "
              + MoaComparison.class.getName()
              + (args.length == 0 ? "" : " " + String.join(" ", args));
    }
    String revision = System.getenv("COPPICE_BENCH_REVISION");
    return new Environment(
        java,
        os,
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        List.copyOf(jvmArgs),
        command,
        revision == null || revision.isBlank() ? "unknown" : revision,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** The CPU model name from /proc/cpuinfo, or "unknown". */
  private static String readCpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(info)) {
        for (String line : Files.readAllLines(info)) {
          if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
            int colon = line.indexOf(':');
            return colon < 0 ? line.trim() : line.substring(colon + 1).trim();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable cpuinfo only costs the model name in the report.
    }
    return "unknown";
  }

  String summaryLine() {
    return String.format(
        Locale.ROOT, "%s; %s; %d CPUs (%s); max heap %d MB", java, os, cpus, cpuModel, maxHeapMb);
  }

  /** A Markdown list describing the environment. */
  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("- JVM: ").append(java).append('\n');
    b.append("- JVM options: ")
        .append(jvmArgs.isEmpty() ? "(none)" : "`" + String.join(" ", jvmArgs) + "`")
        .append('\n');
    b.append("- OS: ").append(os).append('\n');
    b.append("- CPUs: ").append(cpus).append(" (").append(cpuModel).append(")\n");
    b.append("- Max heap: ").append(maxHeapMb).append(" MB\n");
    b.append("- Coppice revision: ").append(revision).append('\n');
    b.append("- Started: ").append(started).append('\n');
    b.append("- Command: `").append(command).append("`\n");
    return b.toString();
  }
}

package org.coppice.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown section "Model memory and load" of BENCHMARKS.md, between {@code <!-- memory:start
 * -->} and {@code <!-- memory:end -->}. Rewriting the section keeps whatever is written between
 * {@code <!-- memory:notes:start -->} and {@code <!-- memory:notes:end -->} (the findings, written
 * by hand) and leaves the rest of the file alone.
 */
final class MemoryReport {
  static final String START = "<!-- memory:start -->";
  static final String END = "<!-- memory:end -->";
  static final String NOTES_START = "<!-- memory:notes:start -->";
  static final String NOTES_END = "<!-- memory:notes:end -->";

  private static final double MIB = 1024.0 * 1024.0;

  private MemoryReport() {}

  /** Writes {@code section} into {@code file}: replaces the old section, or appends it. */
  static void writeInto(Path file, String section) throws IOException {
    String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    String out;
    if (text == null) {
      out = "# Benchmarks\n\n" + section;
    } else {
      int s = text.indexOf(START);
      int e = text.indexOf(END);
      if (s >= 0 && e > s) {
        String old = text.substring(s, e + END.length());
        String merged = keepNotes(old, section).strip();
        out = text.substring(0, s) + merged + text.substring(e + END.length());
      } else {
        out = text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + section;
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The new section with the notes block of the old one, if the old one had notes. */
  static String keepNotes(String old, String section) {
    int a = old.indexOf(NOTES_START);
    int b = old.indexOf(NOTES_END);
    int c = section.indexOf(NOTES_START);
    int d = section.indexOf(NOTES_END);
    if (a < 0 || b < a || c < 0 || d < c) {
      return section;
    }
    return section.substring(0, c) + old.substring(a, b) + section.substring(d);
  }

  // ------------------------------------------------------------------------------------------------

  static String section(Map<String, Object> results, List<Double> loadRange) {
    StringBuilder b = new StringBuilder();
    Map<String, Object> env = map(results.get("environment"));
    Map<String, Object> settings = map(results.get("settings"));
    b.append(START).append('\n');
    b.append("## Model memory and load\n\n");
    b.append(
        "Written by `coppice-bench/run-memory-benchmark.sh`"
            + " (`org.coppice.bench.memory.ModelMemoryBenchmark`); a new run replaces this section"
            + " except the notes at its end. The machine-readable results (`results.json`,"
            + " `results.csv`, class histograms, logs) are in the run's work folder.\n\n");
    b.append(
        "**Requirement.** For an Adaptive Random Forest of 300 trees trained on the River #1512"
            + " case (1,000 rows x 1,000 features, 800 informative, 2 classes, 100 clusters per"
            + " class: `classification(features=1000,informative=800,clusters-per-class=100)`,"
            + " seed 1, drawn by `MakeClassificationGenerator`) and for one whose bundle is at"
            + " least 1 GiB (more rows of the same stream): (a) the smallest `-Xmx` that loads the"
            + " bundle is at most 1.1 x the model's retained heap + 64 MiB; (b) the bytes"
            + " allocated while loading are at most 1.2 x retained; (c) load throughput from the"
            + " page cache is at least 1 GB/s; (d) `model.bin` is no larger than the retained"
            + " heap. MOA 2024.07's `meta.AdaptiveRandomForest -s 300` (defaults, seed 1),"
            + " trained on the same instances and saved with Java serialization, is measured the"
            + " same way; the criteria are applied to it for comparison only.\n\n");
    String gc = String.valueOf(settings.get("gc")).replace(" in every child JVM", "");
    b.append("**How.** Each figure comes from a fresh child JVM (`")
        .append(gc)
        .append(
            gc.contains("Parallel")
                ? "`, the collector the `./coppice` launcher uses unless `JAVA_OPTS` picks one"
                : "`")
        .append("):\n\n");
    b.append(
        "- *Retained heap*: load, hold the model, `System.gc()` three times, heap used"
            + " (`MemoryMXBean`); drop it, collect again; retained = held - dropped. Cross-checked"
            + " with the difference of two `jcmd <pid> GC.class_histogram` (held, dropped) and,"
            + " for Coppice, a reflective sum of the model's objects and arrays.\n");
    b.append(
        "- *Allocated while loading*: `com.sun.management.ThreadMXBean"
            + "#getCurrentThreadAllocatedBytes` around the first load in the fresh JVM (class"
            + " loading included; loading is single-threaded); warm loads are shown too.\n");
    b.append(
        "- *Throughput*: bytes of the file read (`model.bin`, or the serialized file) / load"
            + " time, over "
            + settings.get("warm_loads")
            + " warm loads in one JVM after the first (MOA's file without gzip: "
            + settings.get("moa_raw_warm_loads")
            + "), file in the page cache; pass/fail uses the median. Coppice's load is"
            + " `CoppiceModel.load(dir)`, which checks the CRC-32C of every section; the figure"
            + " with the SHA-256 check as well (what `coppice inspect` does) is in the details.\n");
    b.append(
        "- *Smallest -Xmx*: binary search over `java -Xmx<N>m` child JVMs to 2% resolution;"
            + " a run slower than 4 x the first load + 60 s (at least 180 s) counts as failing;"
            + " loader: "
            + settings.get("xmx_loader")
            + ". For Coppice the search is repeated with G1 (in the details): G1 gives an array of"
            + " half a region or more whole regions of its own.\n");
    b.append(
        "- Sizes in MiB (2^20 bytes), throughput in GB/s (10^9 bytes/s); the large case's target"
            + " is `model.bin` >= 1 GiB.\n\n");

    b.append("### Results\n\n");
    b.append(
        "| Case | Model | File read | Retained heap | (d) file / retained <= 1 | (a) smallest"
            + " -Xmx <= 1.1 x retained + 64 MiB | (b) allocated / retained <= 1.2 | (c) load"
            + " GB/s >= 1, median (best) |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Map<String, Object> c : list(results.get("cases"))) {
      String caseName = caseLabel(c);
      boolean first = true;
      for (String system : List.of("coppice", "moa")) {
        Map<String, Object> sys = map(c.get(system));
        if (sys == null) {
          continue;
        }
        if (!sys.containsKey("artifacts")) {
          b.append("| ")
              .append(first ? caseName : "")
              .append(" | MOA | ")
              .append(String.valueOf(sys.get("status")).replace('|', '/'))
              .append(" | | | | | |\n");
          first = false;
          continue;
        }
        for (Map<String, Object> a : list(sys.get("artifacts"))) {
          b.append(row(first ? caseName : "", a)).append('\n');
          first = false;
        }
      }
      if (c.containsKey("error")) {
        b.append("| ").append(caseName).append(" | ").append(c.get("error")).append(" |||||||\n");
      }
    }
    b.append('\n');
    b.append(
        "\"pass\"/\"FAIL\" mark the requirement's criteria; for MOA they only show how its own"
            + " serialization would fare. MOA's raw ObjectOutputStream file is measured for its"
            + " size, retained heap, allocation and speed; its -Xmx search is not run.\n\n");

    b.append("### Details\n\n");
    for (Map<String, Object> c : list(results.get("cases"))) {
      details(b, c);
    }

    b.append("### Environment\n\n");
    b.append("- JVM: ").append(env.get("java")).append('\n');
    b.append("- OS: ").append(env.get("os")).append('\n');
    b.append("- CPUs: ")
        .append(env.get("cpus"))
        .append(" (")
        .append(env.get("cpu_model"))
        .append("); memory ")
        .append(env.get("memory"))
        .append('\n');
    b.append("- Heaps: training JVMs -Xmx")
        .append(settings.get("train_heap_mib"))
        .append("m, measuring JVMs -Xmx")
        .append(settings.get("measure_heap_mib"))
        .append("m, -Xmx search up to ")
        .append(settings.get("max_heap_mib"))
        .append("m; ")
        .append(settings.get("gc"))
        .append('\n');
    int cpus = ((Number) env.get("cpus")).intValue();
    if (!loadRange.isEmpty()) {
      double max = loadRange.get(1);
      b.append("- Load: the 1-minute load average when each child JVM started ranged from ")
          .append(fmt(loadRange.get(0), 2))
          .append(" to ")
          .append(fmt(max, 2))
          .append(" on ")
          .append(cpus)
          .append(" CPUs: measured on ")
          .append(
              max >= 0.5 * cpus
                  ? "a **loaded** machine (shared with other engineers' builds)"
                  : "an unloaded machine")
          .append(", as observed. Timings (throughput) suffer most from load;")
          .append(" sizes and allocation counts do not depend on it.\n");
    }
    b.append("- Coppice revision: ").append(env.get("revision")).append('\n');
    b.append("- Started: ").append(env.get("started")).append('\n');
    b.append("- Command: `").append(env.get("command")).append("`\n\n");
    b.append(NOTES_START).append('\n');
    b.append(
        "### Findings\n\n(Written by hand after a run; kept when the section is rewritten.)\n");
    b.append(NOTES_END).append('\n');
    b.append(END).append('\n');
    return b.toString();
  }

  private static String caseLabel(Map<String, Object> c) {
    String name = String.valueOf(c.get("name"));
    Object rows = c.get("rows");
    String r = rows == null ? "?" : String.format(Locale.ROOT, "%,d", ((Number) rows).longValue());
    return (name.equals("river-1512") ? "River #1512" : ">= 1 GiB bundle")
        + ", "
        + r
        + " rows, "
        + c.get("trees")
        + " trees";
  }

  private static String row(String caseName, Map<String, Object> a) {
    String label =
        switch (String.valueOf(a.get("kind"))) {
          case "coppice" -> "Coppice bundle";
          case "moa-gz" -> "MOA `SerializeUtils` (gzip)";
          default -> "MOA ObjectOutputStream, no gzip";
        };
    boolean moa = !"coppice".equals(a.get("kind"));
    long file = ((Number) a.get("file_bytes")).longValue();
    if (!a.containsKey("criteria")) {
      return "| "
          + caseName
          + " | "
          + label
          + " | "
          + mib(file)
          + " | "
          + a.get("error")
          + " |||||";
    }
    Map<String, Object> m = map(a.get("measure"));
    Map<String, Object> k = map(a.get("criteria"));
    long retained = ((Number) m.get("retained_bytes")).longValue();
    StringBuilder r = new StringBuilder("| ");
    r.append(caseName).append(" | ").append(label).append(" | ");
    r.append(mib(file)).append(" | ").append(mib(retained)).append(" | ");
    r.append(fmt(num(k.get("file_over_retained")), 2))
        .append(' ')
        .append(mark(k.get("d_file_not_larger_than_retained"), moa))
        .append(" | ");
    if (a.containsKey("xmx")) {
      Map<String, Object> x = map(a.get("xmx"));
      int min = ((Number) x.get("min_mib")).intValue();
      r.append(min > 0 ? min + " MiB" : "> " + x.get("note"))
          .append(" vs ")
          .append(fmt(num(k.get("xmx_bound_mib")), 0))
          .append(" MiB ")
          .append(mark(k.get("a_min_xmx_within_bound"), moa));
    } else {
      r.append("not searched");
    }
    r.append(" | ");
    r.append(fmt(num(k.get("allocated_over_retained")), 2))
        .append(" (")
        .append(mib(((Number) m.get("cold_allocated_bytes")).longValue()))
        .append(") ")
        .append(mark(k.get("b_allocated_at_most_1_2_retained"), moa))
        .append(" | ");
    r.append(sig(num(k.get("load_gb_per_s_median"))))
        .append(" (")
        .append(sig(num(k.get("load_gb_per_s_best"))))
        .append(") ")
        .append(mark(k.get("c_median_at_least_1_gb_per_s"), moa))
        .append(" |");
    return r.toString();
  }

  private static void details(StringBuilder b, Map<String, Object> c) {
    b.append("**").append(caseLabel(c)).append(".**\n\n");
    for (String system : List.of("coppice", "moa")) {
      Map<String, Object> sys = map(c.get(system));
      if (sys == null) {
        continue;
      }
      String name = system.equals("coppice") ? "Coppice" : "MOA";
      if (sys.containsKey("train")) {
        Map<String, Object> t = map(sys.get("train"));
        b.append("- ")
            .append(name)
            .append(" training: ")
            .append(String.format(Locale.ROOT, "%,d", ((Number) t.get("rows")).longValue()))
            .append(" rows test-then-train in ")
            .append(fmt(num(t.get("seconds")), 0))
            .append(" s");
        if (t.containsKey("threads")) {
          b.append(" (").append(t.get("threads")).append(" threads)");
        } else {
          b.append(" (1 thread)");
        }
        b.append(", prequential accuracy ")
            .append(fmt(100 * num(t.get("prequential_accuracy")), 2))
            .append("% (")
            .append(t.get("correct"))
            .append(" correct); ")
            .append(t.get("summary"));
        if (t.containsKey("gz_bytes")) {
          b.append("; saved as ")
              .append(mib(Long.parseLong(String.valueOf(t.get("gz_bytes")))))
              .append(" (gzip) and ")
              .append(mib(Long.parseLong(String.valueOf(t.get("raw_bytes")))))
              .append(" (raw)");
        }
        if (t.containsKey("retained")) {
          b.append("; ")
              .append(mib(Long.parseLong(String.valueOf(t.get("retained")))))
              .append(" retained in the training JVM");
        }
        b.append('\n');
      }
      if (sys.containsKey("status") && !"ok".equals(sys.get("status"))) {
        b.append("- ").append(name).append(": ").append(sys.get("status")).append('\n');
      }
      if (sys.containsKey("pilot_checkpoints")) {
        b.append("- Pilot (model.bin after each checkpoint, training continued on more rows): ");
        StringBuilder p = new StringBuilder();
        for (Map<String, Object> cp : list(sys.get("pilot_checkpoints"))) {
          if (p.length() > 0) {
            p.append("; ");
          }
          p.append(String.format(Locale.ROOT, "%,d", ((Number) cp.get("rows")).longValue()))
              .append(" rows: ")
              .append(mib(((Number) cp.get("bin_bytes")).longValue()));
        }
        b.append(p).append('\n');
      }
      if (!sys.containsKey("artifacts")) {
        continue;
      }
      for (Map<String, Object> a : list(sys.get("artifacts"))) {
        if (!a.containsKey("measure")) {
          continue;
        }
        Map<String, Object> m = map(a.get("measure"));
        b.append("- ").append(a.get("format")).append(": first load ");
        b.append(fmt(num(m.get("cold_load_seconds")), 2)).append(" s, allocating ");
        b.append(mib(((Number) m.get("cold_allocated_bytes")).longValue()));
        List<Double> warmAlloc = doubles(m.get("warm_allocated_bytes"));
        b.append("; warm loads ")
            .append(fmt(ModelMemoryBenchmark.median(doubles(m.get("warm_load_seconds"))), 3))
            .append(" s median, allocating ")
            .append(mib((long) ModelMemoryBenchmark.median(warmAlloc)));
        Map<String, Object> k = map(a.get("criteria"));
        if (k != null) {
          b.append("; ")
              .append(sig(num(k.get("load_gb_per_s_median_per_process_cpu_second"))))
              .append(" GB per CPU-second of the whole process (GC included)");
          if (k.containsKey("load_gb_per_s_median_with_sha256")) {
            b.append("; with the SHA-256 check as well ")
                .append(sig(num(k.get("load_gb_per_s_median_with_sha256"))))
                .append(" GB/s (SHA-256 alone ")
                .append(fmt(num(k.get("sha256_seconds_median")), 3))
                .append(" s)");
          }
          b.append("; reading the file alone ")
              .append(sig(num(k.get("read_file_gb_per_s_median"))))
              .append(" GB/s");
        }
        b.append(". Heap used before / held / dropped: ")
            .append(mib(((Number) m.get("heap_before")).longValue()))
            .append(" / ")
            .append(mib(((Number) m.get("heap_held")).longValue()))
            .append(" / ")
            .append(mib(((Number) m.get("heap_dropped")).longValue()))
            .append('.');
        if (m.containsKey("histogram_delta_bytes")) {
          b.append(" Class histogram, held - dropped: ")
              .append(mib(((Number) m.get("histogram_delta_bytes")).longValue()))
              .append(", largest: ")
              .append(histogramTop(m.get("histogram_delta_top"), 5))
              .append('.');
        }
        if (m.containsKey("reflective_size_bytes")) {
          b.append(" Reflective sum: ")
              .append(mib(((Number) m.get("reflective_size_bytes")).longValue()))
              .append(", largest: ")
              .append(histogramTop(m.get("reflective_size_top"), 6))
              .append('.');
        }
        for (String key : List.of("xmx", "xmx_g1")) {
          if (!a.containsKey(key)) {
            continue;
          }
          Map<String, Object> x = map(a.get(key));
          if (key.equals("xmx_g1")) {
            int min = ((Number) x.get("min_mib")).intValue();
            b.append(" **With G1** the smallest -Xmx is ")
                .append(min > 0 ? min + " MiB" : "above " + x.get("note"))
                .append(" (bound ")
                .append(fmt(num(k.get("xmx_bound_mib")), 0))
                .append(" MiB).");
          }
          b.append(" -Xmx probes (")
              .append(x.get("loader"))
              .append(", `")
              .append(x.get("gc"))
              .append("`): ");
          StringBuilder p = new StringBuilder();
          for (Map<String, Object> probe : list(x.get("probes"))) {
            if (p.length() > 0) {
              p.append(", ");
            }
            p.append(probe.get("xmx_mib"))
                .append(Boolean.TRUE.equals(probe.get("ok")) ? " ok" : " fail");
          }
          b.append(p).append('.');
        }
        b.append('\n');
      }
    }
    b.append('\n');
  }

  /** "class xN = bytes" entries shown as "class N MiB". */
  private static String histogramTop(Object entries, int n) {
    StringBuilder s = new StringBuilder();
    List<?> list = (List<?>) entries;
    for (int i = 0; i < Math.min(n, list.size()); i++) {
      String e = String.valueOf(list.get(i));
      int eq = e.lastIndexOf(" = ");
      int x = e.lastIndexOf(" x", eq);
      if (s.length() > 0) {
        s.append(", ");
      }
      if (eq < 0 || x < 0) {
        s.append('`').append(e).append('`');
        continue;
      }
      s.append('`')
          .append(e, 0, x)
          .append("` ")
          .append(mib(Long.parseLong(e.substring(eq + 3).trim())))
          .append(" (")
          .append(e, x + 2, eq)
          .append(')');
    }
    return s.toString();
  }

  private static String mark(Object pass, boolean moa) {
    if (!(pass instanceof Boolean p)) {
      return "";
    }
    if (moa) {
      return p ? "(would pass)" : "(would fail)";
    }
    return p ? "pass" : "**FAIL**";
  }

  private static String mib(long bytes) {
    double m = bytes / MIB;
    return fmt(m, m >= 100 ? 0 : 1) + " MiB";
  }

  /** Two decimals from 1 up, else three significant digits (MOA's loads run at MB/s). */
  private static String sig(double v) {
    if (!(Math.abs(v) < 1) || v == 0) {
      return fmt(v, 2);
    }
    int decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
    return fmt(v, decimals);
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static String fmt(double v, int decimals) {
    return ModelMemoryBenchmark.fmt(v, decimals);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Double> doubles(Object o) {
    return (List<Double>) o;
  }
}

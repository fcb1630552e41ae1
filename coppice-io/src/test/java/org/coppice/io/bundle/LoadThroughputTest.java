package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load throughput of a large model file from the page cache. Not part of the normal run: {@code mvn
 * test -pl coppice-io -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=LoadThroughputTest
 * -Dcoppice.bench=true} (needs about 1.5 GB of heap and 1 GB of disk; set {@code
 * -Dcoppice.bench.mib=} for another size).
 */
@EnabledIfSystemProperty(named = "coppice.bench", matches = "true")
class LoadThroughputTest {
  @TempDir Path dir;

  @Test
  void loadFromPageCache() throws IOException {
    int mib = Integer.getInteger("coppice.bench.mib", 1024);
    int sections = 8;
    int perSection = (int) ((long) mib * (1 << 20) / 8 / sections);
    Path bundle = dir.resolve("big");
    double[] chunk = new double[perSection];
    for (int i = 0; i < perSection; i++) {
      chunk[i] = i * 0.5;
    }
    long t0 = System.nanoTime();
    try (BundleWriter w = BundleWriter.create(bundle, sections)) {
      for (int s = 0; s < sections; s++) {
        StateWriter out = w.beginSection(1, s);
        out.writeDoubleArray(chunk);
        w.endSection();
      }
      w.commit(Manifest.builder().learner("bench", 1L, Map.of()).schema(Map.of()).build());
    }
    long t1 = System.nanoTime();
    chunk = null;
    long bytes = Files.size(bundle.resolve("model.bin"));
    report("write bundle (incl. SHA-256 and fsync)", bytes, t1 - t0);
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int round = 0; round < 3; round++) {
      for (boolean sha : new boolean[] {false, true}) {
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        double[][] arrays = new double[sections][];
        try (BundleReader r = BundleReader.open(bundle, Limits.DEFAULT, sha)) {
          ModelFileReader m = r.model();
          for (int s = 0; s < sections; s++) {
            StateReader in = m.section(s);
            arrays[s] = in.readDoubleArray("values", Integer.MAX_VALUE - 8);
            in.finish();
          }
        }
        long elapsed = System.nanoTime() - start;
        long after = mem.getHeapMemoryUsage().getUsed();
        report("load round " + round + (sha ? " with SHA-256" : " CRC-32C only"), bytes, elapsed);
        System.out.printf(
            "  heap growth %.0f MiB for %.0f MiB of arrays%n",
            (after - before) / 1048576.0, bytes / 1048576.0);
        assertEquals(1.5, arrays[sections - 1][3]);
        arrays = null;
      }
    }
  }

  private static void report(String what, long bytes, long nanos) {
    System.out.printf(
        "%s: %.0f MiB in %.3f s = %.2f GB/s%n",
        what, bytes / 1048576.0, nanos / 1e9, bytes / (nanos / 1e9) / 1e9);
  }
}

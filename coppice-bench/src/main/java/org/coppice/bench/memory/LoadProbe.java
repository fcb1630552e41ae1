package org.coppice.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.coppice.model.CoppiceModel;

/**
 * A quick check of one bundle's load criteria in the running JVM: retained heap (heap used after
 * three {@code System.gc()} with the model held, minus after it is dropped), bytes allocated by the
 * first load, and the throughput of five warm loads. Usage: {@code LoadProbe BUNDLE_DIR}; run it
 * with the heap and collector to test, e.g. {@code -Xmx6g -XX:+UseParallelGC}.
 */
public final class LoadProbe {
  private static final double MIB = 1 << 20;

  private LoadProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LoadProbe BUNDLE_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long size = Files.size(dir.resolve("model.bin"));
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    collect();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    CoppiceModel model = CoppiceModel.load(dir);
    double firstSeconds = (System.nanoTime() - start) / 1e9;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    collect();
    long held = mem.getHeapMemoryUsage().getUsed();
    int features = model.schema().numFeatures(); // keeps the model reachable until here
    model = null;
    collect();
    long retained = held - mem.getHeapMemoryUsage().getUsed();
    System.out.printf(
        "model.bin %.1f MiB (%d features), retained %.1f MiB, file/retained %.3f,"
            + " allocated by the first load %.1f MiB (/retained %.3f), first load %.2f s,"
            + " -Xmx bound 1.1 x retained + 64 MiB = %.0f MiB%n",
        size / MIB,
        features,
        retained / MIB,
        (double) size / retained,
        allocated / MIB,
        (double) allocated / retained,
        firstSeconds,
        1.1 * retained / MIB + 64);
    double[] seconds = new double[5];
    for (int i = 0; i < seconds.length; i++) {
      long t = System.nanoTime();
      CoppiceModel.load(dir);
      seconds[i] = (System.nanoTime() - t) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        "warm loads: median %.3f s = %.2f GB/s, best %.3f s = %.2f GB/s%n",
        seconds[2], size / seconds[2] / 1e9, seconds[0], size / seconds[0] / 1e9);
  }

  private static void collect() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }
}

package org.coppice.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * Wall time, the calling thread's CPU time, the whole process's CPU time and the JVM's reported
 * garbage-collection time of one timed section. The CPU times are steadier than wall time on a
 * machine shared with other work; the process's CPU time also counts garbage collection, JIT
 * compilation and worker threads.
 */
final class Stopwatch {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private final long wall = System.nanoTime();
  private final long thread = THREADS.getCurrentThreadCpuTime();
  private final long process = processCpuNanos();
  private final long gc = gcMillis();

  /** What a section cost, in seconds; NaN where the JVM cannot tell. */
  record Elapsed(double wall, double threadCpu, double processCpu, double gc) {}

  Elapsed stop() {
    long wallEnd = System.nanoTime();
    long threadEnd = THREADS.getCurrentThreadCpuTime();
    long processEnd = processCpuNanos();
    long gcEnd = gcMillis();
    return new Elapsed(
        (wallEnd - wall) / 1e9,
        thread < 0 || threadEnd < 0 ? Double.NaN : (threadEnd - thread) / 1e9,
        process < 0 || processEnd < 0 ? Double.NaN : (processEnd - process) / 1e9,
        gc < 0 || gcEnd < 0 ? Double.NaN : (gcEnd - gc) / 1e3);
  }

  private static long processCpuNanos() {
    if (OS instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      long t = bean.getCollectionTime();
      if (t < 0) {
        return -1;
      }
      total += t;
    }
    return total;
  }
}

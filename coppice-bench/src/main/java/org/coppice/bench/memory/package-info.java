/**
 * The model memory and load benchmark: how much heap a trained Adaptive Random Forest keeps after
 * loading, how much loading allocates, how fast a bundle loads from the page cache and the smallest
 * heap that loads it, for Coppice's bundle and for MOA's Java serialization of the same forest. The
 * entry point is {@link org.coppice.bench.memory.ModelMemoryBenchmark}; every measurement runs in a
 * fresh child JVM ({@link org.coppice.bench.memory.MemoryChild}).
 */
package org.coppice.bench.memory;

package org.coppice.gen;

import org.coppice.stream.InstanceStream;

/**
 * A seeded, deterministic and restartable synthetic stream.
 *
 * <p>Contract: {@link #next} fills the caller's instance (all features, the label, and weight 1)
 * and returns true for as long as every underlying source does; a pure generator is infinite, so
 * its {@code next} always returns true and its {@link #sizeHint()} is -1. Two generators built with
 * the same options and seeds produce the same instances. Generators are not thread-safe.
 */
public interface StreamGenerator extends InstanceStream {
  /**
   * Resets this generator to its seeded start: afterwards it produces the same instances as a
   * freshly built generator with the same options.
   */
  void restart();

  /**
   * This generator's options in the {@link StreamSpecs} syntax, with every option and every seed
   * written out, so that {@code StreamSpecs.parse(spec(), anySeed)} builds a generator producing
   * the same instances.
   */
  String spec();
}

package org.coppice.learn;

import org.coppice.data.Schema;

/**
 * An incremental learner: it predicts, then learns, one instance at a time. A learner is either a
 * {@link Classifier} (nominal target) or a {@link Regressor} (numeric target); its {@link #task()}
 * says which. Learners are declared once, with their settings and state codec, in {@link
 * org.coppice.learn.registry.Learners}.
 *
 * <p>Implementations are not thread-safe unless they say so. {@link #close()} releases worker
 * threads, if any; the learner stays usable.
 */
public interface Learner extends AutoCloseable {
  /** The schema this learner was built for. */
  Schema schema();

  /** Classification or regression. */
  Task task();

  /** True for a learner loaded in inference-only (frozen) form, which cannot learn. */
  default boolean isFrozen() {
    return false;
  }

  /** Stops worker threads, if any; the learner stays usable. */
  @Override
  default void close() {}
}

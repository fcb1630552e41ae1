package org.coppice.learn.ensemble;

import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * Writes and reads the state of one base learner inside a member section ({@link
 * EnsembleCodec#writeMember}).
 *
 * @param <L> the base learner type
 */
public interface LearnerCodec<L extends BaseLearner<L>> {
  /**
   * Writes {@code learner}.
   *
   * @param frozen the inference-only form (only ever true for a foreground learner)
   */
  void write(L learner, StateWriter w, boolean frozen);

  /**
   * Reads a learner written by {@link #write}.
   *
   * @param like a learner with the settings the read one must have (the member's current one)
   * @throws org.coppice.state.ModelFormatException if the bytes are not a valid learner
   */
  L read(StateReader r, boolean frozen, L like);
}

package org.coppice.learn.registry;

import org.coppice.data.Schema;
import org.coppice.learn.Learner;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * Saves and loads the complete state of one kind of learner through typed sections. {@link
 * ModelCodec} writes what every model file starts with (the header section's state version, learner
 * id, frozen flag and schema); the codec continues the header with its settings and counters and
 * then writes its own sections.
 *
 * <p>Contract: the full form restores learning exactly (save, load and continue gives the same
 * state, byte for byte, as continuing without the round trip); the same model always writes the
 * same bytes. A reader checks every count before it allocates and every index before it uses it,
 * and reports anything wrong as a {@link org.coppice.state.ModelFormatException}; nothing read from
 * a file names a class or runs code.
 *
 * @param <L> the learner class
 */
public interface StateCodec<L extends Learner> {
  /** The state layout version this codec writes; {@link #read} accepts 1 to this. */
  int version();

  /** Writes the rest of the header section (settings, counters). */
  void writeHeader(L model, boolean frozen, StateWriter header);

  /** Writes the sections after the header. */
  void writeSections(L model, boolean frozen, SectionSink sink);

  /**
   * A name for the sections of kind {@code kind} in reports (e.g. "members"); the default is "kind
   * N".
   */
  default String sectionName(int kind) {
    return "kind " + kind;
  }

  /** Number of sections {@link #writeSections} writes. */
  int sectionCount(L model);

  /**
   * Reads the rest of the header (and must {@link StateReader#finish() finish} it), then sections
   * {@code 1 .. n} of {@code source}.
   *
   * @param version the state layout version found in the file, from 1 to {@link #version()}
   * @param threads cores the loaded learner trains with, if it is parallel (not part of the state)
   */
  L read(
      int version,
      Schema schema,
      boolean frozen,
      StateReader header,
      SectionSource source,
      int threads);
}

package org.coppice.state;

/** The sections of a model file, in file order, as written through a {@link SectionSink}. */
public interface SectionSource {
  /** Number of sections. */
  int sectionCount();

  /** The kind of section {@code i}. */
  int kind(int i);

  /** The id of section {@code i}. */
  int id(int i);

  /**
   * A reader over section {@code i} whose integrity has been verified; the caller must call {@link
   * StateReader#finish()} when done so that unread trailing bytes are reported.
   */
  StateReader open(int i);
}

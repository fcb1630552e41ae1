package org.coppice.state;

/**
 * Where a model writes its state: a sequence of typed sections, each written through its own {@link
 * StateWriter}. Learners write one section per independent part (for a forest: a header and one
 * section per tree), so a file can be checked and read section by section.
 */
public interface SectionSink {
  /** Starts a section; the returned writer is valid until {@link #endSection()}. */
  StateWriter beginSection(int kind, int id);

  /** Ends the current section. */
  void endSection();
}

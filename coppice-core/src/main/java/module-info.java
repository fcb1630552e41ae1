/**
 * Coppice core: learners, drift detectors, metrics, synthetic streams and the model state encoding.
 * Depends on nothing but {@code java.base}.
 *
 * <p>Exported, as API:
 *
 * <ul>
 *   <li>every learner package: {@code org.coppice.learn} (the learner interfaces and tasks), {@code
 *       org.coppice.learn.registry} (the learner declarations the CLI, the config files and the
 *       manifests are derived from) and one package per family of learners ({@code .tree}, {@code
 *       .bayes}, {@code .baseline}, and any added later, e.g. regression or ensemble learners; a
 *       new learner package must be exported here too, with its codecs kept package-private, and
 *       {@code ModuleExportsTest} fails until it is);
 *   <li>the data model ({@code org.coppice.data}, {@code org.coppice.stream}), drift detectors
 *       ({@code org.coppice.drift}), prequential evaluation and metrics ({@code org.coppice.eval}),
 *       synthetic streams ({@code org.coppice.gen}) and {@code org.coppice} ({@link
 *       org.coppice.Version});
 *   <li>{@code org.coppice.state}: the interfaces a learner's state codec reads and writes through,
 *       which the registry's {@link org.coppice.learn.registry.StateCodec} and {@link
 *       org.coppice.learn.registry.ModelCodec} take, and {@link
 *       org.coppice.state.ModelFormatException}, which loading a model throws.
 * </ul>
 *
 * <p>Internal: {@code org.coppice.util} (random numbers and distributions behind the generators and
 * learners; not exported) and {@code org.coppice.state.internal} (the implementations of the state
 * encoding; exported only to {@code org.coppice.io}, whose model-file reader and writer extend
 * them). The per-learner state codecs are package-private classes of their learner packages.
 */
// "module": org.coppice.io, the target of a qualified export, is compiled after this module.
@SuppressWarnings("module")
module org.coppice.core {
  exports org.coppice;
  exports org.coppice.data;
  exports org.coppice.drift;
  exports org.coppice.eval;
  exports org.coppice.gen;
  exports org.coppice.learn;
  exports org.coppice.learn.baseline;
  exports org.coppice.learn.bayes;
  exports org.coppice.learn.ensemble;
  exports org.coppice.learn.regression;
  exports org.coppice.learn.registry;
  exports org.coppice.learn.tree;
  exports org.coppice.state;
  exports org.coppice.stream;
  exports org.coppice.state.internal to
      org.coppice.io;
}

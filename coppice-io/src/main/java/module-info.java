/**
 * Coppice IO: streaming readers and writers of data files, model bundles, and training, prediction,
 * evaluation and inspection over them.
 *
 * <p>Exported, as API: {@code org.coppice.io} (the readers, the writers, {@code ReadOptions} and
 * the data errors; the parsing helpers are package-private), {@code org.coppice.model} ({@code
 * CoppiceModel}, training, prediction, evaluation, inspection and their reports) and {@code
 * org.coppice.io.bundle}: the bundle and model-file layer of {@code docs/FORMAT.md}. That layer is
 * exported whole rather than split: {@code Manifest} (returned by {@code CoppiceModel.manifest()})
 * and {@code Limits} (taken by {@code CoppiceModel.load}) are part of the model API, and the bundle
 * reader and writer are what the CLI writes bundles with and what a tool reading model files needs;
 * its internals (file syncing, the section reader and writer) are not public.
 *
 * <p>Jackson is an implementation detail: no Jackson type appears in a public signature, so it is
 * required but not re-exported. Core is re-exported ({@code requires transitive}): its data and
 * learner types are in this module's signatures.
 */
module org.coppice.io {
  requires transitive org.coppice.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports org.coppice.io;
  exports org.coppice.io.bundle;
  exports org.coppice.model;
}

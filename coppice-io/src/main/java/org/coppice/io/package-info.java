/**
 * Streaming readers and atomic writers for tabular data files.
 *
 * <p>Readers: {@link org.coppice.io.ArffReader}, {@link org.coppice.io.CsvReader} and {@link
 * org.coppice.io.JsonLinesReader}, or {@link org.coppice.io.DataSources#open} to pick one from the
 * file extension. Every reader streams: it never holds more than one record (plus, for CSV and JSON
 * Lines, a bounded prefix used to infer the schema) in memory, and fills the caller's {@link
 * org.coppice.data.Instance} in place. Malformed input raises {@link
 * org.coppice.io.DataFormatException} naming the file, line and column; I/O failures raise {@link
 * org.coppice.io.DataSourceException}.
 *
 * <p>Writers: {@link org.coppice.io.ArffWriter} and {@link org.coppice.io.CsvWriter}, or {@link
 * org.coppice.io.DataWriters#open}. Writes are atomic through {@link
 * org.coppice.io.AtomicFileWriter}: nothing appears at the target path until {@code commit()}.
 */
package org.coppice.io;

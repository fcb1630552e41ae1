/**
 * The implementations of the {@link org.coppice.state.StateReader} and {@link
 * org.coppice.state.StateWriter} encoding: {@link
 * org.coppice.state.internal.BufferedStateReader}/{@link
 * org.coppice.state.internal.BufferedStateWriter} over a refillable little-endian window
 * (subclassed by {@code coppice-io}'s model-file reader and writer) and the in-memory {@link
 * org.coppice.state.internal.ByteArrayStateReader}/{@link
 * org.coppice.state.internal.ByteArrayStateWriter}.
 *
 * <p>Internal: not exported by the {@code org.coppice.core} module except to {@code
 * org.coppice.io}.
 */
package org.coppice.state.internal;

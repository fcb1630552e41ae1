/**
 * Learner-agnostic model state encoding: {@link org.coppice.state.StateWriter} and {@link
 * org.coppice.state.StateReader} move primitive values and flat primitive arrays in a fixed
 * little-endian encoding, and {@link org.coppice.state.ModelFormatException} reports invalid input.
 *
 * <p>Encoding (identical for every implementation): {@code byte} and {@code boolean} take one byte
 * (a boolean is 0 or 1, anything else is rejected); {@code int} four bytes, {@code long} and {@code
 * double} eight bytes, all little-endian, doubles as their raw IEEE 754 bits. Raw array writes
 * ({@code writeInts} etc.) write only the elements; length-prefixed arrays ({@code writeIntArray}
 * etc.) write the length as an {@code int} first. A string is its UTF-8 byte length as an {@code
 * int} followed by the bytes. There is no padding, alignment or type tag: the reader must read
 * exactly what the writer wrote, in the same order.
 *
 * <p>Nothing here uses Java serialization, reflection or recursion, and every read that allocates
 * checks the claimed size against the bytes that remain before allocating.
 *
 * <p>The interfaces and the exception are API: a learner's state codec ({@link
 * org.coppice.learn.registry.StateCodec}) reads and writes through them, and {@link
 * org.coppice.state.ModelFormatException} is what loading a model throws. The implementations are
 * internal, in {@code org.coppice.state.internal}.
 */
package org.coppice.state;

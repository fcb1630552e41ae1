package org.coppice.io.bundle;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the {@code model.bin} layout, format version 1 (see {@code docs/FORMAT.md}).
 *
 * <pre>
 * offset  size  field
 * 0       8     magic 89 43 4F 50 50 0D 0A 1A ("\x89COPP\r\n\x1a")
 * 8       4     format version (u32 LE) = 1
 * 12      4     flags (u32 LE) = 0
 * 16      4     header length H (u32 LE), 12 <= H <= 1 MiB
 * 20      H     header: section count N (u32), reserved (u32) = 0, N entries of 32 bytes,
 *               zero padding, header CRC-32C (u32) of bytes [0, 20 + H - 4)
 * 20 + H  ...   sections, tiling the rest of the file exactly, in table order
 * </pre>
 *
 * <p>Section entry: kind (u32, at most 2^31 - 1), id (i32), offset (u64), length (u64, at most 2^31
 * - 1), CRC-32C of the section bytes (u32), reserved (u32) = 0.
 */
public final class ModelFile {
  /** The 8 magic bytes. */
  static final byte[] MAGIC = {(byte) 0x89, 'C', 'O', 'P', 'P', '\r', '\n', 0x1a};

  /** The format version this code writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  /** Bytes before the header: magic, version, flags, header length. */
  public static final int PREAMBLE_BYTES = 20;

  /** Bytes of one section table entry. */
  public static final int ENTRY_BYTES = 32;

  /** Header bytes besides the entries and padding: count, reserved, CRC. */
  public static final int HEADER_FIXED_BYTES = 12;

  /** Largest header length any version-1 file may declare (1 MiB). */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  /** Most sections a version-1 file can hold (the table must fit in {@link #MAX_HEADER_BYTES}). */
  public static final int MAX_SECTIONS = (MAX_HEADER_BYTES - HEADER_FIXED_BYTES) / ENTRY_BYTES;

  /** Largest section in version 1 (2 GiB - 1). */
  public static final long MAX_SECTION_BYTES = Integer.MAX_VALUE;

  private ModelFile() {}

  /** Header length that reserves room for {@code maxSections} entries. */
  static int headerBytesFor(int maxSections) {
    return HEADER_FIXED_BYTES + ENTRY_BYTES * maxSections;
  }

  /** Printable form of the magic, for messages. */
  static String describeMagic(byte[] bytes, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", bytes[i] & 0xff));
    }
    String ascii = new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    return sb + " (\"" + ascii.replaceAll("[^\\x20-\\x7e]", ".") + "\")";
  }
}

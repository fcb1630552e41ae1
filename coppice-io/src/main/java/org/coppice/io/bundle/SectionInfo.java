package org.coppice.io.bundle;

/**
 * One entry of the {@code model.bin} section table.
 *
 * @param index position in the table (and in the file)
 * @param kind what the section holds, chosen by the writer (non-negative)
 * @param id which one, chosen by the writer (for example the tree number)
 * @param offset byte offset of the section in the file
 * @param length byte length of the section
 * @param crc32c CRC-32C of the section bytes
 */
public record SectionInfo(int index, int kind, int id, long offset, long length, int crc32c) {
  /** Short description for messages. */
  public String describe() {
    return "section " + index + " (kind " + kind + ", id " + id + ")";
  }
}

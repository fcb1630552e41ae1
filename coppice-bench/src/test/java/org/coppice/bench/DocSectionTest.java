package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSectionTest {
  @TempDir Path dir;

  @Test
  void createsReplacesAndKeepsTheRest() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    DocSection.writeInto(file, "Benchmarks", DocSection.wrap("## Speed\n\nfirst"));
    assertTrue(Files.readString(file).startsWith("# Benchmarks\n\n" + DocSection.START));

    String other = "\n<!-- memory:start -->\n## Memory\n<!-- memory:end -->\n";
    Files.writeString(file, Files.readString(file) + other);
    String withNotes =
        Files.readString(file)
            .replace(
                DocSection.NOTES_START + "\n", DocSection.NOTES_START + "\nWritten by hand.\n");
    Files.writeString(file, withNotes);

    DocSection.writeInto(file, "Benchmarks", DocSection.wrap("## Speed\n\nsecond"));
    String text = Files.readString(file);
    assertTrue(text.contains("second") && !text.contains("first"), text);
    assertTrue(text.contains("Written by hand."), text);
    assertTrue(text.endsWith(other), text);
    assertEquals(1, text.split(DocSection.START, -1).length - 1);
  }

  @Test
  void appendsToAFileWithoutTheSection() throws Exception {
    Path file = dir.resolve("ACCURACY.md");
    Files.writeString(file, "# Accuracy\n\nHand-written intro.\n");
    DocSection.writeInto(file, "Accuracy", DocSection.wrap("## Table"));
    String text = Files.readString(file);
    assertTrue(text.startsWith("# Accuracy\n\nHand-written intro.\n\n" + DocSection.START), text);
  }
}

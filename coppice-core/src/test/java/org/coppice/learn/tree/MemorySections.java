package org.coppice.learn.tree;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;
import org.coppice.state.internal.ByteArrayStateReader;
import org.coppice.state.internal.ByteArrayStateWriter;

/** Sections kept in memory, for codec tests without files. */
public final class MemorySections implements SectionSink, SectionSource {
  private final List<int[]> ids = new ArrayList<>();
  private final List<byte[]> data = new ArrayList<>();
  private ByteArrayStateWriter current;

  /** No sections yet: fill it as a {@link SectionSink}. */
  public MemorySections() {}

  /** The sections of {@code model} saved in full or frozen form. */
  public static MemorySections of(org.coppice.learn.Learner model, boolean frozen) {
    MemorySections s = new MemorySections();
    ModelCodec.save(model, s, frozen);
    return s;
  }

  @Override
  public StateWriter beginSection(int kind, int id) {
    ids.add(new int[] {kind, id});
    current = new ByteArrayStateWriter();
    return current;
  }

  @Override
  public void endSection() {
    data.add(current.toByteArray());
    current = null;
  }

  @Override
  public int sectionCount() {
    return data.size();
  }

  @Override
  public int kind(int i) {
    return ids.get(i)[0];
  }

  @Override
  public int id(int i) {
    return ids.get(i)[1];
  }

  @Override
  public StateReader open(int i) {
    return new ByteArrayStateReader(data.get(i));
  }

  /** The bytes of section {@code i}. */
  public byte[] section(int i) {
    return data.get(i);
  }

  /** Replaces the bytes of section {@code i}. */
  public void replace(int i, byte[] bytes) {
    data.set(i, bytes);
  }

  /** All sections concatenated: equal models give equal bytes. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] d : data) {
      out.writeBytes(d);
    }
    return out.toByteArray();
  }
}

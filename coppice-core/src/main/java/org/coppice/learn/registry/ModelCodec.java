package org.coppice.learn.registry;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Schema;
import org.coppice.learn.Learner;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * Saves and loads any savable learner through typed sections (layout in docs/FORMAT.md). The first
 * section ({@link #HEADER}) starts with the learner's state layout version, its learner id (from
 * its {@link LearnerType}), the frozen flag and the schema; the learner's {@link StateCodec} writes
 * the rest of the header and its own sections.
 *
 * <p>Nothing read from a file names a class or runs code: the learner id selects one of the
 * registered codecs; every count is checked before allocation.
 */
public final class ModelCodec {
  /** Section kind of the header, the first section of every model. */
  public static final int HEADER = 1;

  private static final int MAX_NAME_BYTES = 1 << 16;
  private static final int MAX_VALUES = 1 << 24;
  private static final int MAX_FEATURES = 1 << 24;

  private ModelCodec() {}

  /**
   * Writes {@code model} to {@code sink}.
   *
   * @param frozen write the inference-only form (ignored by learners that have none)
   * @throws IllegalArgumentException if the learner cannot be saved
   */
  public static void save(Learner model, SectionSink sink, boolean frozen) {
    save(Learners.of(model), model, sink, frozen);
  }

  private static <L extends Learner> void save(
      LearnerType<?, L> type, Learner model, SectionSink sink, boolean frozen) {
    if (!type.capabilities().savable()) {
      throw new IllegalArgumentException("a " + type.name() + " model cannot be saved");
    }
    L typed = type.learnerClass().cast(model);
    StateCodec<L> codec = type.codec();
    boolean asFrozen = type.capabilities().freezable() && (frozen || model.isFrozen());
    StateWriter w = sink.beginSection(HEADER, 0);
    w.writeInt(codec.version());
    w.writeInt(type.codecId());
    w.writeBoolean(asFrozen);
    writeSchema(model.schema(), w);
    codec.writeHeader(typed, asFrozen, w);
    sink.endSection();
    codec.writeSections(typed, asFrozen, sink);
  }

  /** Number of sections {@link #save} writes for {@code model}. */
  public static int sectionCount(Learner model) {
    return 1 + sectionCount(Learners.of(model), model);
  }

  private static <L extends Learner> int sectionCount(LearnerType<?, L> type, Learner model) {
    return type.codec().sectionCount(type.learnerClass().cast(model));
  }

  /**
   * Reads a model written by {@link #save}. {@code threads} sets how many cores a loaded parallel
   * learner trains with (it is not part of the model).
   *
   * @throws ModelFormatException if the sections are missing, out of order, or inconsistent
   */
  public static Learner load(SectionSource source, int threads) {
    if (source.sectionCount() < 1 || source.kind(0) != HEADER) {
      throw new ModelFormatException("model: the first section is not a header");
    }
    StateReader h = source.open(0);
    int version = h.readInt();
    int id = h.readInt();
    LearnerType<?, ?> type = Learners.byCodecId(id);
    if (type == null) {
      throw new ModelFormatException(h.context() + ": unknown learner kind " + id);
    }
    StateCodec<?> codec = type.codec();
    if (version < 1 || version > codec.version()) {
      throw new ModelFormatException(
          h.context()
              + ": "
              + type.name()
              + " state version "
              + version
              + " is not supported (this Coppice reads versions 1 to "
              + codec.version()
              + ")");
    }
    boolean frozen = h.readBoolean();
    if (frozen && !type.capabilities().freezable()) {
      throw new ModelFormatException(h.context() + ": a " + type.name() + " cannot be frozen");
    }
    Schema schema = readSchema(h);
    if (schema.isRegression() != (type.task() == org.coppice.learn.Task.REGRESSION)) {
      throw new ModelFormatException(
          h.context() + ": the target of a " + type.name() + " cannot be " + schema.target());
    }
    Learner model = codec.read(version, schema, frozen, h, source, threads);
    return model;
  }

  /**
   * Checks that {@code source} holds exactly {@code count} sections.
   *
   * @throws ModelFormatException otherwise
   */
  public static void expectSections(SectionSource source, int count) {
    if (source.sectionCount() != count) {
      throw new ModelFormatException(
          "model: " + source.sectionCount() + " sections, expected " + count);
    }
  }

  /**
   * Checks that section {@code i} has the given kind and id.
   *
   * @throws ModelFormatException otherwise
   */
  public static void expectSection(SectionSource source, int i, int kind, int id) {
    if (source.kind(i) != kind || source.id(i) != id) {
      throw new ModelFormatException(
          "model: section "
              + i
              + " is kind "
              + source.kind(i)
              + " id "
              + source.id(i)
              + ", expected kind "
              + kind
              + " id "
              + id);
    }
  }

  // ---- schema ----

  private static void writeSchema(Schema s, StateWriter w) {
    w.writeString(s.relation());
    w.writeInt(s.numFeatures());
    for (Attribute a : s.features()) {
      writeAttribute(a, w);
    }
    writeAttribute(s.target(), w);
  }

  private static void writeAttribute(Attribute a, StateWriter w) {
    w.writeString(a.name());
    w.writeBoolean(a.isNominal());
    if (a.isNominal()) {
      w.writeInt(a.numValues());
      for (String v : a.values()) {
        w.writeString(v);
      }
    }
  }

  private static Schema readSchema(StateReader r) {
    String relation = r.readString("relation", MAX_NAME_BYTES);
    int n = r.readCount("feature count", MAX_FEATURES, 5);
    List<Attribute> features = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      features.add(readAttribute(r));
    }
    Attribute target = readAttribute(r);
    try {
      return new Schema(relation, features, target);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": schema: " + e.getMessage(), e);
    }
  }

  private static Attribute readAttribute(StateReader r) {
    String name = r.readString("attribute name", MAX_NAME_BYTES);
    if (!r.readBoolean()) {
      return Attribute.numeric(name);
    }
    int k = r.readCount("nominal value count of '" + name + "'", MAX_VALUES, 4);
    List<String> values = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      values.add(r.readString("nominal value", MAX_NAME_BYTES));
    }
    try {
      return Attribute.nominal(name, values);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": " + e.getMessage(), e);
    }
  }
}

package org.coppice.learn.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coppice.data.Schema;
import org.coppice.learn.Task;
import org.coppice.learn.registry.LearnerType;
import org.coppice.learn.registry.ModelCodec;
import org.coppice.learn.registry.StateCodec;
import org.coppice.state.ModelFormatException;
import org.coppice.state.SectionSink;
import org.coppice.state.SectionSource;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/**
 * The declaration of the majority-class baseline, {@code majority}: the smallest complete learner
 * declaration (no settings, one section of state).
 */
public final class MajorityClassType {
  private MajorityClassType() {}

  /** Section kind of the class weights. */
  static final int CLASS_WEIGHTS = 5;

  /** MOA 2024.07 {@code functions.MajorityClass}. */
  public static final LearnerType<Void, MajorityClass> TYPE =
      LearnerType.<Void, MajorityClass>builder(
              "majority", Task.CLASSIFICATION, MajorityClass.class, 4)
          .title("majority class")
          .configure(s -> null)
          .configOf(m -> null)
          .factory((schema, config, threads) -> new MajorityClass(schema))
          .codec(new Codec())
          .structure(MajorityClassType::structure)
          .build();

  private static Map<String, Object> structure(MajorityClass m) {
    Map<String, Object> s = new LinkedHashMap<>();
    double[] w = m.classWeights();
    for (int c = 0; c < w.length; c++) {
      s.put("weight of " + m.schema().target().values().get(c), w[c]);
    }
    return s;
  }

  private static final class Codec implements StateCodec<MajorityClass> {
    @Override
    public int version() {
      return 1;
    }

    @Override
    public String sectionName(int kind) {
      return kind == CLASS_WEIGHTS ? "class_weights" : StateCodec.super.sectionName(kind);
    }

    @Override
    public void writeHeader(MajorityClass model, boolean frozen, StateWriter header) {}

    @Override
    public void writeSections(MajorityClass m, boolean frozen, SectionSink sink) {
      double[] w = m.classWeights();
      sink.beginSection(CLASS_WEIGHTS, 0).writeDoubleArray(w, w.length);
      sink.endSection();
    }

    @Override
    public int sectionCount(MajorityClass model) {
      return 1;
    }

    @Override
    public MajorityClass read(
        int version,
        Schema schema,
        boolean frozen,
        StateReader header,
        SectionSource source,
        int threads) {
      header.finish();
      ModelCodec.expectSections(source, 2);
      ModelCodec.expectSection(source, 1, CLASS_WEIGHTS, 0);
      StateReader r = source.open(1);
      double[] w = r.readDoubleArrayExact("class weights", schema.numClasses());
      r.finish();
      for (double v : w) {
        if (!(v >= 0)) {
          throw new ModelFormatException(r.context() + ": a class weight is negative or NaN");
        }
      }
      MajorityClass m = new MajorityClass(schema);
      m.restore(w);
      return m;
    }
  }
}

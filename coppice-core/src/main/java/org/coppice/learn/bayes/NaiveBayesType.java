package org.coppice.learn.bayes;

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

/** The declaration of naive Bayes, {@code nb}: no settings, savable. */
public final class NaiveBayesType {
  private NaiveBayesType() {}

  /** Section kind of the naive Bayes statistics. */
  static final int STATISTICS = 4;

  /** MOA 2024.07 {@code bayes.NaiveBayes}. */
  public static final LearnerType<Void, NaiveBayes> TYPE =
      LearnerType.<Void, NaiveBayes>builder("nb", Task.CLASSIFICATION, NaiveBayes.class, 3)
          .title("naive Bayes")
          .configure(s -> null)
          .configOf(m -> null)
          .factory((schema, config, threads) -> new NaiveBayes(schema))
          .codec(new Codec())
          .structure(m -> Map.of("instances_weight", sum(m.classWeights)))
          .build();

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  /** One section: class weights, Gaussian estimators, nominal counts and value lengths. */
  private static final class Codec implements StateCodec<NaiveBayes> {
    @Override
    public int version() {
      return 1;
    }

    @Override
    public String sectionName(int kind) {
      return kind == STATISTICS ? "statistics" : StateCodec.super.sectionName(kind);
    }

    @Override
    public void writeHeader(NaiveBayes model, boolean frozen, StateWriter header) {}

    @Override
    public void writeSections(NaiveBayes m, boolean frozen, SectionSink sink) {
      StateWriter w = sink.beginSection(STATISTICS, 0);
      w.writeDoubleArray(m.classWeights, m.classWeights.length);
      w.writeDoubleArray(m.gauss, m.gauss.length);
      w.writeDoubleArray(m.counts, m.counts.length);
      w.writeIntArray(m.seen, m.seen.length);
      sink.endSection();
    }

    @Override
    public int sectionCount(NaiveBayes model) {
      return 1;
    }

    @Override
    public NaiveBayes read(
        int version,
        Schema schema,
        boolean frozen,
        StateReader header,
        SectionSource source,
        int threads) {
      header.finish();
      ModelCodec.expectSections(source, 2);
      ModelCodec.expectSection(source, 1, STATISTICS, 0);
      NaiveBayes m = new NaiveBayes(schema);
      StateReader r = source.open(1);
      double[] weights = r.readDoubleArrayExact("class weights", m.classWeights.length);
      double[] gauss = r.readDoubleArrayExact("Gaussian estimators", m.gauss.length);
      double[] counts = r.readDoubleArrayExact("nominal counts", m.counts.length);
      int[] seen = r.readIntArrayExact("nominal value lengths", m.seen.length);
      r.finish();
      checkWeights(weights, r);
      checkWeights(counts, r);
      for (int a = 0; a < m.nominal.length; a++) {
        for (int c = 0; m.nominal[a] && c < m.numClasses; c++) {
          int v = seen[m.seenOffset[a] + c];
          if (v < 0 || v > m.numValues[a]) {
            throw new ModelFormatException(
                r.context() + ": nominal value length " + v + " out of range");
          }
        }
      }
      System.arraycopy(weights, 0, m.classWeights, 0, weights.length);
      System.arraycopy(gauss, 0, m.gauss, 0, gauss.length);
      System.arraycopy(counts, 0, m.counts, 0, counts.length);
      System.arraycopy(seen, 0, m.seen, 0, seen.length);
      return m;
    }
  }

  /** Weights and counts are never negative or NaN. */
  static void checkWeights(double[] weights, StateReader r) {
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new ModelFormatException(r.context() + ": a weight or count is negative or NaN");
      }
    }
  }
}

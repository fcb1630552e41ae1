package org.coppice.learn.ensemble;

import org.coppice.drift.Adwin;
import org.coppice.drift.AdwinChangeDetector;
import org.coppice.drift.DriftDetector;
import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/** {@link DetectorCodec#adwin()}: ADWIN rows with only the buckets in use. */
final class AdwinDetectorCodec implements DetectorCodec {
  static final AdwinDetectorCodec INSTANCE = new AdwinDetectorCodec();

  private AdwinDetectorCodec() {}

  @Override
  public void write(DriftDetector detector, StateWriter w) {
    AdwinChangeDetector a = (AdwinChangeDetector) detector;
    w.writeBoolean(a.changeDetected());
    w.writeDouble(a.estimation());
    Adwin adwin = a.adwin();
    w.writeBoolean(adwin != null);
    if (adwin == null) {
      return;
    }
    w.writeInt(adwin.time());
    w.writeDouble(adwin.total());
    w.writeDouble(adwin.varianceSum());
    int rows = adwin.rows();
    w.writeInt(rows);
    for (int row = 0; row < rows; row++) {
      int count = adwin.rowCount(row);
      w.writeInt(count);
      for (int slot = 0; slot < count; slot++) {
        w.writeDouble(adwin.bucketSum(row, slot));
        w.writeDouble(adwin.bucketVariance(row, slot));
      }
    }
  }

  @Override
  public DriftDetector read(StateReader r, DriftDetector fresh, String what) {
    double delta = ((AdwinChangeDetector) fresh).delta();
    boolean change = r.readBoolean();
    double estimation = r.readDouble();
    Adwin adwin = null;
    if (r.readBoolean()) {
      int time = r.readInt();
      double total = r.readDouble();
      double varianceSum = r.readDouble();
      int rows = r.readCount(what + " ADWIN rows", 31, 4);
      if (rows < 1) {
        throw new ModelFormatException(r.context() + ": " + what + " ADWIN has no rows");
      }
      int[] counts = new int[rows];
      double[] sums = new double[rows * Adwin.ROW_STRIDE];
      double[] variances = new double[rows * Adwin.ROW_STRIDE];
      for (int row = 0; row < rows; row++) {
        int count = r.readCount(what + " ADWIN row size", Adwin.MAX_BUCKETS, 16);
        counts[row] = count;
        for (int slot = 0; slot < count; slot++) {
          sums[row * Adwin.ROW_STRIDE + slot] = r.readDouble();
          variances[row * Adwin.ROW_STRIDE + slot] = r.readDouble();
        }
      }
      try {
        adwin =
            Adwin.restore(
                delta, Adwin.DEFAULT_CLOCK, time, total, varianceSum, counts, sums, variances);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(r.context() + ": " + what + " detector: " + e.getMessage());
      }
    }
    return AdwinChangeDetector.restore(delta, adwin, change, estimation);
  }
}

package org.coppice.learn.tree;

import org.coppice.state.ModelFormatException;
import org.coppice.state.StateReader;
import org.coppice.state.StateWriter;

/** The tree and forest settings as the model headers hold them (docs/FORMAT.md). */
final class TreeSettingsCodec {
  private TreeSettingsCodec() {}

  static void writeTreeConfig(HoeffdingTreeConfig c, StateWriter w) {
    w.writeInt(c.gracePeriod());
    w.writeDouble(c.splitConfidence());
    w.writeDouble(c.tieThreshold());
    w.writeInt(c.splitCriterion().ordinal());
    w.writeDouble(c.minBranchFraction());
    w.writeInt(c.leafPrediction().ordinal());
    w.writeDouble(c.nbThreshold());
    w.writeInt(c.numBins());
    w.writeBoolean(c.binarySplits());
    w.writeBoolean(c.noPrePrune());
    w.writeInt(c.subspaceSize());
    w.writeLong(c.seed());
  }

  static HoeffdingTreeConfig readTreeConfig(StateReader r) {
    try {
      return HoeffdingTreeConfig.builder()
          .gracePeriod(r.readInt())
          .splitConfidence(r.readDouble())
          .tieThreshold(r.readDouble())
          .splitCriterion(SplitCriterion.values()[r.readIndex("split criterion", 2)])
          .minBranchFraction(r.readDouble())
          .leafPrediction(LeafPrediction.values()[r.readIndex("leaf prediction", 3)])
          .nbThreshold(r.readDouble())
          .numBins(checkBins(r.readInt(), r))
          .binarySplits(r.readBoolean())
          .noPrePrune(r.readBoolean())
          .subspaceSize(r.readInt())
          .seed(r.readLong())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": tree settings: " + e.getMessage(), e);
    }
  }

  /** The bin count sizes a scratch array, so bound it before anything is allocated. */
  static int checkBins(int bins, StateReader r) {
    if (bins < 1 || bins > 1 << 16) {
      throw new ModelFormatException(r.context() + ": number of bins " + bins + " out of range");
    }
    return bins;
  }

  static void writeArfConfig(ArfConfig c, StateWriter w) {
    w.writeInt(c.ensembleSize());
    w.writeInt(c.maxFeatures().mode().ordinal());
    w.writeInt(c.maxFeatures().value());
    w.writeDouble(c.lambda());
    w.writeDouble(c.driftDelta());
    w.writeDouble(c.warningDelta());
    w.writeBoolean(c.weightedVote());
    w.writeBoolean(c.driftDetection());
    w.writeBoolean(c.backgroundLearners());
    w.writeLong(c.seed());
    writeTreeConfig(c.tree(), w);
  }

  static ArfConfig readArfConfig(StateReader r, int threads) {
    try {
      ArfConfig.Builder b =
          ArfConfig.builder()
              .ensembleSize(r.readInt())
              .maxFeatures(
                  new MaxFeatures(
                      MaxFeatures.Mode.values()[r.readIndex("max features mode", 4)], r.readInt()))
              .lambda(r.readDouble())
              .driftDelta(r.readDouble())
              .warningDelta(r.readDouble())
              .weightedVote(r.readBoolean())
              .driftDetection(r.readBoolean())
              .backgroundLearners(r.readBoolean())
              .seed(r.readLong())
              .threads(Math.max(1, threads));
      return b.tree(readTreeConfig(r)).build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(r.context() + ": forest settings: " + e.getMessage(), e);
    }
  }
}

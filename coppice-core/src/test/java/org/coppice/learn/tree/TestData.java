package org.coppice.learn.tree;

import java.util.ArrayList;
import java.util.List;
import org.coppice.data.Attribute;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.util.JavaRandom;

/** Small seeded streams with known concepts, for tree and forest tests. */
final class TestData {
  private TestData() {}

  static Schema numericSchema(int features, int classes) {
    List<Attribute> atts = new ArrayList<>();
    for (int i = 0; i < features; i++) {
      atts.add(Attribute.numeric("x" + i));
    }
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      labels.add("c" + c);
    }
    return new Schema("test", atts, Attribute.nominal("class", labels));
  }

  /**
   * Uniform features in [0, 1); class 1 iff x0 + x1 > 1 (x0 + x1 <= 1 after {@code flipAt}, so the
   * concept flips abruptly there); {@code noise} of the labels flipped at random.
   */
  static List<Instance> diagonal(long seed, int n, int features, int flipAt, double noise) {
    JavaRandom r = new JavaRandom(seed);
    List<Instance> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      Instance inst = new Instance(features);
      for (int a = 0; a < features; a++) {
        inst.x[a] = r.nextDouble();
      }
      boolean positive = inst.x[0] + inst.x[1] > 1.0;
      if (t >= flipAt) {
        positive = !positive;
      }
      if (r.nextDouble() < noise) {
        positive = !positive;
      }
      inst.y = positive ? 1 : 0;
      out.add(inst);
    }
    return out;
  }

  static double accuracy(org.coppice.learn.Classifier model, List<Instance> data) {
    int correct = 0;
    for (Instance inst : data) {
      if (model.predict(inst.x) == inst.y) {
        correct++;
      }
    }
    return correct / (double) data.size();
  }
}

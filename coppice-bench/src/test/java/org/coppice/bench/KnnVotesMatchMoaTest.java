package org.coppice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.Instances;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import moa.classifiers.lazy.kNN;
import org.coppice.data.Schema;
import org.coppice.learn.knn.Knn;
import org.coppice.learn.knn.KnnConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coppice's {@code knn} gives MOA 2024.07 {@code lazy.kNN}'s votes, instance by instance, on data
 * made to stress the corners the generators never reach: few distinct values (many ties at the k-th
 * distance), missing numeric and nominal values, a feature of zero width, and a feature missing
 * from the whole window (MOA's distances are then NaN and its search keeps the oldest k).
 */
class KnnVotesMatchMoaTest {
  @ParameterizedTest(name = "k {0}, window {1}")
  @CsvSource({"5, 50, 1", "10, 100, 2", "1, 7, 3", "3, 1, 4", "20, 500, 5"})
  void votesEqualMoas(int k, int window, long seed) throws Exception {
    List<String> colours = List.of("r", "g", "b");
    List<String> classes = List.of("x", "y", "z");
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("a"));
    atts.add(new Attribute("b"));
    atts.add(new Attribute("c", colours));
    atts.add(new Attribute("d"));
    atts.add(new Attribute("e"));
    atts.add(new Attribute("class", classes));
    Instances header = new Instances("t", atts, 0);
    header.setClassIndex(5);
    Schema schema =
        new Schema(
            "t",
            List.of(
                org.coppice.data.Attribute.numeric("a"),
                org.coppice.data.Attribute.numeric("b"),
                org.coppice.data.Attribute.nominal("c", colours),
                org.coppice.data.Attribute.numeric("d"),
                org.coppice.data.Attribute.numeric("e")),
            org.coppice.data.Attribute.nominal("class", classes));
    kNN moa = new kNN();
    moa.kOption.setValue(k);
    moa.limitOption.setValue(window);
    moa.setModelContext(new InstancesHeader(header));
    moa.prepareForUse();
    Knn knn = new Knn(schema, new KnnConfig(k, window));
    Random r = new Random(seed);
    double[] votes = new double[3];
    for (int i = 0; i < 2000; i++) {
      double[] x = new double[5];
      x[0] = r.nextInt(5);
      x[1] = r.nextInt(3) * 0.5;
      x[2] = r.nextInt(3);
      x[3] = (i / 40) % 3 == 0 ? Double.NaN : r.nextInt(4);
      x[4] = 2.5;
      for (int j = 0; j < 3; j++) {
        if (r.nextDouble() < 0.1) {
          x[j] = Double.NaN;
        }
      }
      int y =
          (int) ((Double.isNaN(x[0]) ? 0 : x[0]) + (Double.isNaN(x[2]) ? 1 : x[2]) + r.nextInt(2))
              % 3;
      double[] values = new double[6];
      System.arraycopy(x, 0, values, 0, 5);
      values[5] = y;
      Instance inst = new DenseInstance(1.0, values);
      inst.setDataset(header);
      double[] expected = moa.getVotesForInstance(inst);
      knn.votes(x, votes);
      for (int c = 0; c < 3; c++) {
        assertEquals(c < expected.length ? expected[c] : 0, votes[c], 0.0, "instance " + i);
      }
      moa.trainOnInstance(inst);
      knn.learn(x, y, 1.0);
    }
  }
}

package org.coppice.bench.memory;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instances;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.gen.MakeClassificationGenerator;

/**
 * The data of River issue #1512: {@code make_classification(n_samples=1000, n_features=1000,
 * n_informative=800, n_clusters_per_class=100)}, here drawn from {@link
 * MakeClassificationGenerator} (2 classes, no redundant features, flip 0.01, class separation 1).
 * Larger cases take more rows of the same stream. Both learners see the same instances: Coppice's
 * directly, MOA's converted with {@link #toMoa}.
 */
final class RiverData {
  static final int FEATURES = 1000;
  static final int INFORMATIVE = 800;
  static final int CLUSTERS_PER_CLASS = 100;

  private RiverData() {}

  /** The generator at its start. */
  static MakeClassificationGenerator generator(long seed) {
    return MakeClassificationGenerator.builder()
        .numFeatures(FEATURES)
        .numInformative(INFORMATIVE)
        .numClustersPerClass(CLUSTERS_PER_CLASS)
        .seed(seed)
        .build();
  }

  /** MOA's header for the schema: numeric features, then the nominal class. */
  static InstancesHeader moaHeader(Schema schema) {
    List<Attribute> attributes = new ArrayList<>();
    for (org.coppice.data.Attribute a : schema.features()) {
      attributes.add(new Attribute(a.name()));
    }
    attributes.add(new Attribute(schema.target().name(), schema.target().values()));
    Instances data = new Instances("river-1512", attributes, 0);
    data.setClassIndex(attributes.size() - 1);
    return new InstancesHeader(data);
  }

  /** The same instance as a MOA dense instance (features, then the class index). */
  static com.yahoo.labs.samoa.instances.Instance toMoa(Instance inst, InstancesHeader header) {
    double[] values = Arrays.copyOf(inst.x, inst.x.length + 1);
    values[inst.x.length] = inst.y;
    DenseInstance moa = new DenseInstance(inst.weight, values);
    moa.setDataset(header);
    return moa;
  }
}

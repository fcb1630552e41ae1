package org.coppice.bench;

import java.util.Objects;
import org.coppice.data.Instance;
import org.coppice.data.Schema;
import org.coppice.stream.InstanceStream;

/** An {@link InstanceStream} over instances already in memory: the first {@code n} of an array. */
final class InMemoryStream implements InstanceStream {
  private final Schema schema;
  private final Instance[] instances;
  private final int n;
  private int next;

  InMemoryStream(Schema schema, Instance[] instances, int n) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.instances = Objects.requireNonNull(instances, "instances");
    if (n < 0 || n > instances.length) {
      throw new IllegalArgumentException("n = " + n + " with " + instances.length + " instances");
    }
    this.n = n;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean next(Instance into) {
    if (next >= n) {
      return false;
    }
    into.copyFrom(instances[next++]);
    return true;
  }

  @Override
  public long sizeHint() {
    return n;
  }

  @Override
  public double progress() {
    return n == 0 ? 1.0 : (double) next / n;
  }
}

package org.coppice.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.coppice.eval.PrequentialResult;

/**
 * The outcome of training (or continuing to train) a model on a stream, test-then-train.
 *
 * @param model the model after the stream, with its preprocessing; not yet saved
 * @param metrics the prequential metrics at the end of the stream, as saved in the manifest (see
 *     {@link Training#metrics}); unmodifiable, in a fixed order
 * @param rowsRead rows read from the stream
 * @param rowsRejected rows read but not learned: without a label, or with a weight that is not
 *     positive (they were still predicted)
 * @param prequential the full prequential result, with timing
 */
public record TrainResult(
    CoppiceModel model,
    Map<String, Object> metrics,
    long rowsRead,
    long rowsRejected,
    PrequentialResult prequential) {
  public TrainResult {
    Objects.requireNonNull(model, "model");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Objects.requireNonNull(prequential, "prequential");
  }

  /** Seconds spent reading and training. */
  public double seconds() {
    return prequential.seconds();
  }
}

package org.basinbench.solver;

import java.util.Objects;

/**
 * Immutable settings of {@link StochasticGradient}.
 *
 * @param step fixed step size, > 0 and finite
 * @param batch minibatch size (terms per step), >= 1; capped at the number of terms
 * @param stop budget (steps) and stopping rules, checked on the full gradient norm once per
 *     epoch (N / batch steps) and at the trace's checkpoints
 */
public record SgdConfig(double step, int batch, Stopping stop) implements Budget, java.io.Serializable {
  /** @throws IllegalArgumentException naming the offending field and its allowed range */
  public SgdConfig {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be > 0 and finite, got " + step);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    Objects.requireNonNull(stop, "stop");
  }

  public int maxIter() {
    return stop.maxIter();
  }
}

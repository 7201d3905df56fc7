package org.basinbench.objective;

/**
 * An objective that is a sum of {@code N} terms, {@code f = sum_i f_i} (one term per
 * measurement, or per observed entry for entrywise losses), with minibatch gradients for
 * stochastic gradient methods. Regularizers that are not a sum over terms are added in full
 * to every minibatch gradient.
 */
public interface StochasticObjective extends Objective {

  /** @return N, the number of terms (measurements, or observed entries) */
  int terms();

  /**
   * The minibatch gradient {@code (N / count) sum_{i in batch} grad f_i(x)} (plus the full
   * gradient of any regularizer): an unbiased estimate of grad f(x) when the batch is a
   * uniform sample of the terms without replacement.
   *
   * @param x point, length dim; not modified
   * @param batch term indices in {@code [0, N)}, the first {@code count} used; not modified
   * @param count batch size, in {@code [1, N]}
   * @param grad length dim; overwritten; must not alias x
   */
  void batchGradient(double[] x, int[] batch, int count, double[] grad);
}

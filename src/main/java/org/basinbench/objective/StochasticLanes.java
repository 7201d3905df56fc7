package org.basinbench.objective;

/**
 * A {@link LaneObjective} whose one-point loss is a {@link StochasticObjective}, with its
 * minibatch gradient over lanes: each lane has its own batch, and gets, bit for bit, what
 * {@link StochasticObjective#batchGradient} returns at its point for that batch (non-finite
 * values included). <b>Not thread-safe</b>; allocation-free per call.
 */
public interface StochasticLanes extends LaneObjective {
  /** @return N, the number of terms of the one-point loss ({@link StochasticObjective#terms()}) */
  int terms();

  /**
   * For lanes {@code [from, to)}: {@code g[c][i]} is the minibatch gradient at lane i's point over
   * the terms {@code batch[i][0 .. count)}.
   *
   * @param x dim arrays of {@code capacity()} entries; not modified
   * @param batch per lane, term indices in {@code [0, N)}, distinct (a permutation's prefix); not modified
   * @param count the batch size, in {@code [1, N]}
   * @param g dim arrays; modified on the range
   */
  void batchGradient(double[][] x, int from, int to, int[][] batch, int count, double[][] g);
}

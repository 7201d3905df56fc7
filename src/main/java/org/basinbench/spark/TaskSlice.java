package org.basinbench.spark;

import java.io.Serializable;

/**
 * One task's share of a round: the round-wide trial numbers {@code g} with
 * {@code g % count == index}, that is {@code index, index + count, index + 2 count, ...}.
 *
 * <p>Strided rather than contiguous, so that every task holds its proportional share of every
 * cell (within one trial): a cell of expensive trials (large n, a long budget) is spread over
 * all tasks instead of filling the last few, which would leave cores idle while they finish.
 * A trial's identity (cell, trial) comes from the {@link WorkPlan}, never from the slicing.
 *
 * <p>The round's numbers run block after block, each block a cell's trials in increasing
 * order, so a slice taken in increasing {@code g} is in (cell, trial) order: a task's rows,
 * and so the trials file it writes, are sorted without a shuffle, whatever the partitioning.
 */
record TaskSlice(int index, int count) implements Serializable {
  TaskSlice {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("slice " + index + " of " + count);
    }
  }

  /** Trials of a round of {@code size} trials in this slice. */
  long size(long size) {
    return size <= index ? 0 : (size - 1 - index) / count + 1;
  }
}

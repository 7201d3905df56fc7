package org.basinbench.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.basinbench.run.TrialResult;
import org.basinbench.run.TrialRunner;
import org.basinbench.solver.BatchGradientDescent;
import org.basinbench.spec.Experiment;

/**
 * The executor side: one {@link TrialRunner} (and its scratch) per partition, reused across
 * the partition's trials; rows are produced lazily, one trial at a time. Round-wide trial
 * number {@code g} names a (cell, trial) pair through the round's {@link WorkPlan}.
 */
final class TrialPartition implements FlatMapFunction<Iterator<TaskSlice>, Row> {
  /**
   * Test-only fault injection (off unless set): the fraction of partitions, chosen by a hash of
   * the partition id, whose first attempt (attempt number 0) throws half-way through its trials.
   */
  static final String FAIL_FIRST_ATTEMPT_FRACTION = "spark.basinbench.faultInjection.failFirstAttemptFraction";
  /** Test-only, as above, but every attempt of the chosen partitions throws: the run must fail. */
  static final String FAIL_EVERY_ATTEMPT_FRACTION = "spark.basinbench.faultInjection.failEveryAttemptFraction";

  private final Broadcast<Experiment> experiment;
  private final WorkPlan plan;
  private final CellCounter done;
  private final double failFirstAttempt;
  private final double failEveryAttempt;

  TrialPartition(Broadcast<Experiment> experiment, WorkPlan plan, CellCounter done) {
    this(experiment, plan, done, 0, 0);
  }

  TrialPartition(Broadcast<Experiment> experiment, WorkPlan plan, CellCounter done, double failFirstAttempt,
      double failEveryAttempt) {
    this.experiment = experiment;
    this.plan = plan;
    this.done = done;
    this.failFirstAttempt = failFirstAttempt;
    this.failEveryAttempt = failEveryAttempt;
  }

  /** Whether partition {@code id} is among the fraction {@code f} chosen for faults (deterministic). */
  static boolean chosen(int id, double f) {
    if (f <= 0) {
      return false;
    }
    long h = 0x6661756c74L + (id + 1) * 0x9E3779B97F4A7C15L; // SplitMix64's finalizer of "fault" + id
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53 < f;
  }

  @Override
  public Iterator<Row> call(Iterator<TaskSlice> slices) {
    Experiment e = experiment.value();
    TaskContext task = TaskContext.get();
    String setting = task == null ? null
        : chosen(task.partitionId(), failEveryAttempt) ? FAIL_EVERY_ATTEMPT_FRACTION
        : task.attemptNumber() == 0 && chosen(task.partitionId(), failFirstAttempt) ? FAIL_FIRST_ATTEMPT_FRACTION
        : null;
    String fault = setting == null ? null : "injected fault (test-only setting " + setting + "): partition "
        + task.partitionId() + ", attempt " + task.attemptNumber();
    TrialRunner runner = new TrialRunner(e);
    Object[][] cellValues = new Object[e.cells().size()][];
    long size = plan.size();
    return new Iterator<>() {
      private long next = Long.MAX_VALUE; // no slice read yet
      private long stride = 1;
      private long produced;
      private long failAt = -1;
      /** The trials of one cell taken from the slice, and their results, handed out in order. */
      private final int[] trials = new int[BatchGradientDescent.BLOCK];
      private TrialResult[] results = new TrialResult[0];
      private int resultCell;
      private int handed;

      @Override
      public boolean hasNext() {
        if (handed < results.length) {
          return true;
        }
        while (next >= size && slices.hasNext()) {
          TaskSlice s = slices.next();
          next = s.index();
          stride = s.count();
          if (failAt < 0) {
            failAt = s.size(size) / 2;
          }
        }
        return next < size;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        // Half-way through the first slice (after some rows were handed to the writer), so that a
        // retry must replace a partly written task output.
        if (fault != null && produced >= failAt) {
          throw new IllegalStateException(fault);
        }
        if (handed == results.length) {
          runNext();
        }
        produced++;
        TrialResult r = results[handed];
        results[handed++] = null;
        if (cellValues[resultCell] == null) {
          cellValues[resultCell] = Schema.cellValues(e.cells().get(resultCell));
        }
        Row row = Schema.trialRow(cellValues[resultCell], r, BasinBenchJob.staged(e));
        done.add(resultCell);
        return row;
      }

      /**
       * Runs the slice's next trial; for a batched cell, also the following trials of the slice
       * that belong to the same cell (up to a block), together. A trial's result is the same
       * either way, so the grouping (which depends on the partitioning) changes no number.
       */
      private void runNext() {
        int b = plan.block(next);
        int cell = plan.cellOf(b);
        boolean batched = runner.batched(cell);
        int count = 0;
        do {
          trials[count++] = (int) plan.trialOf(b, next);
          next += stride;
        } while (batched && count < trials.length && next < size && plan.cellOf(b = plan.block(next)) == cell);
        results = runner.run(cell, trials, count);
        resultCell = cell;
        handed = 0;
      }
    };
  }
}

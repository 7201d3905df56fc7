package org.basinbench.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
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
  private final Broadcast<Experiment> experiment;
  private final WorkPlan plan;
  private final CellTally done;
  /** The segments' curvatures, or null when the experiment measures none. */
  private final CurvatureTally curvatures;
  /** Test-only faults, off unless set ({@link FaultInjection}). */
  private final FaultInjection faults;

  TrialPartition(Broadcast<Experiment> experiment, WorkPlan plan, CellTally done, CurvatureTally curvatures,
      FaultInjection faults) {
    this.curvatures = curvatures;
    this.experiment = experiment;
    this.plan = plan;
    this.done = done;
    this.faults = faults;
  }

  @Override
  public Iterator<Row> call(Iterator<TaskSlice> slices) {
    return faults.inject(slices, plan.size(), this::rows);
  }

  /** The rows of the task's slices, one trial (or one batch of a cell's trials) at a time. */
  private Iterator<Row> rows(Iterator<TaskSlice> slices) {
    Experiment e = experiment.value();
    TrialRunner runner = new TrialRunner(e);
    Object[][] cellValues = new Object[e.cells().size()][];
    long size = plan.size();
    return new Iterator<>() {
      private long next = Long.MAX_VALUE; // no slice read yet
      private long stride = 1;
      /** The trials of one cell taken from the slice, and their results, handed out in order. */
      // Up to four blocks of starts per call: the lanes stream them (a lane that stops takes the
      // next start), so a longer stream leaves fewer nearly empty blocks at its end.
      private final int[] trials = new int[4 * BatchGradientDescent.BLOCK];
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
        }
        return next < size;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (handed == results.length) {
          runNext();
        }
        TrialResult r = results[handed];
        results[handed++] = null;
        if (cellValues[resultCell] == null) {
          cellValues[resultCell] = Schema.cellValues(e.cells().get(resultCell));
        }
        Row row = Schema.trialRow(cellValues[resultCell], r, BasinBenchJob.staged(e));
        done.add(r);
        if (curvatures != null) {
          curvatures.add(r);
        }
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
        boolean batched = runner.batched(cell, (int) plan.trialOf(b, next));
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

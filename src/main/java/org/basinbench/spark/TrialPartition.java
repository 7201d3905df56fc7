package org.basinbench.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.basinbench.run.TrialRunner;
import org.basinbench.spec.Experiment;

/**
 * The executor side: one {@link TrialRunner} (and its scratch) per partition, reused across
 * the partition's trials; rows are produced lazily, one trial at a time. Round-wide trial
 * number {@code g} names a (cell, trial) pair through the round's {@link WorkPlan}.
 */
final class TrialPartition implements FlatMapFunction<Iterator<TrialRange>, Row> {
  private final Broadcast<Experiment> experiment;
  private final WorkPlan plan;
  private final CellCounter done;

  TrialPartition(Broadcast<Experiment> experiment, WorkPlan plan, CellCounter done) {
    this.experiment = experiment;
    this.plan = plan;
    this.done = done;
  }

  @Override
  public Iterator<Row> call(Iterator<TrialRange> ranges) {
    Experiment e = experiment.value();
    TrialRunner runner = new TrialRunner(e);
    Object[][] cellValues = new Object[e.cells().size()][];
    return new Iterator<>() {
      private long next;
      private long end;

      @Override
      public boolean hasNext() {
        while (next >= end && ranges.hasNext()) {
          TrialRange r = ranges.next();
          next = r.start();
          end = r.end();
        }
        return next < end;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int b = plan.block(next);
        int cell = plan.cellOf(b);
        int trial = (int) plan.trialOf(b, next);
        next++;
        if (cellValues[cell] == null) {
          cellValues[cell] = Schema.cellValues(e.cells().get(cell));
        }
        Row row = Schema.trialRow(cellValues[cell], runner.run(cell, trial), BasinBenchJob.staged(e));
        done.add(cell);
        return row;
      }
    };
  }
}

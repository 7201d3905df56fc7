package org.basinbench.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import org.basinbench.run.Outcome;
import org.basinbench.run.TrialResult;

/**
 * Per cell, what the cells table needs, counted on the executors as the trials are produced:
 * the count of each outcome and the exact histogram of {@code iterations} (value -> count),
 * from which the median is exact. Spark merges each task's tally on the driver when the task
 * ends; the driver's progress line reads the totals meanwhile (hence the locking).
 *
 * <p>Each task's update is applied once: the trials are counted in the task that writes them,
 * inside the write action, and for an action's tasks Spark merges the update of the one
 * successful attempt of each partition only (failed attempts' updates are dropped, a retried or
 * speculative duplicate of a finished partition is ignored). The job checks the counted total
 * against the plan anyway and publishes nothing when they differ.
 */
final class CellTally extends AccumulatorV2<TrialResult, Map<Integer, CellTally.Stats>> {
  /** One cell's counts. */
  static final class Stats implements Serializable {
    /** Trials of each outcome, by {@link Outcome#ordinal()}. */
    final long[] outcomes = new long[Outcome.values().length];
    /** Trials by their number of iterations. */
    final Map<Integer, Long> iterations = new HashMap<>();

    long trials() {
      long n = 0;
      for (long c : outcomes) {
        n += c;
      }
      return n;
    }

    long count(Outcome o) {
      return outcomes[o.ordinal()];
    }

    void add(Stats other) {
      for (int i = 0; i < outcomes.length; i++) {
        outcomes[i] += other.outcomes[i];
      }
      other.iterations.forEach((k, v) -> iterations.merge(k, v, Long::sum));
    }

    /**
     * The exact median of the iterations, computed as Spark SQL's {@code percentile(x, 0.5)}
     * does (so the cells table is the same as when it was aggregated by Spark SQL): position
     * {@code p = (n - 1) / 2} in the sorted values; the value there, or
     * {@code (ceil p - p) x_lo + (p - floor p) x_hi} between the two middle values.
     */
    double medianIterations() {
      long n = trials();
      if (n == 0) {
        return Double.NaN;
      }
      double position = (n - 1) * 0.5;
      long lower = (long) Math.floor(position);
      long higher = (long) Math.ceil(position);
      Integer lowKey = null;
      Integer highKey = null;
      long seen = 0;
      for (Map.Entry<Integer, Long> e : new TreeMap<>(iterations).entrySet()) {
        seen += e.getValue();
        if (lowKey == null && seen > lower) {
          lowKey = e.getKey();
        }
        if (seen > higher) {
          highKey = e.getKey();
          break;
        }
      }
      if (higher == lower || lowKey.equals(highKey)) {
        return lowKey.doubleValue();
      }
      return (higher - position) * lowKey.doubleValue() + (position - lower) * highKey.doubleValue();
    }
  }

  private final HashMap<Integer, Stats> byCell = new HashMap<>();

  @Override
  public synchronized boolean isZero() {
    return byCell.isEmpty();
  }

  @Override
  public synchronized CellTally copy() {
    CellTally c = new CellTally();
    c.addAll(byCell);
    return c;
  }

  @Override
  public synchronized void reset() {
    byCell.clear();
  }

  /** Counts one finished trial of cell {@code t.cellIndex()}. */
  @Override
  public synchronized void add(TrialResult t) {
    Stats s = byCell.computeIfAbsent(t.cellIndex(), k -> new Stats());
    s.outcomes[t.outcome().ordinal()]++;
    s.iterations.merge(t.iterations(), 1L, Long::sum);
  }

  @Override
  public void merge(AccumulatorV2<TrialResult, Map<Integer, Stats>> other) {
    Map<Integer, Stats> theirs = other.value();
    synchronized (this) {
      addAll(theirs);
    }
  }

  private void addAll(Map<Integer, Stats> m) {
    m.forEach((k, v) -> byCell.computeIfAbsent(k, x -> new Stats()).add(v));
  }

  /** A snapshot of the per-cell counts (a copy: safe to read while tasks still merge). */
  @Override
  public synchronized Map<Integer, Stats> value() {
    Map<Integer, Stats> out = new HashMap<>();
    byCell.forEach((k, v) -> out.computeIfAbsent(k, x -> new Stats()).add(v));
    return out;
  }

  /** Trials counted in all cells. */
  synchronized long total() {
    long t = 0;
    for (Stats s : byCell.values()) {
      t += s.trials();
    }
    return t;
  }

  /** Cells whose count reached its target, {@code target[cell]} (cells beyond it: never). */
  synchronized int cellsReaching(long[] target) {
    int n = 0;
    for (Map.Entry<Integer, Stats> e : byCell.entrySet()) {
      int c = e.getKey();
      if (c < target.length && target[c] > 0 && e.getValue().trials() >= target[c]) {
        n++;
      }
    }
    return n;
  }

  /** Trials and failures (outcomes other than SUCCESS) per cell, as arrays over {@code cells} cells. */
  synchronized long[][] trialsAndFailures(int cells) {
    long[] n = new long[cells];
    long[] f = new long[cells];
    byCell.forEach((c, s) -> {
      n[c] = s.trials();
      f[c] = n[c] - s.count(Outcome.SUCCESS);
    });
    return new long[][] {n, f};
  }

  @Override
  public String toString() {
    return "CellTally" + Arrays.toString(byCell.keySet().toArray());
  }
}

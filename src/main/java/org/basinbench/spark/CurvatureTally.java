package org.basinbench.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import org.basinbench.run.SegmentResult;
import org.basinbench.run.TrialResult;

/**
 * Per cell and segment kind, the finite segment curvatures of the trials, gathered by the trial
 * tasks as they run so that the curvature table needs no second pass over the segments table.
 * Exact quantiles need every value: 8 bytes per segment reach the driver (320 KB for 20,000
 * trials of two kinds), never the rows. Applied once per partition like {@link CellTally}
 * (updated inside the write action).
 */
final class CurvatureTally extends AccumulatorV2<TrialResult, Map<Long, CurvatureTally.Values>> {
  /** A growable list of doubles. */
  static final class Values implements Serializable {
    private double[] v = new double[16];
    private int size;

    void add(double x) {
      if (size == v.length) {
        v = Arrays.copyOf(v, 2 * size);
      }
      v[size++] = x;
    }

    void addAll(Values o) {
      if (size + o.size > v.length) {
        v = Arrays.copyOf(v, Math.max(2 * v.length, size + o.size));
      }
      System.arraycopy(o.v, 0, v, size, o.size);
      size += o.size;
    }

    /** The values in increasing order (a copy). */
    double[] sorted() {
      double[] s = Arrays.copyOf(v, size);
      Arrays.sort(s);
      return s;
    }
  }

  /** Key of (cell, kind): {@code cell * KINDS + kind ordinal}. */
  static long key(int cell, int kind) {
    return (long) cell * KINDS + kind;
  }

  static final int KINDS = org.basinbench.spec.SegmentKind.values().length;

  private final HashMap<Long, Values> byKey = new HashMap<>();

  @Override
  public synchronized boolean isZero() {
    return byKey.isEmpty();
  }

  @Override
  public synchronized CurvatureTally copy() {
    CurvatureTally c = new CurvatureTally();
    c.addAll(byKey);
    return c;
  }

  @Override
  public synchronized void reset() {
    byKey.clear();
  }

  /** Records the finite curvatures of a trial's segments. */
  @Override
  public synchronized void add(TrialResult t) {
    for (SegmentResult s : t.segments()) {
      if (Double.isFinite(s.curvature())) {
        byKey.computeIfAbsent(key(t.cellIndex(), s.kind().ordinal()), k -> new Values()).add(s.curvature());
      }
    }
  }

  @Override
  public void merge(AccumulatorV2<TrialResult, Map<Long, Values>> other) {
    Map<Long, Values> theirs = other.value();
    synchronized (this) {
      addAll(theirs);
    }
  }

  private void addAll(Map<Long, Values> m) {
    m.forEach((k, v) -> byKey.computeIfAbsent(k, x -> new Values()).addAll(v));
  }

  /** A copy of the values by key. */
  @Override
  public synchronized Map<Long, Values> value() {
    Map<Long, Values> out = new HashMap<>();
    byKey.forEach((k, v) -> out.computeIfAbsent(k, x -> new Values()).addAll(v));
    return out;
  }
}

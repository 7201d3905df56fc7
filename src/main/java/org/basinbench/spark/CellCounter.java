package org.basinbench.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Finished trials per cell, merged by Spark as tasks end; the driver's progress line reads it
 * while the job runs (hence a concurrent map). Tasks touch few cells, so the map stays sparse.
 */
final class CellCounter extends AccumulatorV2<Integer, Map<Integer, Long>> {
  private final ConcurrentHashMap<Integer, Long> counts = new ConcurrentHashMap<>();

  @Override
  public boolean isZero() {
    return counts.isEmpty();
  }

  @Override
  public CellCounter copy() {
    CellCounter c = new CellCounter();
    c.counts.putAll(counts);
    return c;
  }

  @Override
  public void reset() {
    counts.clear();
  }

  @Override
  public void add(Integer cell) {
    counts.merge(cell, 1L, Long::sum);
  }

  @Override
  public void merge(AccumulatorV2<Integer, Map<Integer, Long>> other) {
    other.value().forEach((k, v) -> counts.merge(k, v, Long::sum));
  }

  @Override
  public Map<Integer, Long> value() {
    return counts;
  }

  /** Total of all cells. */
  long total() {
    long t = 0;
    for (long v : counts.values()) {
      t += v;
    }
    return t;
  }
}

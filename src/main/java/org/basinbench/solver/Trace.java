package org.basinbench.solver;

import java.util.Arrays;

/**
 * A solver's loss trace at log-spaced checkpoints: updates 0, 1, ..., 10, then ten per decade
 * ({@code round(10^(1 + j/10))}), and the final update, with the loss, the stationarity
 * measure and the wall time since the start; optionally the iterate itself (for trajectory
 * statistics). A checkpoint costs one evaluation and, with points, one copy of the iterate;
 * nothing else is stored, so the trace of a 100,000-update run has about 51 entries.
 *
 * <p>Mutable and owned by one solve. The iteration numbers are absolute: a solver that
 * restarts (the thresholding safeguard) continues the count through {@link #offset}.
 */
public final class Trace {
  /** Checkpoints per decade beyond the first ten updates. */
  public static final int PER_DECADE = 10;

  private final boolean keepPoints;
  private final int maxIter;
  private int nextCheckpoint;
  private int offset;
  private long nanosOffset;
  private int size;
  private int[] iteration;
  private double[] loss;
  private double[] pgNorm;
  private long[] nanos;
  private double[][] points;

  /**
   * @param maxIter the budget (the schedule is laid out up to it)
   * @param keepPoints whether to keep a copy of the iterate at every checkpoint
   */
  public Trace(int maxIter, boolean keepPoints) {
    this.maxIter = maxIter;
    this.keepPoints = keepPoints;
    int capacity = 16 + PER_DECADE * (int) Math.ceil(Math.log10(Math.max(10, maxIter)));
    iteration = new int[capacity];
    loss = new double[capacity];
    pgNorm = new double[capacity];
    nanos = new long[capacity];
    points = keepPoints ? new double[capacity][] : null;
  }

  /**
   * The checkpoint after {@code k}: {@code k + 1} up to 10, then the next value of
   * {@code round(10^(1 + j/10))}, j = 1, 2, ...
   */
  static int nextCheckpointAfter(int k) {
    if (k < 10) {
      return k + 1;
    }
    // The schedule beyond 10 is the same for every run: look it up instead of calling log10
    // and pow at each checkpoint (a batch of lanes records every checkpoint of every lane).
    if (k >= Integer.MAX_VALUE - 1) {
      return Integer.MAX_VALUE;
    }
    int at = Arrays.binarySearch(SCHEDULE, k + 1);
    return SCHEDULE[at >= 0 ? at : -at - 1];
  }

  /** {@code round(10^(1 + j/10))} for j = 1, 2, ... while below Integer.MAX_VALUE, then MAX_VALUE. */
  private static final int[] SCHEDULE = schedule();

  private static int[] schedule() {
    int[] out = new int[PER_DECADE * 9 + 1];
    int size = 0;
    for (int j = 1; ; j++) {
      long c = Math.round(Math.pow(10, 1 + (double) j / PER_DECADE));
      if (c >= Integer.MAX_VALUE) {
        out[size++] = Integer.MAX_VALUE;
        return Arrays.copyOf(out, size);
      }
      if (size == 0 || c > out[size - 1]) {
        out[size++] = (int) c;
      }
    }
  }

  /** The next absolute update that is a checkpoint (the budget, or the schedule's next entry). */
  int nextCheckpoint() {
    return Math.min(nextCheckpoint, maxIter);
  }

  /** Whether absolute update {@code k} is a checkpoint. */
  public boolean isCheckpoint(int k) {
    return k == nextCheckpoint || k == maxIter;
  }

  /** The budget the schedule was laid out for. */
  public int maxIter() {
    return maxIter;
  }

  /** Multiplies every recorded time by {@code f} (a batched run's share of its block's clock). */
  void scaleTimes(double f) {
    for (int i = 0; i < size; i++) {
      nanos[i] = Math.round(nanos[i] * f);
    }
  }

  /** Updates already made by earlier runs of a restarting solver. */
  public int offset() {
    return offset;
  }

  /** Places the next run after {@code offset} updates and {@code nanos} of wall time. */
  void setOffset(int offset, long nanos) {
    this.offset = offset;
    this.nanosOffset = nanos;
  }

  /**
   * Records absolute update {@code k}. A second record at the same update (a restart that
   * changed the point) replaces the first; earlier updates are ignored.
   */
  void record(int k, double lossValue, double pg, long elapsedNanos, double[] x) {
    if (size > 0 && k < iteration[size - 1]) {
      return;
    }
    int at = size > 0 && k == iteration[size - 1] ? size - 1 : size;
    if (at == iteration.length) {
      int c = iteration.length * 2;
      iteration = Arrays.copyOf(iteration, c);
      loss = Arrays.copyOf(loss, c);
      pgNorm = Arrays.copyOf(pgNorm, c);
      nanos = Arrays.copyOf(nanos, c);
      points = keepPoints ? Arrays.copyOf(points, c) : null;
    }
    iteration[at] = k;
    loss[at] = lossValue;
    pgNorm[at] = pg;
    nanos[at] = nanosOffset + elapsedNanos;
    if (keepPoints) {
      points[at] = x.clone();
    }
    size = at + 1;
    while (nextCheckpoint <= k) {
      nextCheckpoint = nextCheckpointAfter(nextCheckpoint);
    }
  }

  /** @return the number of checkpoints recorded */
  public int size() {
    return size;
  }

  public int iteration(int i) {
    check(i);
    return iteration[i];
  }

  public double loss(int i) {
    check(i);
    return loss[i];
  }

  public double pgNorm(int i) {
    check(i);
    return pgNorm[i];
  }

  /** Wall time from the solver's start to checkpoint i, in nanoseconds. */
  public long nanos(int i) {
    check(i);
    return nanos[i];
  }

  /** Whether iterates are kept. */
  public boolean keepsPoints() {
    return keepPoints;
  }

  /** The iterate at checkpoint i (not a copy); only when {@link #keepsPoints()}. */
  public double[] point(int i) {
    check(i);
    if (!keepPoints) {
      throw new IllegalStateException("this trace keeps no points");
    }
    return points[i];
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("checkpoint " + i + " of " + size);
    }
  }
}

package org.basinbench.solver;

import org.basinbench.linalg.MatOps;

/**
 * The contract every solver loop shares: the stopping rules of {@link Stopping}, the
 * divergence guard, the loss {@link Trace} and the wall clock. A solver calls {@link #start}
 * with its first point, then after each update asks {@link #due} whether it must evaluate
 * (solvers that do not evaluate the loss every update, such as multiplicative updates, only
 * evaluate when due), and hands each evaluation to {@link #check}; a non-null answer ends the
 * run. Allocates nothing per update (a kept iterate is copied at checkpoints only).
 */
final class Monitor {
  /**
   * Divergence guard: a loss above this multiple of max(1, f(x_0)) means the step is too large
   * for the local curvature (iterates of a quartic blow up doubly exponentially).
   */
  static final double DIVERGENCE_FACTOR = 1e12;

  private final Stopping stop;
  private final Trace trace;
  private final int checkEvery;
  private final long t0 = System.nanoTime();
  private double threshold;
  private double lossLimit;
  private double stallReference;

  /**
   * @param stop the rules
   * @param trace where checkpoints go (its offset places this run after earlier ones)
   * @param checkEvery besides checkpoints, evaluate every this many updates (1: every update)
   */
  Monitor(Stopping stop, Trace trace, int checkEvery) {
    this.stop = stop;
    this.trace = trace;
    this.checkEvery = checkEvery;
  }

  /** The start (update 0): null to go on, or DIVERGED / CONVERGED. */
  Termination start(double[] x, double loss, double pg) {
    trace.record(trace.offset(), loss, pg, 0L, x);
    if (!sane(loss, pg, x)) {
      return Termination.DIVERGED;
    }
    threshold = Math.max(stop.tol(), stop.relTol() * pg);
    lossLimit = DIVERGENCE_FACTOR * Math.max(1.0, loss);
    stallReference = loss;
    return pg <= threshold ? Termination.CONVERGED : null;
  }

  /** The stationarity threshold set by {@link #start}: {@code max(tol, relTol * pg_0)}. */
  double threshold() {
    return threshold;
  }

  /** The divergence limit set by {@link #start}: {@code DIVERGENCE_FACTOR * max(1, f(x_0))}. */
  double lossLimit() {
    return lossLimit;
  }

  /**
   * Whether update {@code k} is one where {@link #check} acts whatever the evaluation: a
   * checkpoint, a stall check or the budget. At any other update it acts only on an
   * evaluation that diverged or reached the threshold.
   */
  boolean scheduled(int k) {
    return k >= stop.maxIter() || trace.isCheckpoint(trace.offset() + k)
        || (stop.stallWindow() > 0 && k % stop.stallWindow() == 0);
  }

  /**
   * The first update after {@code k} that is {@link #scheduled}, given that every scheduled
   * update up to {@code k} has been checked (a checkpoint's record advances the schedule).
   */
  int nextScheduled(int k) {
    long next = stop.maxIter();
    int checkpoint = trace.nextCheckpoint() - trace.offset();
    if (checkpoint > k) {
      next = Math.min(next, checkpoint);
    }
    if (stop.stallWindow() > 0) {
      next = Math.min(next, ((long) k / stop.stallWindow() + 1) * stop.stallWindow());
    }
    if (next <= k) {
      throw new IllegalStateException("no scheduled update after " + k + " (budget " + stop.maxIter() + ")");
    }
    return (int) next;
  }

  /** Whether the solver must evaluate after update {@code k} (k >= 1). */
  boolean due(int k) {
    return k % checkEvery == 0 || scheduled(k);
  }

  /** The evaluation after update {@code k}: null to go on, or why to stop. */
  Termination check(int k, double[] x, double loss, double pg) {
    if (trace.isCheckpoint(trace.offset() + k)) {
      trace.record(trace.offset() + k, loss, pg, System.nanoTime() - t0, x);
    }
    if (!sane(loss, pg, x) || loss > lossLimit) {
      return Termination.DIVERGED;
    }
    if (pg <= threshold) {
      return Termination.CONVERGED;
    }
    if (stop.stallWindow() > 0 && k % stop.stallWindow() == 0) {
      if (stallReference - loss <= stop.stallTol() * Math.abs(loss)) {
        return Termination.STALLED;
      }
      stallReference = loss;
    }
    return k >= stop.maxIter() ? Termination.BUDGET : null;
  }

  /** The result, with the final point recorded in the trace. */
  SolveResult finish(double[] x, double loss, double pg, int k, Termination t) {
    long elapsed = System.nanoTime() - t0;
    trace.record(trace.offset() + k, loss, pg, elapsed, x);
    return new SolveResult(x, loss, pg, k, t, trace, elapsed);
  }

  /** Finite loss, stationarity measure and iterate. */
  private static boolean sane(double loss, double pg, double[] x) {
    return Double.isFinite(loss) && Double.isFinite(pg) && MatOps.allFinite(x);
  }
}

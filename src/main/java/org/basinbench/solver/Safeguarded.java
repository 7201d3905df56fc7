package org.basinbench.solver;

import org.basinbench.rng.SplitMix64;

/**
 * The thresholding {@link Safeguard} around any nonnegative solver. Run it; each time it stops
 * stationary or stalled (CONVERGED or STALLED) with budget left:
 * <ol>
 *   <li>zero the entries in {@code (0, tau)};</li>
 *   <li>if the point has no zero entry, stop: there is nothing to revive;</li>
 *   <li>set every zero entry to {@code perturb |Z|} from the trial's generator, and run again
 *       with the remaining budget;</li>
 *   <li>a run that ends no lower than the best end point so far (relative decrease below
 *       {@link #IMPROVEMENT}) is discarded, and the next event starts again from the best
 *       point; if that point has no entry in {@code (0, tau)} (the truth, with entries 0 and
 *       1, say), the perturbation led back to where it started and the run ends.</li>
 * </ol>
 * At most {@code restarts} events; the best end point is returned.
 * The iteration count and the wall time cover all runs; the trace's last checkpoint is the
 * returned point. Step 3 perturbs every zero entry, not only the newly zeroed ones: at U0 the
 * Q1 rows are zero with a positive gradient, and from a point whose Q1 rows stay zero projected
 * gradient returns to U0; and a dead component (a zero column of U with the matching row of
 * V zero), which multiplicative updates can never leave, is a saddle with zero gradient.
 */
final class Safeguarded {
  /** A rerun must lower the end loss by this relative amount to be kept. */
  static final double IMPROVEMENT = 1e-9;

  private Safeguarded() {}

  /** One run of the inner solver from {@code start} with {@code budget} updates. */
  @FunctionalInterface
  interface Inner {
    SolveResult run(double[] start, int budget, Trace trace);
  }

  static SolveResult solve(Inner inner, double[] x0, int maxIter, Safeguard guard, SplitMix64 rng, Trace trace) {
    int used = 0;
    long nanos = 0;
    SolveResult best = null;
    double[] start = x0.clone();
    for (int event = 0; event <= guard.restarts(); event++) {
      trace.setOffset(used, nanos);
      SolveResult r = inner.run(start, Math.max(1, maxIter - used), trace);
      used += r.iterations();
      nanos += r.wallNanos();
      boolean improved = best == null || r.loss() < best.loss() - IMPROVEMENT * Math.abs(best.loss());
      if (improved) {
        best = r;
      } else if (!hasEntryBelow(best.x(), guard.tau())) {
        // Back to a point the threshold cannot change: another perturbation would only repeat this.
        break;
      }
      boolean stopped = best.termination() == Termination.CONVERGED || best.termination() == Termination.STALLED;
      if (!stopped || event == guard.restarts() || used >= maxIter) {
        break;
      }
      start = best.x().clone();
      boolean anyZero = false;
      for (int i = 0; i < start.length; i++) {
        if (start[i] < guard.tau()) {
          start[i] = 0;
          anyZero = true;
        }
      }
      if (!anyZero) {
        break;
      }
      for (int i = 0; i < start.length; i++) {
        if (start[i] == 0) {
          start[i] = guard.perturb() * rng.nextHalfNormal();
        }
      }
    }
    trace.setOffset(0, 0);
    trace.record(used, best.loss(), best.pgNorm(), nanos, best.x());
    return new SolveResult(best.x(), best.loss(), best.pgNorm(), used, best.termination(), trace, nanos);
  }

  /** Whether some entry lies in {@code (0, tau)}. */
  private static boolean hasEntryBelow(double[] x, double tau) {
    for (double v : x) {
      if (v > 0 && v < tau) {
        return true;
      }
    }
    return false;
  }
}

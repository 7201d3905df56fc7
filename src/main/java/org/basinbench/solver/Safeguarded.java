package org.basinbench.solver;

import org.basinbench.rng.SplitMix64;

/**
 * The thresholding {@link Safeguard} around any nonnegative solver: run it; each time it
 * stops stationary or stalled (CONVERGED or STALLED) at a point with entries in
 * {@code (0, tau)}, zero them, set every zero entry to {@code perturb |Z|} from the trial's
 * generator, and continue with the remaining budget. The iteration count, trace and wall time
 * cover all runs.
 */
final class Safeguarded {
  private Safeguarded() {}

  /** One run of the inner solver from {@code start} with {@code budget} updates. */
  @FunctionalInterface
  interface Inner {
    SolveResult run(double[] start, int budget, Trace trace);
  }

  static SolveResult solve(Inner inner, double[] x0, int maxIter, Safeguard guard, SplitMix64 rng, Trace trace) {
    double[] x = x0.clone();
    int used = 0;
    long nanos = 0;
    SolveResult r = null;
    for (int event = 0; event <= guard.restarts(); event++) {
      trace.setOffset(used, nanos);
      r = inner.run(x, Math.max(1, maxIter - used), trace);
      used += r.iterations();
      nanos += r.wallNanos();
      boolean stopped = r.termination() == Termination.CONVERGED || r.termination() == Termination.STALLED;
      if (!stopped || event == guard.restarts() || used >= maxIter) {
        break;
      }
      x = r.x().clone();
      boolean changed = false;
      for (int i = 0; i < x.length; i++) {
        if (x[i] > 0 && x[i] < guard.tau()) {
          x[i] = 0;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      // Perturb every zero entry, not only the newly zeroed ones: at U0 the Q1 rows are zero
      // with a positive gradient, and from a point whose Q1 rows stay zero PGD returns to U0.
      for (int i = 0; i < x.length; i++) {
        if (x[i] == 0) {
          x[i] = guard.perturb() * rng.nextHalfNormal();
        }
      }
    }
    trace.setOffset(0, 0);
    return new SolveResult(r.x(), r.loss(), r.pgNorm(), used, r.termination(), r.trace(), nanos);
  }
}

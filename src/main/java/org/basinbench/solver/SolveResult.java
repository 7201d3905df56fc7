package org.basinbench.solver;

/**
 * Outcome of one solve. All quantities refer to the returned point x. As for any record with
 * an array component, equals/hashCode compare x by reference, not by content.
 *
 * @param x           final iterate (owned by the result; the solver keeps no reference)
 * @param loss        f(x); may be non-finite when termination is DIVERGED
 * @param pgNorm      stationarity measure at x (see {@link ProjectedGradient#pgNorm});
 *                    may be non-finite when termination is DIVERGED
 * @param iterations  number of updates performed
 * @param termination why the solver stopped
 * @param trace       loss and stationarity at log-spaced checkpoints (and the final update)
 * @param wallNanos   wall time of the solve, in nanoseconds (the one quantity that is not a
 *                    function of the inputs)
 */
public record SolveResult(double[] x, double loss, double pgNorm, int iterations,
             Termination termination, Trace trace, long wallNanos) {
}

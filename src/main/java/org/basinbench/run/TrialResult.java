package org.basinbench.run;

import org.basinbench.solver.Termination;

/**
 * What one trial produced, with the evidence for its label.
 *
 * @param cellIndex the cell's index in its experiment
 * @param trial the trial index within the cell
 * @param seed the trial seed (a pure function of spec seed, grid point and trial index)
 * @param outcome the label; for families without truth a provisional one (never SUCCESS) until
 *     the job compares the loss with the best loss of the instance (see {@code Outcome.bestKnown})
 * @param termination why the solver stopped
 * @param relError {@code ||X - M*||_F / ||M*||_F} of the end point's model X, all entries (NaN
 *     without truth)
 * @param relErrorObserved the same on the observed entries only (NaN without partial observation)
 * @param loss the objective at the end point
 * @param pgNorm the stationarity residual {@code ||min(U, grad f(U))||_F} at the end point
 * @param iterations solver updates performed
 * @param distSpurious {@code ||U U^T - U0 U0^T||_F / ||U0 U0^T||_F}, U0 the catalogued spurious point
 * @param wallNanos the solver's wall time (not reproducible, unlike every other field)
 * @param trace the solver's checkpoints (with iterates when the experiment asks for trajectories)
 * @param segments the curvature of each segment kind the experiment asks for
 * @param trajectory statistics at the checkpoints, or null when trajectories are not asked
 */
public record TrialResult(
    int cellIndex,
    int trial,
    long seed,
    Outcome outcome,
    Termination termination,
    double relError,
    double relErrorObserved,
    double loss,
    double pgNorm,
    int iterations,
    double distSpurious,
    long wallNanos,
    org.basinbench.solver.Trace trace,
    java.util.List<SegmentResult> segments,
    TrajectoryStats trajectory) {}

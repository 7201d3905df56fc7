package org.basinbench.run;

/**
 * Landscape statistics at a trial's checkpoints (the star-convexity paper's Fig. 6), aligned
 * with its trace: at each checkpoint iterate x_t, the cosine between {@code -grad f(x_t)} and
 * {@code x* - x_t} for x* the trial's end point and for the truth, and the curvature of the
 * segment x_t -> x* (end point). NaN where undefined (x_t = x*, a zero gradient, a loss that is
 * not least squares; toward the truth, a problem without one).
 */
public record TrajectoryStats(double[] cosToEnd, double[] cosToTruth, double[] curvatureToEnd) {}

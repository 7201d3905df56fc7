package org.basinbench.solver;

import org.basinbench.objective.Objective;

/**
 * Unconstrained gradient descent with a fixed step, {@code x <- x - step grad f(x)}: the
 * no-constraint baseline (and the method of the rip-half instance). Stationarity is the
 * gradient norm; stopping and tracing as {@link ProjectedGradient}.
 */
public final class GradientDescent {
  private GradientDescent() {}

  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg) {
    return ProjectedGradient.run(f, x0, cfg, false, new Trace(cfg.maxIter(), false));
  }

  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg, Trace trace) {
    return ProjectedGradient.run(f, x0, cfg, false, trace);
  }
}

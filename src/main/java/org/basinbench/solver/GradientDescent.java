package org.basinbench.solver;

import org.basinbench.objective.Objective;

/**
 * Unconstrained gradient descent with a fixed step, {@code x <- x - step grad f(x)}: the
 * solver of unconstrained families (rip-half) and a no-constraint baseline on the others.
 * Stops when {@code ||grad f(x)||_F <= tol} (CONVERGED), after {@code maxIter} updates
 * (BUDGET), or on divergence as {@link ProjectedGradient} does. Reads no ground truth.
 */
public final class GradientDescent {
  private GradientDescent() {}

  /**
   * @param f   objective (its scratch is used)
   * @param x0  start, length f.dim(); not modified
   * @param cfg step, budget and tolerance
   */
  public static SolveResult solve(Objective f, double[] x0, StepConfig cfg) {
    return ProjectedGradient.run(f, x0, cfg, false);
  }
}

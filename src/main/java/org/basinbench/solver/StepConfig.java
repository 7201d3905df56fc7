package org.basinbench.solver;

/**
 * Immutable settings of the fixed-step solvers ({@link ProjectedGradient}, {@link GradientDescent}).
 *
 * @param step    fixed step size eta, > 0 and finite
 * @param maxIter update budget, >= 1
 * @param tol     stationarity tolerance, >= 0: on the KKT residual {@link ProjectedGradient#pgNorm}
 *                for projected gradient, on the gradient norm for gradient descent
 *                (0 means run the whole budget unless an exact KKT point is hit)
 */
public record StepConfig(double step, int maxIter, double tol) implements java.io.Serializable {

  /**
   * @throws IllegalArgumentException naming the offending field and its allowed range
   */
  public StepConfig {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be > 0 and finite, got " + step);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
    }
    if (!(tol >= 0)) {
      throw new IllegalArgumentException("tol must be >= 0, got " + tol);
    }
  }

  /** @param newStep the new step @return a copy with step replaced */
  public StepConfig withStep(double newStep) {
    return new StepConfig(newStep, maxIter, tol);
  }

  /** @param newMaxIter the new budget @return a copy with maxIter replaced */
  public StepConfig withMaxIter(int newMaxIter) {
    return new StepConfig(step, newMaxIter, tol);
  }

  /** @param newTol the new tolerance @return a copy with tol replaced */
  public StepConfig withTol(double newTol) {
    return new StepConfig(step, maxIter, newTol);
  }
}

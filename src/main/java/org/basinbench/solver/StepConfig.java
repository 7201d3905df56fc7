package org.basinbench.solver;

import java.util.Objects;

/**
 * Immutable settings of the gradient solvers ({@link ProjectedGradient}, {@link GradientDescent},
 * {@link ArmijoProjectedGradient}).
 *
 * @param step fixed step size eta (the first trial step for Armijo), > 0 and finite
 * @param stop budget and stopping rules; the tolerance applies to the KKT residual
 *     {@link ProjectedGradient#pgNorm} for projected gradient, to the gradient norm for
 *     gradient descent
 * @param alternating whether to update the blocks of a factored variable ({@code [L; R]}) one
 *     after the other, each with the gradient at the current point, instead of jointly
 */
public record StepConfig(double step, Stopping stop, boolean alternating) implements Budget, java.io.Serializable {

  /** @throws IllegalArgumentException naming the offending field and its allowed range */
  public StepConfig {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be > 0 and finite, got " + step);
    }
    Objects.requireNonNull(stop, "stop");
  }

  /** Joint updates, budget and absolute tolerance only. */
  public StepConfig(double step, int maxIter, double tol) {
    this(step, Stopping.of(maxIter, tol), false);
  }

  public int maxIter() {
    return stop.maxIter();
  }

  public double tol() {
    return stop.tol();
  }

  /** @param newStep the new step @return a copy with step replaced */
  public StepConfig withStep(double newStep) {
    return new StepConfig(newStep, stop, alternating);
  }

  /** @param newMaxIter the new budget @return a copy with maxIter replaced */
  public StepConfig withMaxIter(int newMaxIter) {
    return new StepConfig(step, stop.withMaxIter(newMaxIter), alternating);
  }
}

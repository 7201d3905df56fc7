package org.basinbench.solver;

/**
 * Immutable settings of {@link Subgradient}.
 *
 * @param step initial step eta_0, > 0 and finite
 * @param decay geometric decay q in (0, 1]: eta_t = eta_0 q^t
 * @param maxIter update budget, >= 1
 * @param project whether to project onto the nonnegative orthant after each step
 */
public record SubgradientConfig(double step, double decay, int maxIter, boolean project)
    implements Budget, java.io.Serializable {
  public SubgradientConfig {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be a finite number > 0, got " + step);
    }
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
    }
  }
}

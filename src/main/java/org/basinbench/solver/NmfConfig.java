package org.basinbench.solver;

/**
 * Immutable settings of the NMF solvers {@link MultiplicativeUpdates} and {@link Hals}.
 *
 * @param eps denominator guard of the multiplicative updates (> 0; unused by HALS): it keeps
 *     the ratio finite where the denominator vanishes, and is also why an entry that reaches
 *     exactly zero can never leave it (multiplicative updates cannot revive a zero)
 * @param maxIter iteration budget (MU: updates of both factors; HALS: sweeps), >= 1
 * @param tol tolerance on the KKT residual {@code ||min(x, grad f(x))||_F}, >= 0
 */
public record NmfConfig(double eps, int maxIter, double tol) implements java.io.Serializable {
  public NmfConfig {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
    }
    if (!(tol >= 0)) {
      throw new IllegalArgumentException("tol must be >= 0, got " + tol);
    }
  }
}

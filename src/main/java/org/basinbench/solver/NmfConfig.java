package org.basinbench.solver;

import java.util.Objects;

/**
 * Immutable settings of the NMF solvers {@link MultiplicativeUpdates} and {@link Hals}.
 *
 * @param eps denominator guard of the multiplicative updates (> 0; unused by HALS): it keeps
 *     the ratio finite where the denominator vanishes, and is also why an entry that reaches
 *     exactly zero can never leave it (multiplicative updates cannot revive a zero)
 * @param stop budget (MU: updates of both factors; HALS: sweeps) and stopping rules; the
 *     tolerance applies to the KKT residual {@code ||min(x, grad f(x))||_F}
 */
public record NmfConfig(double eps, Stopping stop) implements Budget, java.io.Serializable {
  /** The default MU denominator guard: MU divides by sums that vanish where a factor column is all zero. */
  public static final double DEFAULT_EPS = 1e-12;

  public NmfConfig {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
    }
    Objects.requireNonNull(stop, "stop");
  }

  /** Budget and absolute tolerance only. */
  public NmfConfig(double eps, int maxIter, double tol) {
    this(eps, Stopping.of(maxIter, tol));
  }

  public int maxIter() {
    return stop.maxIter();
  }

  public double tol() {
    return stop.tol();
  }
}

package org.basinbench.spec;

import java.io.Serializable;

/**
 * How a trial's end point is labelled.
 *
 * @param relError a trial is a {@code SUCCESS} when {@code ||U U^T - M*||_F / ||M*||_F <= relError}
 * @param spuriousDist a stationary end point is {@code SPURIOUS} when its relative distance
 *     {@code ||U U^T - U0 U0^T||_F / ||U0 U0^T||_F} to a catalogued spurious point is at most this
 * @param lossGap for families without a truth (real data): a trial is a {@code SUCCESS} when
 *     {@code loss - best <= lossGap * best}, best the smallest loss any trial of the experiment
 *     reached on the same instance (the best-known rule, {@code Outcome.bestKnown})
 */
public record SuccessCriteria(double relError, double spuriousDist, double lossGap) implements Serializable {
  public static final double DEFAULT_REL_ERROR = 1e-3;
  public static final double DEFAULT_SPURIOUS_DIST = 1e-3;
  /**
   * 1e-3: between how closely runs that reach the same minimum agree and how far apart distinct
   * minima are. Measured on the UCI digits (1797 x 64, r = 10, scaled; 6 starts each): HALS
   * (2000 sweeps) and Armijo PGD (2000 iterations) end at the best loss in 2 of 6 runs each,
   * agreeing to 1e-11 relative, and every other converged end point is 0.86% to 2.8% worse,
   * a distinct local minimum; MU, slower, is within 2e-4 of the best after 5000 updates in its
   * best run. A gap of 1e-3 counts that run and no distinct minimum.
   */
  public static final double DEFAULT_LOSS_GAP = 1e-3;

  /** The criteria of the families with a truth (lossGap at its default). */
  public SuccessCriteria(double relError, double spuriousDist) {
    this(relError, spuriousDist, DEFAULT_LOSS_GAP);
  }
}

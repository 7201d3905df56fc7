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
   * 1e-3: far above how closely runs that reach one minimum agree, below the gap to all but
   * the nearest other minimum. Measured on the UCI digits (1797 x 64, r = 10, scaled): 18
   * HALS and 6 Armijo PGD runs ended at separate loss levels, the best (6 runs, agreeing to
   * 1e-11 relative), one 2.9e-4 above it (2 runs), and others 0.86% to 3.6% above; MU's best
   * run was 2e-4 above the best after 5000 updates. So 1e-3 counts the best, the near-best
   * minimum and a slow MU run that almost reached them as successes, and every minimum at
   * least 0.86% worse as a failure; the trials' loss_gap column allows a stricter threshold.
   */
  public static final double DEFAULT_LOSS_GAP = 1e-3;

  /** The criteria of the families with a truth (lossGap at its default). */
  public SuccessCriteria(double relError, double spuriousDist) {
    this(relError, spuriousDist, DEFAULT_LOSS_GAP);
  }
}

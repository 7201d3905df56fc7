package org.basinbench.run;

import org.basinbench.solver.Termination;
import org.basinbench.spec.SuccessCriteria;

/** The label of a trial's end point. Every trial gets exactly one. */
public enum Outcome {
  /** Recovered the truth: relative error at most the spec's threshold. */
  SUCCESS,
  /** Stationary, not a success, and within the spec's distance of a catalogued spurious point. */
  SPURIOUS,
  /** Stationary, but neither the truth nor a catalogued spurious point. */
  STATIONARY_OTHER,
  /**
   * The solver stopped before the stationarity tolerance was met: the budget ran out, or the
   * stall rule fired (the {@code termination} column says which).
   */
  NOT_CONVERGED,
  /** The loss or the iterate became non-finite or exploded. */
  DIVERGED;

  /**
   * Labels an end point. Order matters: divergence first (its errors are meaningless), then
   * success (an accurate end point counts whatever stopped the solver), then stationarity.
   *
   * @param termination why the solver stopped
   * @param relError {@code ||U U^T - M*||_F / ||M*||_F}
   * @param distSpurious relative distance to the nearest catalogued spurious point (NaN: none)
   * @param criteria the spec's thresholds
   */
  public static Outcome classify(Termination termination, double relError, double distSpurious,
      SuccessCriteria criteria) {
    if (termination == Termination.DIVERGED || !Double.isFinite(relError)) {
      return DIVERGED;
    }
    if (relError <= criteria.relError()) {
      return SUCCESS;
    }
    if (termination == Termination.CONVERGED) {
      return distSpurious <= criteria.spuriousDist() ? SPURIOUS : STATIONARY_OTHER;
    }
    return NOT_CONVERGED;
  }

  /**
   * The label of a trial on a problem without truth (real data): never {@link #SUCCESS}, as
   * there is no truth to compare the end point with, and never {@link #SPURIOUS}: nothing is
   * catalogued.
   *
   * @param termination why the solver stopped
   * @param loss the loss at the end point
   * @param finitePoint whether every entry of the end point is finite
   */
  public static Outcome withoutTruth(Termination termination, double loss, boolean finitePoint) {
    if (termination == Termination.DIVERGED || !Double.isFinite(loss) || !finitePoint) {
      return DIVERGED;
    }
    return termination == Termination.CONVERGED ? STATIONARY_OTHER : NOT_CONVERGED;
  }

  /** Failure means anything but {@link #SUCCESS}. */
  public boolean isFailure() {
    return this != SUCCESS;
  }
}

package org.basinbench.run;

import org.basinbench.solver.Termination;
import org.basinbench.spec.SuccessCriteria;

/** The label of a trial's end point. Every trial gets exactly one. */
public enum Outcome {
  /**
   * Recovered the truth: relative error at most the spec's threshold. Without a truth (real
   * data): the loss is within the spec's relative gap of the best loss found (see
   * {@link #bestKnown}).
   */
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
   * The provisional label of a trial on a problem without truth (real data), before the best
   * loss of its experiment is known: never {@link #SUCCESS}, which only
   * {@link #bestKnown(Outcome, double, double, double)} can give. {@link #SPURIOUS} is
   * impossible: nothing is catalogued.
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

  /**
   * The best-known rule for problems without truth: a trial that did not diverge is a
   * {@link #SUCCESS} when its loss is within the relative gap {@code lossGap} of {@code best},
   * the smallest finite loss any non-diverged trial of the experiment reached on the same
   * instance (all solvers and starting-point laws): {@code loss - best <= lossGap * best}
   * (losses are >= 0, so when best = 0 this asks for loss = 0). Otherwise the provisional label
   * stands: {@link #STATIONARY_OTHER} when the solver converged elsewhere, {@link #NOT_CONVERGED}
   * when it stopped first, {@link #DIVERGED}.
   *
   * @param provisional the label from {@link #withoutTruth}
   * @param loss the trial's loss (NaN when not finite)
   * @param best the best-known loss (NaN when no trial of the instance has a finite loss)
   * @param lossGap the spec's {@code success.lossGap}
   */
  public static Outcome bestKnown(Outcome provisional, double loss, double best, double lossGap) {
    if (provisional == DIVERGED) {
      return DIVERGED;
    }
    return Double.isFinite(loss) && Double.isFinite(best) && loss - best <= lossGap * best ? SUCCESS : provisional;
  }

  /**
   * The relative excess of a loss over the best known, {@code (loss - best) / best}: 0 for the
   * best trial itself; when best = 0, 0 for loss = 0 and +infinity otherwise; NaN when either is
   * not finite.
   */
  public static double lossGap(double loss, double best) {
    if (!Double.isFinite(loss) || !Double.isFinite(best)) {
      return Double.NaN;
    }
    if (best == 0) {
      return loss == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
    return (loss - best) / best;
  }
}

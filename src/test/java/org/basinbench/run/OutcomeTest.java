package org.basinbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.solver.Termination;
import org.basinbench.spec.SuccessCriteria;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  static final SuccessCriteria C = new SuccessCriteria(1e-3, 1e-2);

  @Test
  void divergenceComesFirst() {
    assertEquals(Outcome.DIVERGED, Outcome.classify(Termination.DIVERGED, 0.0, 0.0, C));
    assertEquals(Outcome.DIVERGED, Outcome.classify(Termination.CONVERGED, Double.NaN, 0.0, C));
    assertEquals(Outcome.DIVERGED, Outcome.classify(Termination.BUDGET, Double.POSITIVE_INFINITY, 0.0, C));
  }

  @Test
  void accurateEndPointsAreSuccessesWhateverStoppedTheSolver() {
    assertEquals(Outcome.SUCCESS, Outcome.classify(Termination.CONVERGED, 1e-3, 5.0, C));
    assertEquals(Outcome.SUCCESS, Outcome.classify(Termination.BUDGET, 5e-4, 5.0, C));
  }

  @Test
  void stationaryFailuresAreSplitByDistanceToTheCataloguedPoint() {
    assertEquals(Outcome.SPURIOUS, Outcome.classify(Termination.CONVERGED, 0.9, 1e-2, C));
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.classify(Termination.CONVERGED, 0.9, 2e-2, C));
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.classify(Termination.CONVERGED, 0.9, Double.NaN, C));
  }

  @Test
  void budgetSpentAwayFromTheTruthIsNotConverged() {
    assertEquals(Outcome.NOT_CONVERGED, Outcome.classify(Termination.BUDGET, 0.9, 0.0, C));
  }

  /** Without truth the runner's label is provisional: never a success, never spurious. */
  @Test
  void withoutTruthTheProvisionalLabelFollowsTheTermination() {
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.withoutTruth(Termination.CONVERGED, 0.1, true));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.withoutTruth(Termination.BUDGET, 0.1, true));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.withoutTruth(Termination.STALLED, 0.1, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.DIVERGED, 0.1, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.CONVERGED, Double.NaN, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.BUDGET, 0.1, false), "a non-finite end point");
  }

  /** The best-known rule: loss - best <= lossGap * best, whatever stopped the solver. */
  @Test
  void bestKnownRuleComparesTheLossWithTheBest() {
    double best = 2.0;
    double gap = 1e-3;
    assertEquals(Outcome.SUCCESS, Outcome.bestKnown(Outcome.NOT_CONVERGED, best, best, gap), "the best itself");
    assertEquals(Outcome.SUCCESS, Outcome.bestKnown(Outcome.STATIONARY_OTHER, 2.002, best, gap), "at the gap");
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.bestKnown(Outcome.STATIONARY_OTHER, 2.0021, best, gap));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.bestKnown(Outcome.NOT_CONVERGED, 2.0021, best, gap));
    assertEquals(Outcome.DIVERGED, Outcome.bestKnown(Outcome.DIVERGED, best, best, gap), "divergence stays");
    assertEquals(Outcome.NOT_CONVERGED, Outcome.bestKnown(Outcome.NOT_CONVERGED, Double.NaN, best, gap));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.bestKnown(Outcome.NOT_CONVERGED, 1.0, Double.NaN, gap),
        "no best known: no success");
    // best = 0 (an exact factorization): only an exact fit is a success.
    assertEquals(Outcome.SUCCESS, Outcome.bestKnown(Outcome.STATIONARY_OTHER, 0.0, 0.0, gap));
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.bestKnown(Outcome.STATIONARY_OTHER, 1e-300, 0.0, gap));
    // lossGap = 0: only trials at the best loss itself.
    assertEquals(Outcome.SUCCESS, Outcome.bestKnown(Outcome.NOT_CONVERGED, best, best, 0.0));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.bestKnown(Outcome.NOT_CONVERGED, Math.nextUp(best), best, 0.0));
  }

  @Test
  void lossGapIsTheRelativeExcessOverTheBest() {
    assertEquals(0.0, Outcome.lossGap(2.0, 2.0), 0.0);
    assertEquals(0.5, Outcome.lossGap(3.0, 2.0), 0.0);
    assertEquals(0.0, Outcome.lossGap(0.0, 0.0), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, Outcome.lossGap(1.0, 0.0), 0.0);
    assertTrue(Double.isNaN(Outcome.lossGap(Double.NaN, 2.0)));
    assertTrue(Double.isNaN(Outcome.lossGap(1.0, Double.NaN)));
  }
}

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

  /** Without truth nothing is a success or spurious: the label follows the termination. */
  @Test
  void withoutTruthTheProvisionalLabelFollowsTheTermination() {
    assertEquals(Outcome.STATIONARY_OTHER, Outcome.withoutTruth(Termination.CONVERGED, 0.1, true));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.withoutTruth(Termination.BUDGET, 0.1, true));
    assertEquals(Outcome.NOT_CONVERGED, Outcome.withoutTruth(Termination.STALLED, 0.1, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.DIVERGED, 0.1, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.CONVERGED, Double.NaN, true));
    assertEquals(Outcome.DIVERGED, Outcome.withoutTruth(Termination.BUDGET, 0.1, false), "a non-finite end point");
  }

  @Test
  void onlySuccessIsNotAFailure() {
    for (Outcome o : Outcome.values()) {
      assertEquals(o != Outcome.SUCCESS, o.isFailure());
    }
    assertFalse(Outcome.SUCCESS.isFailure());
    assertTrue(Outcome.SPURIOUS.isFailure());
  }
}

package org.basinbench.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.RipHalf;
import org.basinbench.objective.IdentityOperator;
import org.junit.jupiter.api.Test;

class RipTest {
  /** Eigenvalues of small symmetric matrices agree with closed forms to rounding. */
  static final double TOL = 1e-12;

  @Test
  void theorem2SpectrumIsOnePlusMinusDeltaAndOnes() {
    for (double[] c : new double[][] {{4, 1, 2, 0.5, 0.5}, {5, 2, 3, 0.4, 0.7}, {3, 1, 1, 0.9, 0.5}}) {
      NonnegCounterexample inst = new NonnegCounterexample((int) c[0], (int) c[1], (int) c[2], c[3], c[4]);
      double[] ev = Rip.symmetricGramEigenvalues(inst.operator());
      double delta = inst.delta();
      assertEquals(1 - delta, ev[0], TOL);
      assertEquals(1 + delta, ev[ev.length - 1], TOL);
      for (int i = 1; i < ev.length - 1; i++) {
        assertEquals(1.0, ev[i], TOL, "Lemma 3: all other eigenvalues are 1");
      }
      assertEquals(delta, Rip.unscaledDelta(ev), TOL);
    }
  }

  @Test
  void ripHalfHasDeltaOneHalfAfterScaling() {
    // On symmetric 2 x 2 matrices the Gram of (A1, A2, A3) has eigenvalues {1, 3, 3}; the
    // operator used here carries a factor sqrt 2, which doubles them and leaves the scaled
    // constant (3 - 1)/(3 + 1) = 1/2.
    double[] ev = Rip.symmetricGramEigenvalues(RipHalf.problemOperator());
    assertEquals(2.0, ev[0], TOL);
    assertEquals(6.0, ev[1], TOL);
    assertEquals(6.0, ev[2], TOL);
    assertEquals(RipHalf.DELTA, Rip.scaledDelta(ev), TOL);
  }

  @Test
  void identityIsAnIsometry() {
    double[] ev = Rip.symmetricGramEigenvalues(new IdentityOperator(5));
    assertEquals(0.0, Rip.unscaledDelta(ev), TOL);
  }

  @Test
  void sampledRestrictedDeltaIsALowerBound() {
    // The identity is an isometry on every matrix; the Theorem 2 constant is exact over all
    // symmetric matrices, so sampling rank-2 matrices can only find less.
    org.basinbench.rng.SplitMix64 rng = new org.basinbench.rng.SplitMix64(8);
    assertEquals(0.0, Rip.sampledRankDelta(new IdentityOperator(4), 2, 200, rng), TOL);
    NonnegCounterexample c = new NonnegCounterexample(4, 1, 1, 0.8, 0.5);
    double sampled = Rip.sampledRankDelta(c.operator(), 2, 2000, rng);
    org.junit.jupiter.api.Assertions.assertTrue(sampled <= c.delta() + TOL && sampled > 0, sampled + " vs " + c.delta());
  }
}

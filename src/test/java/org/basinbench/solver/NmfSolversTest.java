package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.Problem;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class NmfSolversTest {
  static Problem planted(long seed, double p) {
    return new PlantedNmf(30, 20, 3, 3, PlantedNmf.HALF_NORMAL, 1.0, p, 0.0).draw(new SplitMix64(seed));
  }

  static double[] halfNormal(SplitMix64 rng, int len, double scale) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = scale * rng.nextHalfNormal();
    }
    return x;
  }

  /**
   * MU and HALS read the data and mask themselves, so a loss scale c (the real-data loss is a
   * mean over the entries, c = 1/N) changes nothing in their iterates: with the budget as the
   * only rule (tol 0), both end at bit-identical points for c = 1 and c = 1/N, and report c
   * times the loss.
   */
  @Test
  void multiplicativeUpdatesAndHalsIgnoreTheLossScale() {
    for (int k = 0; k < 4; k++) {
      MaskedFactorLoss f = (MaskedFactorLoss) planted(700 + k, k % 2 == 0 ? 1.0 : 0.7).objective();
      double c = 1.0 / f.terms();
      MaskedFactorLoss scaled = new MaskedFactorLoss(f.n(), f.m(), f.r(), f.copyTarget(),
          k % 2 == 0 ? null : f.copyMask(), c);
      double[] x0 = halfNormal(new SplitMix64(800 + k), f.dim(), 0.5);
      SolveResult[][] runs = {
        {MultiplicativeUpdates.solve(f, x0, new NmfConfig(1e-12, 300, 0.0)),
            MultiplicativeUpdates.solve(scaled, x0, new NmfConfig(1e-12, 300, 0.0))},
        {Hals.solve(f, x0, new NmfConfig(1e-12, 30, 0.0)), Hals.solve(scaled, x0, new NmfConfig(1e-12, 30, 0.0))},
      };
      for (SolveResult[] pair : runs) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(pair[0].x(), pair[1].x(), 0.0, "instance " + k);
        assertEquals(pair[0].iterations(), pair[1].iterations());
        assertEquals(c * pair[0].loss(), pair[1].loss(), 1e-14 * pair[1].loss());
      }
    }
  }

  /**
   * Lee and Seung's auxiliary-function argument: each multiplicative update does not increase
   * the (masked) Frobenius loss. Checked step by step over 1000 updates on 20 seeded planted
   * instances, half of them with 70% of the entries observed. The slack (1e-12 relative)
   * covers the rounding of one loss evaluation; eps = 1e-12 in the denominators perturbs the
   * update by far less.
   */
  @Test
  void multiplicativeUpdatesNeverIncreaseTheLoss() {
    NmfConfig one = new NmfConfig(1e-12, 1, 0.0);
    for (int k = 0; k < 20; k++) {
      MaskedFactorLoss f = (MaskedFactorLoss) planted(100 + k, k % 2 == 0 ? 1.0 : 0.7).objective();
      double[] x = halfNormal(new SplitMix64(500 + k), f.dim(), 0.5);
      double previous = f.value(x);
      for (int t = 0; t < 1000; t++) {
        SolveResult r = MultiplicativeUpdates.solve(f, x, one);
        assertTrue(r.loss() <= previous * (1 + 1e-12), "instance " + k + ", update " + t + ": " + r.loss() + " > "
            + previous);
        previous = r.loss();
        x = r.x();
      }
    }
  }

  /** Lin (2007): every accepted Armijo step satisfies f(x+) - f(x) <= sigma g^T (x+ - x). */
  @Test
  void everyAcceptedArmijoStepSatisfiesSufficientDecrease() {
    SplitMix64 rng = new SplitMix64(7);
    Problem[] problems = {planted(1, 1.0), planted(2, 0.7),
        new NonnegCounterexample(4, 1, 2, 0.6, 0.5).symmetricProblem()};
    for (Problem p : problems) {
      double[] x0 = halfNormal(rng, p.objective().dim(), 0.5);
      for (boolean alternating : new boolean[] {false, true}) {
        double[] slack = new double[2];
        SolveResult r = ArmijoProjectedGradient.solve(p.objective(), x0,
            new StepConfig(1.0, Stopping.of(500, 1e-9), alternating), new Trace(500, false), slack);
        assertTrue(slack[1] > 10, "steps were accepted: " + slack[1]);
        // Rounding slack: the test compares loss values of order one, exact to ~1e-15.
        assertTrue(slack[0] >= -1e-12, "a step violated the test by " + slack[0]);
        assertTrue(r.iterations() > 0);
      }
    }
  }

  /**
   * The scikit-learn trap: a tolerance relative to the initial scale stops far random starts
   * at once. Here tolerances are absolute on the KKT residual, so from a start 100 times too
   * large MU and HALS keep iterating and make real progress.
   *
   * <p>Armijo projected gradient does stop at once there, for another reason, which this test
   * pins down: its first trial step already clips every entry to zero, the jump passes the
   * sufficient-decrease test (f(0) = ||X||^2/2 is far below the start's loss), and larger
   * steps give the same point, so it accepts the origin, an exact KKT point of NMF (zero
   * gradient) and a saddle. The classifier labels such end points STATIONARY_OTHER.
   */
  @Test
  void farStartsDoNotStopAtOnceButArmijoMayClipToTheOrigin() {
    Problem p = planted(3, 1.0);
    MaskedFactorLoss f = (MaskedFactorLoss) p.objective();
    double[] far = halfNormal(new SplitMix64(9), f.dim(), 100.0);
    double start = f.value(far);
    for (SolveResult r : new SolveResult[] {
        MultiplicativeUpdates.solve(f, far, new NmfConfig(1e-12, 2000, 1e-8)),
        Hals.solve(f, far, new NmfConfig(1e-12, 200, 1e-8))}) {
      assertTrue(r.iterations() > 10, "stopped after " + r.iterations());
      assertTrue(r.loss() < 1e-4 * start, "loss " + r.loss() + " from " + start);
    }
    SolveResult armijo = ArmijoProjectedGradient.solve(f, far, new StepConfig(1.0, 2000, 1e-8));
    assertEquals(Termination.CONVERGED, armijo.termination());
    assertEquals(1, armijo.iterations());
    assertEquals(0.0, org.basinbench.linalg.MatOps.normF(armijo.x()), 0.0, "clipped to the origin");
  }

  @Test
  void halsAndMuStartFromTheProjectionAndReportTheirPoint() {
    Problem p = planted(4, 0.7);
    MaskedFactorLoss f = (MaskedFactorLoss) p.objective();
    double[] x0 = halfNormal(new SplitMix64(11), f.dim(), 0.5);
    x0[0] = -1;
    for (SolveResult r : new SolveResult[] {MultiplicativeUpdates.solve(f, x0, new NmfConfig(1e-12, 20, 0)),
        Hals.solve(f, x0, new NmfConfig(1e-12, 20, 0))}) {
      assertEquals(f.value(r.x()), r.loss(), 0.0, "the loss is that of the returned point");
      for (double v : r.x()) {
        assertTrue(v >= 0);
      }
      assertEquals(20, r.iterations());
      assertEquals(Termination.BUDGET, r.termination());
    }
    assertEquals(-1, x0[0], 0.0, "x0 not modified");
  }

  /**
   * Split-gradient MU keeps Zhang's U0 = alpha Q2 exactly: in the Q2 rows both parts of the
   * gradient vanish and the guarded ratio is 1; the other rows are zero and stay zero.
   */
  @Test
  void splitGradientMuKeepsTheSpuriousPoint() {
    NonnegCounterexample c = new NonnegCounterexample(5, 1, 2, 0.6, 0.5);
    org.basinbench.objective.SymmetricSensingLoss f =
        (org.basinbench.objective.SymmetricSensingLoss) c.symmetricProblem().objective();
    double[] u0 = c.spuriousFactor();
    SolveResult r = MultiplicativeUpdates.solveSymmetric(f, u0, new NmfConfig(1e-12, 100, 0.0));
    org.junit.jupiter.api.Assertions.assertArrayEquals(u0, r.x(), 0.0);
  }

  /**
   * With full observation the damped symmetric update recovers the truth of the delta = 0
   * control from nearby starts; checked on 20 seeded starts 0.1 away.
   */
  @Test
  void dampedSymmetricMuRecoversTheIdentityControl() {
    Problem p = NonnegCounterexample.identityControl(5, 1, 2, Double.NaN);
    org.basinbench.objective.SymmetricSensingLoss f = (org.basinbench.objective.SymmetricSensingLoss) p.objective();
    SplitMix64 rng = new SplitMix64(12);
    for (int k = 0; k < 20; k++) {
      double[] x = p.truthPoint();
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.abs(x[i] + 0.1 * rng.nextGaussian());
      }
      SolveResult r = MultiplicativeUpdates.solveSymmetric(f, x, new NmfConfig(1e-12, 20000, 1e-10));
      double[] model = new double[25];
      p.model(r.x(), model);
      assertEquals(0.0, org.basinbench.linalg.MatOps.distF(model, p.truthModel()), 1e-4, "start " + k);
    }
  }

  /**
   * Multiplicative updates cannot leave an exact zero: a start whose third component is dead
   * (column 3 of U and row 3 of V zero) stays rank 2 forever, and MU ends at best at a rank-2
   * fit. With the safeguard (threshold 1e-6, which no entry of a converged planted fit comes near,
   * and the stall rule to notice the plateau), the zero entries are perturbed when MU stalls and
   * the dead component revives. Measured on 20 planted 30 x 20 rank-3 instances: plain MU
   * recovers none, safeguarded MU 20; the threshold 16 leaves room for an unlucky instance.
   */
  @Test
  void theSafeguardRevivesAComponentThatMultiplicativeUpdatesCannot() {
    int plain = 0;
    int guarded = 0;
    for (int k = 0; k < 20; k++) {
      Problem p = planted(600 + k, 1.0);
      MaskedFactorLoss f = (MaskedFactorLoss) p.objective();
      double[] x0 = halfNormal(new SplitMix64(800 + k), f.dim(), 0.5);
      for (int row = 0; row < f.n() + f.m(); row++) {
        x0[row * 3 + 2] = 0;
      }
      NmfConfig cfg = new NmfConfig(1e-12, new Stopping(100_000, 1e-9, 0, 1000, 1e-7));
      SolveResult a = MultiplicativeUpdates.solve(f, x0, cfg);
      for (int row = 0; row < f.n() + f.m(); row++) {
        assertEquals(0.0, a.x()[row * 3 + 2], "a zero stays zero under MU");
      }
      if (TraceAndStoppingTest.relError(p, a.x()) <= 1e-3) {
        plain++;
      }
      SolveResult b = MultiplicativeUpdates.solve(f, x0, cfg, new Safeguard(1e-6, 1e-2, 5), new SplitMix64(k),
          new Trace(cfg.maxIter(), false));
      if (TraceAndStoppingTest.relError(p, b.x()) <= 1e-3) {
        guarded++;
      }
    }
    assertEquals(0, plain, "no dead component revives without the safeguard");
    assertTrue(guarded >= 16, "safeguarded MU recovered " + guarded + " of 20");
  }

  /**
   * Alternating block updates (L, then R with the gradient at the new L) recover planted
   * 30 x 20 rank-3 instances as joint updates do: measured 99 of 100 for fixed-step pgd
   * (step 0.01) and 98 of 100 for Armijo; 18 of 20 required here.
   */
  @Test
  void alternatingBlockUpdatesRecoverPlantedNmf() {
    int fixed = 0;
    int armijo = 0;
    for (int k = 0; k < 20; k++) {
      Problem p = planted(200 + k, 1.0);
      double[] x0 = halfNormal(new SplitMix64(210 + k), p.objective().dim(), 0.5);
      StepConfig cfg = new StepConfig(0.01, Stopping.of(20_000, 1e-9), true);
      if (TraceAndStoppingTest.relError(p, ProjectedGradient.solve(p.objective(), x0, cfg).x()) <= 1e-3) {
        fixed++;
      }
      SolveResult a = ArmijoProjectedGradient.solve(p.objective(), x0, cfg.withStep(1.0).withMaxIter(5000));
      if (TraceAndStoppingTest.relError(p, a.x()) <= 1e-3) {
        armijo++;
      }
    }
    assertTrue(fixed >= 18, "fixed step recovered " + fixed + " of 20");
    assertTrue(armijo >= 18, "Armijo recovered " + armijo + " of 20");
  }
}

package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.SymmetricSensingLoss;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class ProjectedGradientTest {

  /** Instance with a nonempty Z block (n > r + r*) and r > r*. */
  private static final NonnegCounterexample OVER = new NonnegCounterexample(5, 1, 2, 0.6, 0.3);

  /** Exactly parameterised instance (r = r*), where U* = Q1 is the unique nonnegative factor. */
  private static final NonnegCounterexample EXACT = new NonnegCounterexample(4, 2, 2, 0.4, 0.5);

  /**
   * Fixed step for the convergence tests. The Theorem 2 operator has ||A^T A|| <= 1 + delta
   * globally (Lemma 3), and (9) gives the Hessian bound
   * L(U) <= (1 + delta)(6 ||U||_F^2 + 2 ||M*||_F). Those tests stay near Q1 or U0
   * (||U||_F^2 <= 2.5, ||M*||_F <= sqrt 2, delta < 0.6), so L <= 29 and eta = 0.05 is inside
   * the stability range eta < 2/L of fixed-step gradient descent.
   */
  private static final double SAFE_STEP = 0.05;

  /** Stationarity tolerance for the convergence tests: far below any basin-scale quantity. */
  private static final double KKT_TOL = 1e-10;

  /**
   * Distance to the limit point after convergence: near a strict local minimum with
   * curvature >= 2 alpha^2 on the cone, ||U - U_lim|| <= pgNorm / mu up to constants, so
   * pgNorm <= 1e-10 gives ~1e-9; 1e-8 leaves a factor 10 for constants.
   */
  private static final double LIMIT_DIST_TOL = 1e-8;

  private static final StepConfig CFG = new StepConfig(SAFE_STEP, 20_000, KKT_TOL);

  private static double[] halfNormal(SplitMix64 rng, int len, double scale) {
    final double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = scale * rng.nextHalfNormal();
    }
    return x;
  }

  /** Q1 padded with r - r* zero columns (n x r): U* U*^T = Q1 Q1^T. */
  private static double[] paddedTruth(NonnegCounterexample inst) {
    final int n = inst.n();
    final int r = inst.r();
    final double[] q1 = inst.truthFactor();
    final double[] u = new double[n * r];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < inst.rStar(); j++) {
        u[i * r + j] = q1[i * inst.rStar() + j];
      }
    }
    return u;
  }

  @Test
  void spuriousPointIsAFixedPoint() {
    for (NonnegCounterexample inst : new NonnegCounterexample[] {OVER, EXACT}) {
      final double[] u0 = inst.spuriousFactor();
      final SolveResult res = ProjectedGradient.solve(inst.loss(), u0, CFG);
      assertEquals(Termination.CONVERGED, res.termination());
      assertEquals(0, res.iterations());
      assertArrayEquals(u0, res.x(), 0.0);
      assertEquals(0.0, res.pgNorm(), 0.0);
      final double a4 = Math.pow(inst.alpha(), 4);
      assertEquals((inst.rStar() - a4 * inst.r()) / 2, res.loss(), 1e-14);
      assertNotSame(u0, res.x());
    }
  }

  /**
   * The solve above stops at iteration 0 (its residual is already 0), so take the step by
   * hand: for every step size, max(0, U0 - step grad f(U0)) == U0 exactly, because the
   * gradient is zero on the support of U0 and positive (2 alpha^3 eps) where U0 is zero.
   */
  @Test
  void oneProjectedStepFromTheSpuriousPointReturnsItForEveryStep() {
    for (NonnegCounterexample inst : new NonnegCounterexample[] {OVER, EXACT}) {
      final double[] u0 = inst.spuriousFactor();
      final double[] grad = new double[u0.length];
      inst.loss().valueAndGradient(u0, grad);
      for (double step : new double[] {1e-4, 0.05, 1.0, 100.0}) {
        final double[] next = new double[u0.length];
        for (int i = 0; i < u0.length; i++) {
          next[i] = Math.max(0.0, u0[i] - step * grad[i]);
        }
        assertArrayEquals(u0, next, 0.0, "step " + step);
      }
      // And through the solver with a zero tolerance and a budget: it takes no step away.
      final SolveResult res = ProjectedGradient.solve(inst.loss(), u0, new StepConfig(0.05, 50, 0.0));
      assertArrayEquals(u0, res.x(), 0.0);
    }
  }

  @Test
  void spuriousPointAttractsNearbyNonnegativeStarts() {
    // Lemma 4 made operational: U0 is a strict local minimum, so PGD from a small
    // nonnegative perturbation returns to it instead of reaching the global minimum.
    final SplitMix64 rng = new SplitMix64(701);
    for (NonnegCounterexample inst : new NonnegCounterexample[] {OVER, EXACT}) {
      final double[] u0 = inst.spuriousFactor();
      for (int t = 0; t < 3; t++) {
        final double[] x0 = u0.clone();
        final double[] bump = halfNormal(rng, x0.length, 1e-2);
        for (int i = 0; i < x0.length; i++) {
          x0[i] += bump[i];
        }
        final SolveResult res = ProjectedGradient.solve(inst.loss(), x0, CFG);
        assertEquals(Termination.CONVERGED, res.termination(), inst.toString());
        assertTrue(MatOps.distF(res.x(), u0) < LIMIT_DIST_TOL,
            "distance to U0 " + MatOps.distF(res.x(), u0) + " for " + inst);
        assertTrue(res.loss() > 0.1, "stuck at a spurious value, loss " + res.loss());
      }
    }
  }

  @Test
  void groundTruthConvergesImmediately() {
    for (NonnegCounterexample inst : new NonnegCounterexample[] {OVER, EXACT}) {
      final double[] uStar = paddedTruth(inst);
      final SolveResult res = ProjectedGradient.solve(inst.loss(), uStar, CFG);
      assertEquals(Termination.CONVERGED, res.termination());
      assertEquals(0, res.iterations());
      assertEquals(0.0, res.loss(), 0.0);
      assertArrayEquals(uStar, res.x(), 0.0);
    }
  }

  @Test
  void startNearGroundTruthConvergesToIt() {
    final SplitMix64 rng = new SplitMix64(702);
    final double[] q1 = EXACT.truthFactor();
    for (int t = 0; t < 3; t++) {
      final double[] x0 = q1.clone();
      final double[] bump = halfNormal(rng, x0.length, 5e-2);
      for (int i = 0; i < x0.length; i++) {
        x0[i] += bump[i];
      }
      final SolveResult res = ProjectedGradient.solve(EXACT.loss(), x0, CFG);
      assertEquals(Termination.CONVERGED, res.termination());
      // ||Q1||_F = sqrt(r*), so this is a relative error.
      final double rel = MatOps.distF(res.x(), q1) / MatOps.normF(q1);
      assertTrue(rel < LIMIT_DIST_TOL, "relative error " + rel);
    }
  }

  @Test
  void overparameterisedStartNearGroundTruthRecoversTheMatrix() {
    // With r > r* the factor is not unique (columns of Q1 can be split), so compare
    // U U^T with Q1 Q1^T. Overparameterisation makes the local rate sublinear (about
    // 2.4e-4 after the 20k-step budget here), hence the loose bound: 1e-3 relative still
    // separates the truth from U0 U0^T, whose relative distance is O(1).
    final SplitMix64 rng = new SplitMix64(703);
    final double matrixRelTol = 1e-3;
    final int n = OVER.n();
    final double[] x0 = paddedTruth(OVER);
    final double[] bump = halfNormal(rng, x0.length, 5e-2);
    for (int i = 0; i < x0.length; i++) {
      x0[i] += bump[i];
    }
    final SolveResult res = ProjectedGradient.solve(OVER.loss(), x0,
        new StepConfig(SAFE_STEP, 20_000, 1e-9));
    final double[] uut = new double[n * n];
    MatOps.multABt(res.x(), res.x(), n, n, OVER.r(), uut);
    final double[] mStar = OVER.truthMatrix();
    final double rel = MatOps.distF(uut, mStar) / MatOps.normF(mStar);
    assertTrue(rel < matrixRelTol, "relative matrix error " + rel + ", " + res.termination());
  }

  @Test
  void lossIsNonIncreasingForASmallStep() {
    final SplitMix64 rng = new SplitMix64(704);
    final SymmetricSensingLoss f = OVER.loss();
    final double[] start = halfNormal(rng, f.dim(), 0.7);
    // Step from a Hessian bound on the initial sublevel set {f <= f0}: there
    // (1 - delta) ||U U^T - M*||_F^2 <= 2 f0 (Lemma 3), so
    // ||U||_F^2 = tr(U U^T) <= sqrt(r) (||M*||_F + sqrt(2 f0 / (1 - delta))) =: T and
    // L <= (1 + delta)(6 T + 2 ||M*||_F). eta = 1/(2L) (factor 2 for the segment between
    // iterates) gives f(U+) <= f(U) - ||U+ - U||^2 / (2 eta) + L ||U+ - U||^2 / 2 <= f(U).
    final double f0 = f.value(start);
    final double delta = OVER.delta();
    final double normMStar = MatOps.normF(OVER.truthMatrix());
    final double t = Math.sqrt(OVER.r()) * (normMStar + Math.sqrt(2 * f0 / (1 - delta)));
    final double lBound = (1 + delta) * (6 * t + 2 * normMStar);
    final StepConfig oneStep = new StepConfig(0.5 / lBound, 1, 0.0);
    final int steps = 300;
    double[] x = start.clone();
    double prev = f0;
    for (int k = 0; k < steps; k++) {
      final SolveResult res = ProjectedGradient.solve(f, x, oneStep);
      assertEquals(1, res.iterations());
      assertEquals(Termination.BUDGET, res.termination());
      // Allow only the rounding of f itself (~1e-16 |f| per evaluation).
      assertTrue(res.loss() <= prev + 1e-14 * Math.max(1.0, prev),
          "loss rose at step " + k + ": " + prev + " -> " + res.loss());
      prev = res.loss();
      x = res.x();
    }
    // Chaining single-step solves is bit-identical to one multi-step solve.
    final SolveResult whole = ProjectedGradient.solve(f, start, oneStep.withMaxIter(steps));
    assertEquals(steps, whole.iterations());
    assertArrayEquals(x, whole.x(), 0.0);
    assertEquals(prev, whole.loss(), 0.0);
    assertTrue(prev < 0.9 * f0, "too little progress: " + f0 + " -> " + prev);
  }

  @Test
  void hugeStepFromAFarStartIsReportedAsDiverged() {
    // Mass on the Q1 rows only: the Theorem 2 operator couples tr(Q1^T X Q1) to the
    // Q1-Q2 block with coefficient -eps alpha^2, so the Q2 rows get a negative gradient of
    // order eps alpha^2 ||U_Q1||^2 sum(U_Q1); a huge step pushes them up (the projection
    // cannot clip an increase) and the quartic loss explodes.
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = new double[f.dim()];
    for (int j = 0; j < OVER.r(); j++) {
      x0[j] = 10.0; // row 0 = the single Q1 row
    }
    final double f0 = f.value(x0);
    final SolveResult res = ProjectedGradient.solve(f, x0, new StepConfig(1e3, 1000, 1e-12));
    assertEquals(Termination.DIVERGED, res.termination());
    assertTrue(res.iterations() >= 1 && res.iterations() < 1000);
    assertTrue(!Double.isFinite(res.loss())
            || res.loss() > ProjectedGradient.DIVERGENCE_FACTOR * Math.max(1.0, f0),
        "loss " + res.loss());
  }

  @Test
  void overshootThatClipsEverythingLandsOnTheZeroKktPoint() {
    // Pinned behaviour that outcome classifiers must know about: from a uniform far start
    // every gradient entry is positive, a huge step clips the whole iterate to U = 0, and
    // U = 0 is an exact first-order KKT point (grad f(0) = 0), so PGD reports CONVERGED
    // there with f(0) = 1/2 ||A(M*)||^2, not DIVERGED. (U = 0 is not second-order
    // critical: Zhang 2025, Lemma 11 for delta = 0.)
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = new double[f.dim()];
    java.util.Arrays.fill(x0, 10.0);
    final SolveResult res = ProjectedGradient.solve(f, x0, new StepConfig(1e3, 1000, 1e-12));
    assertEquals(Termination.CONVERGED, res.termination());
    assertEquals(1, res.iterations());
    assertEquals(0.0, MatOps.normF(res.x()), 0.0);
    assertEquals(f.value(new double[f.dim()]), res.loss(), 0.0);
  }

  @Test
  void nonFiniteStartIsDivergedNotAnException() {
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = new double[f.dim()];
    x0[3] = Double.NaN;
    final SolveResult res = ProjectedGradient.solve(f, x0, CFG);
    assertEquals(Termination.DIVERGED, res.termination());
    assertEquals(0, res.iterations());
  }

  @Test
  void budgetIsRespected() {
    final SplitMix64 rng = new SplitMix64(705);
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = halfNormal(rng, f.dim(), 1.0);
    final SolveResult res = ProjectedGradient.solve(f, x0, new StepConfig(SAFE_STEP, 7, 0.0));
    assertEquals(Termination.BUDGET, res.termination());
    assertEquals(7, res.iterations());
  }

  @Test
  void reportedLossAndPgNormAreThoseOfTheReturnedPoint() {
    final SplitMix64 rng = new SplitMix64(706);
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = halfNormal(rng, f.dim(), 1.0);
    final SolveResult res = ProjectedGradient.solve(f, x0, new StepConfig(SAFE_STEP, 25, 0.0));
    final double[] g = new double[f.dim()];
    assertEquals(f.valueAndGradient(res.x(), g), res.loss(), 0.0);
    assertEquals(ProjectedGradient.pgNorm(res.x(), g), res.pgNorm(), 0.0);
  }

  @Test
  void startIsProjectedAndNotModified() {
    final SplitMix64 rng = new SplitMix64(707);
    final SymmetricSensingLoss f = OVER.loss();
    final double[] x0 = new double[f.dim()];
    for (int i = 0; i < x0.length; i++) {
      x0[i] = rng.nextGaussian();
    }
    final double[] copy = x0.clone();
    final double[] projected = new double[x0.length];
    for (int i = 0; i < x0.length; i++) {
      projected[i] = Math.max(0.0, x0[i]);
    }
    final StepConfig cfg = new StepConfig(SAFE_STEP, 50, 0.0);
    final SolveResult a = ProjectedGradient.solve(f, x0, cfg);
    assertArrayEquals(copy, x0, 0.0);
    final SolveResult b = ProjectedGradient.solve(f, projected, cfg);
    assertArrayEquals(b.x(), a.x(), 0.0);
    for (double v : a.x()) {
      assertTrue(v >= 0.0);
    }
  }

  @Test
  void identicalInputsGiveBitIdenticalResults() {
    final double[] x0 = halfNormal(new SplitMix64(708), OVER.n() * OVER.r(), 1.0);
    final StepConfig cfg = new StepConfig(SAFE_STEP, 500, 0.0);
    final SolveResult a = ProjectedGradient.solve(OVER.loss(), x0, cfg);
    final SolveResult b = ProjectedGradient.solve(OVER.loss(), x0.clone(), cfg);
    assertEquals(a.iterations(), b.iterations());
    assertEquals(a.termination(), b.termination());
    assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()));
    assertEquals(Double.doubleToRawLongBits(a.pgNorm()), Double.doubleToRawLongBits(b.pgNorm()));
    for (int i = 0; i < a.x().length; i++) {
      assertEquals(Double.doubleToRawLongBits(a.x()[i]), Double.doubleToRawLongBits(b.x()[i]));
    }
  }

  @Test
  void pgNormIsTheNaturalResidual() {
    // KKT point: x_i g_i = 0 with x, g >= 0.
    assertEquals(0.0, ProjectedGradient.pgNorm(new double[] {0, 2, 0}, new double[] {3, 0, 0}), 0.0);
    // min(x, g) = (-1, 0.5, 0): a negative gradient on a free coordinate, a positive one
    // on a positive coordinate.
    assertEquals(Math.sqrt(1.25),
        ProjectedGradient.pgNorm(new double[] {1, 0.5, 0}, new double[] {-1, 4, 7}), 1e-16);
    // Equals ||x - max(0, x - g)||.
    final SplitMix64 rng = new SplitMix64(709);
    final double[] x = halfNormal(rng, 20, 1.0);
    final double[] g = new double[20];
    final double[] res = new double[20];
    for (int i = 0; i < 20; i++) {
      g[i] = rng.nextGaussian();
      res[i] = x[i] - Math.max(0.0, x[i] - g[i]);
    }
    assertEquals(MatOps.normF(res), ProjectedGradient.pgNorm(x, g), 1e-15);
    assertTrue(Double.isNaN(ProjectedGradient.pgNorm(new double[] {Double.NaN}, new double[] {1})));
  }
}

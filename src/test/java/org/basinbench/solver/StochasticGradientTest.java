package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.instance.GaussianSensing;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.Problem;
import org.basinbench.instance.RipHalf;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.StochasticObjective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class StochasticGradientTest {

  static Problem[] stochasticProblems() {
    return new Problem[] {
      RipHalf.problem(),
      new NonnegCounterexample(4, 1, 2, 0.6, 0.5).symmetricProblem(),
      new NonnegCounterexample(4, 1, 2, 0.6, 0.5).asymmetricProblem(0.3),
      NonnegCounterexample.identityControl(3, 1, 2, Double.NaN),
      new GaussianSensing(4, 1, 2, 12).draw(new SplitMix64(3)),
      new PlantedNmf(6, 5, 2, 2, PlantedNmf.HALF_NORMAL, 1.0, 0.6, 0.05).draw(new SplitMix64(4)),
    };
  }

  /**
   * The minibatch gradient is an unbiased estimate: the batch of every term is the full
   * gradient, and the single-term gradients average to it (N terms, each scaled by N).
   */
  @Test
  void minibatchGradientsAverageToTheFullGradient() {
    SplitMix64 rng = new SplitMix64(11);
    for (Problem p : stochasticProblems()) {
      StochasticObjective f = (StochasticObjective) p.objective();
      double[] x = new double[f.dim()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
      }
      double[] full = new double[f.dim()];
      f.valueAndGradient(x, full);
      int n = f.terms();
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = n - 1 - i;
      }
      double[] g = new double[f.dim()];
      f.batchGradient(x, all, n, g);
      double scale = Math.max(1, MatOps.normF(full));
      assertArrayEquals(full, g, 1e-12 * scale, "full batch of " + f.getClass().getSimpleName());
      double[] mean = new double[f.dim()];
      for (int i = 0; i < n; i++) {
        f.batchGradient(x, new int[] {i}, 1, g);
        for (int k = 0; k < g.length; k++) {
          mean[k] += g[k] / n;
        }
      }
      assertArrayEquals(full, mean, 1e-12 * scale * n, "mean of single terms of " + f.getClass().getSimpleName());
    }
  }

  @Test
  void batchesAreDrawnFromTheGivenGeneratorOnly() {
    Problem p = new GaussianSensing(4, 1, 1, 12).draw(new SplitMix64(3));
    StochasticObjective f = (StochasticObjective) p.objective();
    double[] x0 = NmfSolversTest.halfNormal(new SplitMix64(1), f.dim(), 0.5);
    SgdConfig cfg = new SgdConfig(0.005, 3, Stopping.of(500, 0));
    SolveResult a = StochasticGradient.solve(f, x0, cfg, new SplitMix64(9));
    SolveResult b = StochasticGradient.solve(f, x0, cfg, new SplitMix64(9));
    SolveResult c = StochasticGradient.solve(f, x0, cfg, new SplitMix64(10));
    assertArrayEquals(a.x(), b.x(), 0.0);
    assertTrue(MatOps.distF(a.x(), c.x()) > 0, "another seed, other batches");
    assertEquals(f.value(a.x()), a.loss(), 0.0);
  }

  /**
   * SGD on the rip-half instance from Gaussian starts (batch 1 of the 3 measurements, step
   * 0.003, 10,000 steps) recovers the truth in about 93% of runs (1857 of 2000 measured); the
   * failures are starts still in the slow valley of the degenerate point x_bad. Over 200 seeded
   * starts, at least 85% is well inside the binomial spread of a 93% rate.
   */
  @Test
  void sgdRecoversTheRipHalfTruthFromMostGaussianStarts() {
    Problem p = RipHalf.problem();
    StochasticObjective f = (StochasticObjective) p.objective();
    SgdConfig cfg = new SgdConfig(0.003, 1, Stopping.of(10_000, 1e-8));
    int ok = 0;
    for (int t = 0; t < 200; t++) {
      SplitMix64 rng = new SplitMix64(1000 + t);
      double[] x0 = {rng.nextGaussian(), rng.nextGaussian()};
      SolveResult r = StochasticGradient.solve(f, x0, cfg, rng);
      if (TraceAndStoppingTest.relError(p, r.x()) <= 1e-3) {
        ok++;
      }
    }
    assertTrue(ok >= 170, "recovered " + ok + " of 200");
  }

  /**
   * Entrywise minibatches on planted NMF: batches of 60 of the 600 entries, step 0.01, recover
   * every one of 100 planted 30 x 20 rank-3 instances in a measured run; 18 of 20 here.
   */
  @Test
  void sgdOnEntriesRecoversPlantedNmf() {
    int ok = 0;
    for (int k = 0; k < 20; k++) {
      Problem p = NmfSolversTest.planted(300 + k, 1.0);
      StochasticObjective f = (StochasticObjective) p.objective();
      double[] x0 = NmfSolversTest.halfNormal(new SplitMix64(400 + k), f.dim(), 0.5);
      SolveResult r = StochasticGradient.solve(f, x0, new SgdConfig(0.01, 60, Stopping.of(100_000, 1e-9)),
          new SplitMix64(500 + k));
      if (TraceAndStoppingTest.relError(p, r.x()) <= 1e-3) {
        ok++;
      }
    }
    assertTrue(ok >= 18, "recovered " + ok + " of 20");
  }
}

package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.landscape.Certificates;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** Zhang (2025), Lemma 9: the asymmetric problem inherits the spurious point alpha [Q2; Q2]. */
class Lemma9Test {
  static final NonnegCounterexample[] CASES = {
    new NonnegCounterexample(4, 1, 2, 0.5, 0.5),
    new NonnegCounterexample(6, 2, 3, 0.4, 0.7),
    new NonnegCounterexample(3, 1, 1, 0.9, 0.5),
  };

  /** Gradients agree to rounding of a few n x n products of order-one entries. */
  static final double TOL = 1e-13;

  @Test
  void gradientAtTheStackedSpuriousPointIsHalfTheSymmetricOne() {
    for (NonnegCounterexample c : CASES) {
      for (double lambda : new double[] {0.0, 0.25, 1.0}) {
        Objective g = c.asymmetricProblem(lambda).objective();
        Objective f = c.symmetricProblem().objective();
        double[] u0 = c.spuriousFactor();
        double[] gradF = new double[u0.length];
        f.valueAndGradient(u0, gradF);
        double[] gradG = new double[2 * u0.length];
        double gValue = g.valueAndGradient(FactorProblems.stack(u0, u0), gradG);
        for (int i = 0; i < u0.length; i++) {
          assertEquals(gradF[i] / 2, gradG[i], TOL);
          assertEquals(gradF[i] / 2, gradG[u0.length + i], TOL);
        }
        // D = L^T L - R^T R = 0 at L = R, so g equals f there: (rStar - alpha^4 r)/2.
        assertEquals((c.rStar() - Math.pow(c.alpha(), 4) * c.r()) / 2, gValue, TOL);
      }
    }
  }

  /**
   * Lemma 9's curvature bound min(4 lambda, 1) alpha^2 ||dU||^2 on random directions of the
   * critical cone (both blocks in C(U0, grad f(U0)): Q1 rows zero, off-diagonal entries of
   * the Q2 block and the rows below nonnegative). The second derivative along a line of a
   * quartic is exact from the five-point stencil with h = 1 (its error term is the sixth
   * derivative), up to rounding.
   */
  @Test
  void curvatureOnTheCriticalConeIsAtLeastTheBound() {
    SplitMix64 rng = new SplitMix64(2025);
    for (NonnegCounterexample c : CASES) {
      for (double lambda : new double[] {0.0, 0.1, 0.25, 1.0}) {
        Objective g = c.asymmetricProblem(lambda).objective();
        double[] x0 = FactorProblems.stack(c.spuriousFactor(), c.spuriousFactor());
        double mu = Math.min(4 * lambda, 1) * c.alpha() * c.alpha();
        for (int k = 0; k < 200; k++) {
          double[] d = FactorProblems.stack(coneDirection(c, rng), coneDirection(c, rng));
          double norm2 = 0;
          for (double v : d) {
            norm2 += v * v;
          }
          double q = Certificates.secondDerivative(g, x0, d);
          assertTrue(q >= mu * norm2 - 1e-10 * Math.max(1, norm2), "lambda=" + lambda + ": " + q + " < " + mu * norm2);
        }
      }
    }
  }

  /** A random direction of C(U0, grad f(U0)) (Lemma 4's proof). */
  static double[] coneDirection(NonnegCounterexample c, SplitMix64 rng) {
    int n = c.n();
    int r = c.r();
    double[] d = new double[n * r];
    for (int i = c.rStar(); i < n; i++) {
      for (int j = 0; j < r; j++) {
        boolean diagonalOfY = i - c.rStar() == j;
        double z = rng.nextGaussian();
        d[i * r + j] = diagonalOfY ? z : Math.abs(z);
      }
    }
    return d;
  }
}

package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.SymmetricSensingLoss;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.ProjectedGradient;
import org.junit.jupiter.api.Test;

/** Zhang 2025, Lemma 4: first- and second-order sufficient conditions at U0 = alpha Q2. */
class Lemma4Test {

  /**
   * Closed forms at U0 and Q1 involve a handful of exact-ish operations on O(1) numbers
   * (alpha, eps <= 1, n <= 7): rounding is a few ulps, so 1e-13 absolute.
   */
  private static final double CLOSED_FORM_TOL = 1e-13;

  /**
   * Hessian quadratic form vs the proof's closed form 2 alpha^2 (||Y||^2 + <Y,Y^T> + ||Z||^2)
   * on O(1) directions: sums of O(n^2) products, rounding ~1e-15 relative; 1e-12 relative.
   */
  private static final double QUAD_REL_TOL = 1e-12;

  /**
   * Richardson-extrapolated second difference of the quartic t -> f(U0 + t dU) with h = 1e-3
   * is exact up to rounding ~ 5 * 1e-16 * |f| / h^2 = 5e-10 |f|; 1e-6 relative to
   * max(1, |q|) is comfortably above that and far below any O(1) formula error.
   */
  private static final double FD_REL_TOL = 1e-6;

  /** Number of random critical-cone directions per instance. */
  private static final int DIRECTIONS = 50;

  /** (n, rStar, r, alpha, eps); several have rows below Q2 so Z is nonempty. */
  private static final Object[][] CASES = {
    {2, 1, 1, 0.5, 0.5},
    {4, 1, 2, 0.6, 0.3},
    {5, 2, 3, 0.4, 0.7},
    {6, 1, 4, 0.3, 1.0},
    {7, 2, 3, 0.5, 0.2},
  };

  private static NonnegCounterexample instance(Object[] c) {
    return Theorem2OperatorTest.instance(c);
  }

  @Test
  void gradientAtSpuriousPointIsTwoAlphaCubedEpsOnTheQ1Rows() {
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int n = inst.n();
      final int r = inst.r();
      final double alpha = inst.alpha();
      final double expectedTop = 2 * alpha * alpha * alpha * inst.epsilon();
      final SymmetricSensingLoss f = inst.loss();
      final double[] u0 = inst.spuriousFactor();
      final double[] grad = new double[n * r];
      final double loss = f.valueAndGradient(u0, grad);
      final String tag = Arrays.toString(c);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < r; j++) {
          final double expected = i < inst.rStar() ? expectedTop : 0.0;
          assertEquals(expected, grad[i * r + j], CLOSED_FORM_TOL,
              "grad(" + i + "," + j + ") for " + tag);
        }
      }
      // KKT (6): grad >= 0 (checked above entrywise) and <grad, U0> = 0.
      assertEquals(0.0, MatOps.dot(grad, u0), CLOSED_FORM_TOL, tag);
      assertEquals(0.0, ProjectedGradient.pgNorm(u0, grad), CLOSED_FORM_TOL, tag);
      // f(U0) = (r* - alpha^4 r) / 2 > 0 = f(U*): spurious.
      final double a4 = alpha * alpha * alpha * alpha;
      final double expectedLoss = (inst.rStar() - a4 * r) / 2.0;
      assertEquals(expectedLoss, loss, CLOSED_FORM_TOL, tag);
      assertEquals(expectedLoss, f.value(u0), CLOSED_FORM_TOL, tag);
      assertTrue(loss > 0, tag);
    }
  }

  @Test
  void sAtSpuriousPointMatchesLemma4() {
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int n = inst.n();
      final int rs = inst.rStar();
      final int k = rs + inst.r();
      final double a2 = inst.alpha() * inst.alpha();
      final double eps = inst.epsilon();
      // S = alpha^2 [[beta I, eps 11^T, 0], [eps 11^T, 0, 0], [0, 0, 0]],
      // beta = alpha^2 r / r* - alpha^-2.
      final double beta = a2 * inst.r() / rs - 1.0 / a2;
      final double[] s = new double[n * n];
      inst.loss().sMatrix(inst.spuriousFactor(), s);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          final boolean iQ1 = i < rs;
          final boolean jQ1 = j < rs;
          final boolean iQ2 = i >= rs && i < k;
          final boolean jQ2 = j >= rs && j < k;
          double expected = 0.0;
          if (iQ1 && jQ1 && i == j) {
            expected = a2 * beta;
          } else if ((iQ1 && jQ2) || (iQ2 && jQ1)) {
            expected = a2 * eps;
          }
          assertEquals(expected, s[i * n + j], CLOSED_FORM_TOL,
              "S(" + i + "," + j + ") for " + Arrays.toString(c));
        }
      }
    }
  }

  @Test
  void groundTruthIsAGlobalMinimumWithZeroGradient() {
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int n = inst.n();
      final int r = inst.r();
      // U* = Q1 padded with r - r* zero columns, so U* U*^T = Q1 Q1^T.
      final double[] q1 = inst.truthFactor();
      final double[] uStar = new double[n * r];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < inst.rStar(); j++) {
          uStar[i * r + j] = q1[i * inst.rStar() + j];
        }
      }
      final double[] grad = new double[n * r];
      assertEquals(0.0, inst.loss().valueAndGradient(uStar, grad), 0.0);
      assertEquals(0.0, MatOps.normF(grad), 0.0);
    }
  }

  /** A random dU in C(U0, grad f(U0)): zero Q1 rows, Y off-diagonals >= 0, Z >= 0. */
  private static double[] coneDirection(NonnegCounterexample inst, SplitMix64 rng,
                     double[] yOut, double[] zOut) {
    final int n = inst.n();
    final int r = inst.r();
    final int rs = inst.rStar();
    final double[] du = new double[n * r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        final double v = (i == j) ? rng.nextGaussian() : rng.nextHalfNormal();
        yOut[i * r + j] = v;
        du[(rs + i) * r + j] = v;
      }
    }
    for (int i = 0; i < n - rs - r; i++) {
      for (int j = 0; j < r; j++) {
        final double v = rng.nextHalfNormal();
        zOut[i * r + j] = v;
        du[(rs + r + i) * r + j] = v;
      }
    }
    return du;
  }

  @Test
  void curvatureOnCriticalConeIsAtLeastTwoAlphaSquared() {
    final SplitMix64 rng = new SplitMix64(404);
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int r = inst.r();
      final double a2 = inst.alpha() * inst.alpha();
      final SymmetricSensingLoss f = inst.loss();
      final double[] u0 = inst.spuriousFactor();
      final double[] y = new double[r * r];
      final double[] z = new double[Math.max(0, (inst.n() - inst.rStar() - r) * r)];
      for (int t = 0; t < DIRECTIONS; t++) {
        final double[] du = coneDirection(inst, rng, y, z);
        final double q = f.hessianQuadraticForm(u0, du);
        final double normDu2 = MatOps.dot(du, du);
        final String tag = Arrays.toString(c) + " direction " + t;
        // Lemma 4: q >= 2 alpha^2 ||dU||^2.
        assertTrue(q >= 2 * a2 * normDu2 * (1 - QUAD_REL_TOL),
            "q = " + q + " < 2 alpha^2 ||dU||^2 = " + 2 * a2 * normDu2 + " for " + tag);
        // The proof's exact value: 2 alpha^2 (||Y||^2 + <Y, Y^T> + ||Z||^2).
        double yyt = 0.0;
        for (int i = 0; i < r; i++) {
          for (int j = 0; j < r; j++) {
            yyt += y[i * r + j] * y[j * r + i];
          }
        }
        final double closedForm = 2 * a2 * (MatOps.dot(y, y) + yyt + MatOps.dot(z, z));
        assertEquals(closedForm, q, QUAD_REL_TOL * closedForm, tag);
      }
    }
  }

  @Test
  void hessianQuadraticFormAtSpuriousPointMatchesSecondDifference() {
    final SplitMix64 rng = new SplitMix64(405);
    final double h = 1e-3;
    for (Object[] c : CASES) {
      final NonnegCounterexample inst = instance(c);
      final int r = inst.r();
      final SymmetricSensingLoss f = inst.loss();
      final double[] u0 = inst.spuriousFactor();
      final double[] y = new double[r * r];
      final double[] z = new double[Math.max(0, (inst.n() - inst.rStar() - r) * r)];
      for (int t = 0; t < 5; t++) {
        final double[] du = coneDirection(inst, rng, y, z);
        final double q = f.hessianQuadraticForm(u0, du);
        final double fd = richardsonSecondDifference(f, u0, du, h);
        assertEquals(q, fd, FD_REL_TOL * Math.max(1.0, Math.abs(q)), Arrays.toString(c));
      }
    }
  }

  /**
   * For the quartic p(t) = f(U + t dU), D(h) = (p(h) - 2p(0) + p(-h)) / h^2 = p''(0) + 2 c4 h^2
   * exactly, so (4 D(h) - D(2h)) / 3 = p''(0) up to rounding.
   */
  static double richardsonSecondDifference(SymmetricSensingLoss f, double[] u, double[] du,
                                             double h) {
    final double p0 = f.value(u);
    final double dh = (valueAlong(f, u, du, h) - 2 * p0 + valueAlong(f, u, du, -h)) / (h * h);
    final double d2h = (valueAlong(f, u, du, 2 * h) - 2 * p0 + valueAlong(f, u, du, -2 * h))
        / (4 * h * h);
    return (4 * dh - d2h) / 3;
  }

  static double valueAlong(SymmetricSensingLoss f, double[] u, double[] du, double t) {
    final double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = u[i] + t * du[i];
    }
    return f.value(x);
  }

  @Test
  void directionOutsideTheConeCanHaveSmallerCurvature() {
    // Negative control (shows the cone constraint is what the bound needs): a skew Y with
    // a negative off-diagonal entry gives Y + Y^T = 0, so q = 2 alpha^2 (||Y||^2 - ||Y||^2) = 0.
    final NonnegCounterexample inst = new NonnegCounterexample(4, 1, 2, 0.6, 0.3);
    final double[] du = new double[4 * 2];
    du[1 * 2 + 1] = 1.0;  // Y(0,1) = +1
    du[2 * 2 + 0] = -1.0; // Y(1,0) = -1, outside the cone
    final double q = inst.loss().hessianQuadraticForm(inst.spuriousFactor(), du);
    assertEquals(0.0, q, CLOSED_FORM_TOL);
    assertTrue(q < 2 * 0.36 * MatOps.dot(du, du));
  }
}

package org.basinbench.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.instance.GaussianSensing;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.Problem;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.SegmentResiduals;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class LineCurvatureTest {

  /** One problem per operator kind: identity, Theorem 2 (symmetric and asymmetric), Gaussian, mask. */
  static Problem[] problems() {
    return new Problem[] {
      NonnegCounterexample.identityControl(4, 1, 2, Double.NaN),
      new NonnegCounterexample(5, 1, 2, 0.6, 0.5).symmetricProblem(),
      new NonnegCounterexample(5, 1, 2, 0.6, 0.5).asymmetricProblem(0.3),
      new GaussianSensing(4, 1, 2, 15).draw(new SplitMix64(5)),
      new PlantedNmf(7, 6, 2, 3, PlantedNmf.HALF_NORMAL, 1.0, 0.6, 0.05).draw(new SplitMix64(6)),
    };
  }

  static double[] random(SplitMix64 rng, int dim) {
    double[] x = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = rng.nextHalfNormal();
    }
    return x;
  }

  static double[] along(double[] a, double[] b, double lambda) {
    double[] x = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = (1 - lambda) * a[i] + lambda * b[i];
    }
    return x;
  }

  /**
   * The quartic from six inner products is the loss along the segment (at 5 points it fixes the
   * quartic), and its closed-form l'' is the central second difference of the loss.
   */
  @Test
  void theQuarticIsTheLossAndItsSecondDerivativeTheSecondDifference() {
    SplitMix64 rng = new SplitMix64(17);
    for (Problem p : problems()) {
      SegmentResiduals f = (SegmentResiduals) p.objective();
      String what = f.getClass().getSimpleName() + " " + p.objective().dim();
      for (int rep = 0; rep < 3; rep++) {
        double[] a = random(rng, f.dim());
        double[] b = random(rng, f.dim());
        LineCurvature c = LineCurvature.of(f, a, b);
        for (double lambda : new double[] {0, 0.25, 0.5, 0.75, 1}) {
          double direct = f.value(along(a, b, lambda));
          assertEquals(direct, c.loss(lambda), 1e-12 * Math.max(1, Math.abs(direct)), what + " l(" + lambda + ")");
        }
        double h = 1e-3;
        for (double lambda : new double[] {0.1, 0.37, 0.5, 0.9}) {
          double fd = (f.value(along(a, b, lambda + h)) - 2 * f.value(along(a, b, lambda))
              + f.value(along(a, b, lambda - h))) / (h * h);
          // The central difference of a quartic errs by h^2 l''''/12 = h^2 |R2|^2 exactly, plus
          // the rounding of three loss values divided by h^2.
          double tol = h * h * c.r22() * 1.01 + 1e-9 * Math.max(1, c.loss(lambda)) / (h * h);
          assertEquals(fd, c.secondDerivative(lambda), tol, what + " l''(" + lambda + ")");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 10_000; k++) {
          min = Math.min(min, c.secondDerivative(k / 10_000.0));
        }
        assertTrue(c.curvature() <= min + 1e-12 * Math.abs(min));
        assertTrue(c.curvature() >= min - 1e-6 * Math.max(1, Math.abs(min)), "the minimum over [0, 1]");
      }
    }
  }

  /**
   * The paper's example (Section 3): X* = u* v* = 0 with (u1, v1) = (1, 0) and (u*, v*) =
   * (0, 1); along the segment the model is lambda (1 - lambda), and l'' at lambda = 1/2 is -1/2.
   */
  @Test
  void thePapersExampleIsNotStarConvex() {
    MaskedFactorLoss f = new MaskedFactorLoss(1, 1, 1, new double[] {0}, null);
    LineCurvature c = LineCurvature.of(f, new double[] {1, 0}, new double[] {0, 1});
    assertEquals(-0.5, c.secondDerivative(0.5), 1e-15);
    assertEquals(-0.5, c.curvature(), 1e-15, "the vertex of l'' = 1 - 6 lambda + 6 lambda^2");
    assertTrue(!c.convex());
  }

  /** With one factor fixed the model is linear along the segment: the loss is a convex quadratic. */
  @Test
  void aSegmentWithALinearModelHasConstantPositiveCurvature() {
    MaskedFactorLoss f = new MaskedFactorLoss(2, 2, 1, new double[] {1, 2, 3, 4}, null);
    double[] a = {1, 2, 0.5, 1};
    double[] b = {1, 2, 3, -1};
    LineCurvature c = LineCurvature.of(f, a, b);
    // R1 = u (v_b - v_a)^T, |R1|^2 = |u|^2 |dv|^2 = 5 * (6.25 + 4); R2 = 0.
    assertEquals(0.0, c.r22());
    assertEquals(5 * 10.25, c.curvature(), 1e-12);
    assertEquals(c.curvature(), c.secondDerivative(0.3), 1e-12);
    assertTrue(c.convex());
  }

  /**
   * Theorem 1 of the star-convexity paper on its Figure 1 setting: planted 100 x 100 rank-10
   * half-normal instances, a random half-normal point (the same law), the segment to the
   * planted factors. Measured: convex in 100 of 100 draws, the curvature from 6.5e4 to 1.4e5
   * (median 9.2e4), all far from 0. The theorem gives probability >= 1 - c1 exp(-c2 n^(1/3)); 95 of 100 is
   * the bar.
   */
  @Test
  void randomToTruthSegmentsOfPlantedNmfAreConvex() {
    int convex = 0;
    for (int k = 0; k < 100; k++) {
      Problem p = new PlantedNmf(100, 100, 10, 10, PlantedNmf.HALF_NORMAL, 1.0, 1.0, 0.0).draw(new SplitMix64(k));
      SegmentResiduals f = (SegmentResiduals) p.objective();
      double[] x = random(new SplitMix64(1000 + k), f.dim());
      if (LineCurvature.of(f, x, p.truthPoint()).convex()) {
        convex++;
      }
    }
    assertTrue(convex >= 95, "convex in " + convex + " of 100");
  }
}

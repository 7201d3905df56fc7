package org.basinbench.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.Problem;
import org.basinbench.instance.RipHalf;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class CertificatesTest {
  /** Stationarity of exact catalogued points holds to rounding of order-one products. */
  static final double ZERO = 1e-12;
  /** The five-point stencil is exact for quartics; only rounding of the loss values remains. */
  static final double CURVATURE_ROUNDING = 1e-9;

  static CertificateRow spurious(List<CertificateRow> rows) {
    return rows.stream().filter(r -> r.kind().equals("spurious")).findFirst().orElseThrow();
  }

  @Test
  void theorem2SymmetricMatchesLemmas3And4() {
    NonnegCounterexample c = new NonnegCounterexample(5, 1, 2, 0.6, 0.4);
    List<CertificateRow> rows = Certificates.compute(c.symmetricProblem(), new Certificates.Delta(c.delta(), false, 0, 2), 1);
    assertEquals(2, rows.size());
    CertificateRow truth = rows.get(0);
    assertEquals("truth", truth.kind());
    assertEquals(0.0, truth.loss(), 0.0);
    assertEquals(0.0, truth.kktResidual(), ZERO);
    CertificateRow u0 = spurious(rows);
    double a2 = 0.36;
    assertEquals((1 - a2 * a2 * 2) / 2, u0.loss(), ZERO, "f(U0) = (rStar - alpha^4 r)/2");
    assertEquals(u0.loss(), u0.lossGap(), 0.0);
    assertEquals(0.0, u0.kktResidual(), ZERO, "U0 is a KKT point (Lemma 4)");
    assertEquals(2 * a2, u0.curvatureBound(), 1e-15);
    assertTrue(u0.curvatureMin() >= u0.curvatureBound() - CURVATURE_ROUNDING, u0.toString());
    assertEquals(Certificates.DIRECTIONS, u0.curvatureDirections());
    assertEquals(c.delta(), u0.deltaNumeric(), 1e-12, "Lemma 3");
    assertEquals(c.delta(), u0.deltaFormula(), 0.0);
  }

  @Test
  void theorem2AsymmetricMeetsLemma9sBound() {
    NonnegCounterexample c = new NonnegCounterexample(4, 1, 2, 0.5, 0.5);
    for (double lambda : new double[] {0.0, 0.1, 1.0}) {
      CertificateRow u0 = spurious(Certificates.compute(c.asymmetricProblem(lambda), new Certificates.Delta(c.delta(), false, 0, 2), 2));
      assertEquals(Math.min(4 * lambda, 1) * 0.25, u0.curvatureBound(), 1e-15);
      assertTrue(u0.curvatureMin() >= u0.curvatureBound() - CURVATURE_ROUNDING, "lambda=" + lambda + ": " + u0);
      assertEquals(0.0, u0.kktResidual(), ZERO);
    }
  }

  @Test
  void ripHalfBadPointIsStationaryWithSingularCurvature() {
    List<CertificateRow> rows = Certificates.compute(RipHalf.problem(), new Certificates.Delta(RipHalf.DELTA, true, 0, 2), 3);
    CertificateRow bad = spurious(rows);
    assertEquals(0.0, bad.kktResidual(), ZERO);
    assertEquals(1.5, bad.lossGap(), ZERO);
    // Hessian eigenvalues {0, 8}: every unit direction has curvature in [0, 8], and the sampled
    // minimum approaches 0 (a random unit direction in 2-D is within a few degrees of the null
    // direction in 500 draws: curvature 8 sin^2(theta) < 0.05 with probability ~1 - 1e-6).
    assertTrue(bad.curvatureMin() >= -CURVATURE_ROUNDING && bad.curvatureMin() < 0.05, bad.toString());
    assertEquals(0.5, bad.deltaNumeric(), 1e-12);
  }

  @Test
  void identityControlHasOnlyTheTruthAndDeltaZero() {
    List<CertificateRow> rows = Certificates.compute(NonnegCounterexample.identityControl(4, 1, 2, Double.NaN),
        new Certificates.Delta(0.0, false, 0, 2), 4);
    assertEquals(1, rows.size());
    assertEquals(0.0, rows.get(0).deltaNumeric(), 1e-12);
  }

  /**
   * The check can fail: U = 0 has zero gradient but negative curvature along Q1 (the strict
   * saddle of Lemma 11), and the sampled cone minimum sees it.
   */
  @Test
  void aStrictSaddleShowsNegativeCurvature() {
    NonnegCounterexample c = new NonnegCounterexample(4, 1, 1, 0.5, 0.5);
    Problem p = c.symmetricProblem();
    Objective f = p.objective();
    double[] zero = new double[4];
    double[] g = new double[4];
    f.valueAndGradient(zero, g);
    assertTrue(Certificates.minCurvature(f, zero, g, true, new SplitMix64(9)) < -0.1);
  }

  @Test
  void largeOperatorsFallBackToASampledLowerBound() {
    // n = 50 > Rip.MAX_EXACT_N: the Theorem 2 constant is estimated at rank r + rStar = 2;
    // sampling can only find less than the exact delta of Lemma 3.
    NonnegCounterexample c = new NonnegCounterexample(50, 1, 1, 0.8, 0.5);
    CertificateRow truth = Certificates.compute(c.symmetricProblem(), new Certificates.Delta(c.delta(), false, 0, 2),
        5).get(0);
    assertTrue(truth.deltaMethod().startsWith("lower bound") && truth.deltaMethod().contains("n > 48"),
        truth.deltaMethod());
    assertTrue(truth.deltaNumeric() > 0 && truth.deltaNumeric() <= c.delta() + 1e-12, truth.toString());
  }
}

package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.objective.Objective;
import org.junit.jupiter.api.Test;

class SubgradientTest {
  /** f(x) = |x_0 - 3| + |x_1 + 2|: minimizer (3, -2); subgradient (sign, sign). */
  static final Objective ABS = new Objective() {
    @Override
    public int dim() {
      return 2;
    }

    @Override
    public double value(double[] x) {
      return Math.abs(x[0] - 3) + Math.abs(x[1] + 2);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      g[0] = Math.signum(x[0] - 3);
      g[1] = Math.signum(x[1] + 2);
      return value(x);
    }
  };

  @Test
  void geometricStepsReachTheMinimizerOfAPiecewiseLinearLoss() {
    // Steps sum to step / (1 - decay) = 10 > the distance 3.6 to travel, and shrink to ~1e-4:
    // the iterate ends within the last few steps of the minimizer.
    SolveResult r = Subgradient.solve(ABS, new double[] {0, 0}, new SubgradientConfig(0.1, 0.99, 1000, false));
    assertEquals(Termination.BUDGET, r.termination(), "no stationarity test for nonsmooth losses");
    assertEquals(1000, r.iterations());
    assertEquals(3, r.x()[0], 1e-3);
    assertEquals(-2, r.x()[1], 1e-3);
  }

  @Test
  void projectionKeepsTheIterateNonnegative() {
    SolveResult r = Subgradient.solve(ABS, new double[] {1, 1}, new SubgradientConfig(0.1, 0.99, 1000, true));
    assertEquals(3, r.x()[0], 1e-3);
    assertEquals(0.0, r.x()[1], 0.0, "the constrained minimizer has x_1 = 0");
    assertTrue(r.x()[0] >= 0 && r.x()[1] >= 0);
  }

  @Test
  void configIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> new SubgradientConfig(0, 0.9, 10, true));
    assertThrows(IllegalArgumentException.class, () -> new SubgradientConfig(1, 1.5, 10, true));
    assertThrows(IllegalArgumentException.class, () -> new SubgradientConfig(1, 0.9, 0, true));
  }
}

package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.linalg.MatOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class NonnegCounterexampleTest {

  private static void assertRejects(String field, Executable build) {
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(field), "message should name " + field + ": "
        + e.getMessage());
  }

  @Test
  void validationNamesTheField() {
    assertRejects("rStar", () -> new NonnegCounterexample(4, 0, 1, 0.5, 0.5));
    assertRejects("r must", () -> new NonnegCounterexample(4, 2, 1, 0.5, 0.5));
    assertRejects("n must", () -> new NonnegCounterexample(3, 2, 2, 0.5, 0.5));
    assertRejects("alpha", () -> new NonnegCounterexample(4, 1, 1, 0.0, 0.5));
    assertRejects("alpha", () -> new NonnegCounterexample(4, 1, 1, -0.5, 0.5));
    assertRejects("alpha", () -> new NonnegCounterexample(4, 1, 1, Double.NaN, 0.5));
    assertRejects("alpha", () -> new NonnegCounterexample(4, 1, 1, Double.POSITIVE_INFINITY, 0.5));
    assertRejects("epsilon", () -> new NonnegCounterexample(4, 1, 1, 0.5, 0.0));
    assertRejects("epsilon", () -> new NonnegCounterexample(4, 1, 1, 0.5, Double.NaN));
    assertRejects("epsilon", () -> new NonnegCounterexample(4, 1, 1, 0.5, Double.POSITIVE_INFINITY));
    // alpha = 1, eps = 0.5, r = r* = 1: delta = sqrt(1.5) > 1.
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NonnegCounterexample(4, 1, 1, 1.0, 0.5));
    assertTrue(e.getMessage().contains("delta = alpha^2 sqrt(r/rStar + 2 eps^2 r) must be < 1"),
        e.getMessage());
    // Boundary cases that are valid.
    new NonnegCounterexample(2, 1, 1, 0.5, 0.5);
  }

  @Test
  void deltaUsesFloatingPointDivision() {
    // r / r* = 2/3 must not truncate to 0: delta = a^2 sqrt(2/3 + 2 eps^2 * 2).
    final double expected = 0.25 * Math.sqrt(2.0 / 3.0 + 2 * 0.01 * 2);
    assertEquals(expected, NonnegCounterexample.delta(3, 2, 0.5, 0.1), 1e-16);
    // Integer division would give a delta below 1 here; the real one is above 1.
    assertRejects("delta", () -> new NonnegCounterexample(10, 3, 5, 0.88, 0.01));
    assertEquals(new NonnegCounterexample(5, 2, 3, 0.4, 0.7).delta(),
        NonnegCounterexample.delta(2, 3, 0.4, 0.7), 0.0);
  }

  @Test
  void catalogedPointsHaveTheTheoremShapes() {
    final NonnegCounterexample inst = new NonnegCounterexample(6, 2, 3, 0.4, 0.3);
    final double[] q1 = inst.truthFactor();
    final double[] u0 = inst.spuriousFactor();
    assertEquals(6 * 2, q1.length);
    assertEquals(6 * 3, u0.length);
    final double[] expectedQ1 = new double[12];
    expectedQ1[0] = 1; // (0,0)
    expectedQ1[3] = 1; // (1,1)
    assertArrayEquals(expectedQ1, q1, 0.0);
    final double[] expectedU0 = new double[18];
    expectedU0[2 * 3] = 0.4;     // (2,0)
    expectedU0[3 * 3 + 1] = 0.4; // (3,1)
    expectedU0[4 * 3 + 2] = 0.4; // (4,2)
    assertArrayEquals(expectedU0, u0, 0.0);

    final double[] q1q1t = new double[36];
    MatOps.multABt(q1, q1, 6, 6, 2, q1q1t);
    assertArrayEquals(q1q1t, inst.truthMatrix(), 0.0);

    assertEquals(18, inst.loss().dim());
    assertEquals(36, inst.operator().measurements());
    // Fresh arrays: mutating one does not affect the next call.
    q1[0] = 99;
    assertEquals(1.0, inst.truthFactor()[0], 0.0);
  }
}

package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StepConfigTest {

  private static void assertRejects(String field, Executable build) {
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }

  @Test
  void invalidSettingsAreRejectedNamingTheField() {
    assertRejects("step", () -> new StepConfig(0.0, 10, 1e-8));
    assertRejects("step", () -> new StepConfig(-1.0, 10, 1e-8));
    assertRejects("step", () -> new StepConfig(Double.NaN, 10, 1e-8));
    assertRejects("step", () -> new StepConfig(Double.POSITIVE_INFINITY, 10, 1e-8));
    assertRejects("maxIter", () -> new StepConfig(0.1, 0, 1e-8));
    assertRejects("tol", () -> new StepConfig(0.1, 10, -1e-8));
    assertRejects("tol", () -> new StepConfig(0.1, 10, Double.NaN));
  }

  @Test
  void withersCopy() {
    final StepConfig c = new StepConfig(0.1, 10, 0.0);
    assertEquals(new StepConfig(0.2, 10, 0.0), c.withStep(0.2));
    assertEquals(new StepConfig(0.1, 3, 0.0), c.withMaxIter(3));
    assertThrows(IllegalArgumentException.class, () -> c.withMaxIter(0));
  }
}

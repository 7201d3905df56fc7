package org.basinbench.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Pins what every law's {@code draw} writes, to the bit, against the formula written out here
 * (one generator for the law, a twin with the same seed for the reference), so that a
 * refactoring of {@link InitDistribution} cannot change a trial's starting point.
 */
class InitDistributionTest {

  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final int LENGTH = 257;

  /** Draws with the law and compares each entry with {@code reference} on a twin generator. */
  private static void assertDrawsBitForBit(InitDistribution law, Function<SplitMix64, DoubleSupplier> reference) {
    SplitMix64 rng = new SplitMix64(SEED);
    double[] out = new double[LENGTH];
    law.draw(rng, out);
    SplitMix64 twin = new SplitMix64(SEED);
    DoubleSupplier expected = reference.apply(twin);
    for (int i = 0; i < LENGTH; i++) {
      assertEquals(Double.doubleToRawLongBits(expected.getAsDouble()), Double.doubleToRawLongBits(out[i]),
          law + " entry " + i);
    }
    // The law consumed exactly as many draws as the reference.
    assertEquals(twin.nextLong(), rng.nextLong(), law + " advanced the generator differently");
  }

  @Test
  void drawsAreTheWrittenOutFormulasToTheBit() {
    double scale = 0.37;
    double bound = 2.5;
    double gamma = 0.3;
    assertDrawsBitForBit(new InitDistribution.HalfNormal(scale), r -> () -> scale * r.nextHalfNormal());
    assertDrawsBitForBit(new InitDistribution.Uniform(bound), r -> () -> bound * r.nextDouble());
    assertDrawsBitForBit(new InitDistribution.Gaussian(scale), r -> () -> scale * r.nextGaussian());
    assertDrawsBitForBit(new InitDistribution.Near(InitDistribution.Near.TRUTH, scale),
        r -> () -> scale * r.nextGaussian());
    assertDrawsBitForBit(new InitDistribution.Interpolate(InitDistribution.Near.SPURIOUS, gamma, scale),
        r -> () -> gamma * scale * r.nextHalfNormal());
  }

  @Test
  void kindsAndParameters() {
    assertEquals("half-normal", new InitDistribution.HalfNormal(0.5).kind());
    assertEquals(0.5, new InitDistribution.HalfNormal(0.5).parameter());
    assertEquals("uniform", new InitDistribution.Uniform(2).kind());
    assertEquals(2.0, new InitDistribution.Uniform(2).parameter());
    assertEquals("gaussian", new InitDistribution.Gaussian(0.25).kind());
    assertEquals(0.25, new InitDistribution.Gaussian(0.25).parameter());
    assertEquals("near", new InitDistribution.Near("truth", 0.1).kind());
    assertEquals(0.1, new InitDistribution.Near("truth", 0.1).parameter());
    assertEquals("interpolate", new InitDistribution.Interpolate("spurious", 0.5, 3).kind());
    assertEquals(3.0, new InitDistribution.Interpolate("spurious", 0.5, 3).parameter());
  }

  @Test
  void rejectsBadParameters() {
    assertEquals("init.scale must be a finite number > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> new InitDistribution.HalfNormal(0)).getMessage());
    assertEquals("init.bound must be a finite number > 0, got NaN",
        assertThrows(IllegalArgumentException.class, () -> new InitDistribution.Uniform(Double.NaN)).getMessage());
    assertEquals("init.point must be \"truth\" or \"spurious\", got origin",
        assertThrows(IllegalArgumentException.class, () -> new InitDistribution.Near("origin", 1)).getMessage());
    assertEquals("init.point must be \"truth\" or \"spurious\", got null",
        assertThrows(IllegalArgumentException.class, () -> new InitDistribution.Interpolate(null, 0.5, 1))
            .getMessage());
    assertEquals("init.gamma must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> new InitDistribution.Interpolate("truth", 1.5, 1))
            .getMessage());
    assertEquals("init.scale must be a finite number > 0, got Infinity",
        assertThrows(IllegalArgumentException.class,
            () -> new InitDistribution.Gaussian(Double.POSITIVE_INFINITY)).getMessage());
  }
}

package org.basinbench.rng;

import java.io.Serializable;
import java.util.function.DoubleSupplier;

/**
 * The distribution of a trial's starting point. Every entry is drawn independently, in
 * row-major order, from the generator passed in (randomness is an argument: the caller seeds
 * it from the trial's identity, so all solvers of a grid point start from the same points).
 */
public sealed interface InitDistribution extends Serializable
    permits InitDistribution.HalfNormal, InitDistribution.Uniform, InitDistribution.Gaussian,
        InitDistribution.Near, InitDistribution.Interpolate {

  /** The {@code init.kind} tag. */
  String kind();

  /** The distribution's one scale parameter (half-normal: scale; uniform: bound). */
  double parameter();

  /**
   * Fills {@code out} with independent draws.
   *
   * @param rng generator, advanced (modified)
   * @param out the starting point, row-major (modified)
   */
  void draw(SplitMix64 rng, double[] out);

  /** Checks a law's parameter: finite and > 0. */
  private static void positive(String field, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + v);
    }
  }

  /** Checks a catalogued point's name: {@link Near#TRUTH} or {@link Near#SPURIOUS}. */
  private static void cataloguedPoint(String point) {
    if (!Near.TRUTH.equals(point) && !Near.SPURIOUS.equals(point)) {
      throw new IllegalArgumentException("init.point must be \"truth\" or \"spurious\", got " + point);
    }
  }

  /**
   * The draw all laws share: {@code out[i] = factor * z()}, entry by entry in row-major order
   * (one product per entry, so the bits are those of writing it out in each law).
   */
  private static void scaled(double[] out, double factor, DoubleSupplier z) {
    for (int i = 0; i < out.length; i++) {
      out[i] = factor * z.getAsDouble();
    }
  }

  /** Entries {@code scale * |Z|}, Z standard normal (the star-convexity paper's init law). */
  record HalfNormal(double scale) implements InitDistribution {
    public static final String KIND = "half-normal";

    public HalfNormal {
      positive("init.scale", scale);
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public double parameter() {
      return scale;
    }

    @Override
    public void draw(SplitMix64 rng, double[] out) {
      scaled(out, scale, rng::nextHalfNormal);
    }
  }

  /** Entries uniform on {@code [0, bound)}. */
  record Uniform(double bound) implements InitDistribution {
    public static final String KIND = "uniform";

    public Uniform {
      positive("init.bound", bound);
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public double parameter() {
      return bound;
    }

    @Override
    public void draw(SplitMix64 rng, double[] out) {
      scaled(out, bound, rng::nextDouble);
    }
  }

  /** Entries {@code scale * Z}, Z standard normal: for unconstrained problems. */
  record Gaussian(double scale) implements InitDistribution {
    public static final String KIND = "gaussian";

    public Gaussian {
      positive("init.scale", scale);
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public double parameter() {
      return scale;
    }

    @Override
    public void draw(SplitMix64 rng, double[] out) {
      scaled(out, scale, rng::nextGaussian);
    }
  }

  /**
   * A catalogued point plus Gaussian noise: {@code x0 = x_point + scale * Z}. {@link #draw}
   * writes the noise only; the trial runner adds the point, which belongs to the problem
   * (nonnegative problems then project the start onto the orthant).
   *
   * @param point "truth" or "spurious" (the first catalogued spurious point)
   * @param scale noise standard deviation
   */
  record Near(String point, double scale) implements InitDistribution {
    public static final String KIND = "near";
    public static final String TRUTH = "truth";
    public static final String SPURIOUS = "spurious";

    public Near {
      cataloguedPoint(point);
      positive("init.scale", scale);
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public double parameter() {
      return scale;
    }

    @Override
    public void draw(SplitMix64 rng, double[] out) {
      scaled(out, scale, rng::nextGaussian);
    }
  }

  /**
   * A start on the segment from a catalogued point to a random one, for basin profiles (how
   * far from a spurious point must a start be to escape it?):
   * {@code x0 = (1 - gamma) x_point + gamma R}, R with entries {@code scale * |Z|}.
   * {@link #draw} writes {@code gamma R}; the trial runner adds {@code (1 - gamma) x_point}.
   *
   * @param point "spurious" or "truth"
   * @param gamma position on the segment, in [0, 1]: 0 is the point, 1 a plain half-normal start
   * @param scale the random end's half-normal scale
   */
  record Interpolate(String point, double gamma, double scale) implements InitDistribution {
    public static final String KIND = "interpolate";

    public Interpolate {
      cataloguedPoint(point);
      if (!(gamma >= 0 && gamma <= 1)) {
        throw new IllegalArgumentException("init.gamma must be in [0, 1], got " + gamma);
      }
      positive("init.scale", scale);
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public double parameter() {
      return scale;
    }

    @Override
    public void draw(SplitMix64 rng, double[] out) {
      // gamma * scale * Z evaluates as (gamma * scale) * Z: the factor is the same product.
      scaled(out, gamma * scale, rng::nextHalfNormal);
    }
  }
}

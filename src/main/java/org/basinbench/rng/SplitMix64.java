package org.basinbench.rng;

/**
 * SplitMix64 pseudo-random generator (Steele, Lea and Flood 2014) with a portable Gaussian.
 *
 * <p>State update {@code s <- s + GOLDEN_GAMMA}; output {@code mix64(s)} (see
 * {@link Seeds#mix64(long)}). The whole stream, including {@link #nextGaussian()}, is a pure
 * function of the seed and is bit-identical on every JVM and platform: integer arithmetic is
 * exact, Java 17 floating point is always strict (JEP 306), and the only transcendental
 * functions used are {@link StrictMath#log(double)} and {@link StrictMath#sqrt(double)}
 * (fdlibm / correctly rounded). It deliberately does not use {@code java.util.Random} or
 * {@code SplittableRandom}, whose Gaussian algorithm changed across JDK versions.
 *
 * <p>Not thread-safe: each trial / stream owns its own instance.
 */
public final class SplitMix64 {

  /** 2^-53: maps the top 53 bits of a long onto the doubles k * 2^-53 in [0, 1). */
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  /** Second value of the last polar-method pair, returned by the next nextGaussian(). */
  private double spare;
  private boolean hasSpare;

  /**
   * @param seed initial state; every seed (including 0) is valid
   */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /**
   * @return the next 64 uniformly distributed bits: {@code s += GOLDEN_GAMMA; return mix64(s)}
   */
  public long nextLong() {
    state += Seeds.GOLDEN_GAMMA;
    return Seeds.mix64(state);
  }

  /**
   * A uniform integer in {@code [0, bound)}, without modulo bias (Lemire's multiply-shift with
   * rejection, "Fast random integer generation in an interval", 2019), from the high 32 bits
   * of {@link #nextLong()}.
   *
   * @param bound exclusive upper bound, >= 1
   */
  public int nextInt(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be >= 1, got " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /**
   * @return a uniform double in [0, 1) with 53 random bits: {@code (nextLong() >>> 11) * 2^-53}
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /**
   * Standard normal N(0, 1) draw by the Marsaglia polar method: draw (u, v) uniform on
   * [-1, 1)^2 until {@code 0 < s = u^2 + v^2 < 1}, then {@code m = sqrt(-2 ln(s) / s)} and
   * (u m, v m) are two independent N(0, 1) values; u m is returned and v m is cached as the
   * spare for the next call.
   *
   * @return a standard normal value
   */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * nextDouble() - 1.0;
      v = 2.0 * nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    final double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }

  /**
   * @return a half-normal draw {@code |Z|}, Z ~ N(0, 1) (consumes one {@link #nextGaussian()})
   */
  public double nextHalfNormal() {
    return Math.abs(nextGaussian());
  }
}

package org.basinbench.run;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** Confidence intervals for rates. */
public final class Intervals {
  /** The confidence level of every interval BasinBench reports. */
  public static final double LEVEL = 0.95;
  /** Rounding slack of the closed form (a few ulps of numbers of order 1). */
  static final double ROUNDING = 1e-12;

  private Intervals() {}

  /**
   * Wilson score interval (commons-math3) for a proportion {@code k / n} at 95%, as
   * {@code {low, high}}. Wilson, unlike the normal approximation, stays inside [0, 1] and is
   * informative at k = 0 or k = n, where failure-rate cells often sit.
   */
  public static double[] wilson(long n, long k) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got n=" + n + ", k=" + k);
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) Math.min(n, Integer.MAX_VALUE),
        (int) Math.min(k, Integer.MAX_VALUE), LEVEL);
    double rate = (double) k / n;
    double low = ci.getLowerBound();
    double high = ci.getUpperBound();
    // The bounds contain the rate and lie in [0, 1] mathematically; allow only the last-bit
    // rounding of the closed form, and fail loudly on anything larger (a wrong interval).
    if (low > rate + ROUNDING || high < rate - ROUNDING || low < -ROUNDING || high > 1 + ROUNDING) {
      throw new IllegalStateException("Wilson interval [" + low + ", " + high + "] does not contain " + k + "/" + n);
    }
    low = Math.max(0.0, Math.min(low, rate));
    high = Math.min(1.0, Math.max(high, rate));
    return new double[] {low, high};
  }
}

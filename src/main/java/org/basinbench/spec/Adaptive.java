package org.basinbench.spec;

import java.io.Serializable;

/**
 * Adaptive trial counts: every cell starts with the experiment's {@code trials}; after each
 * round, a cell whose Wilson 95% interval of the failure rate is wider than
 * {@code 2 halfWidth} gets more trials, up to {@code maxTrials}. Rounds depend only on the
 * outcomes, which depend only on the spec, so the same spec always runs the same rounds.
 *
 * @param halfWidth target half-width of the failure-rate interval, in (0, 0.5]
 * @param maxTrials cap on the trials of one cell, at least the first round's {@code trials}
 */
public record Adaptive(double halfWidth, int maxTrials) implements Serializable {
  /** 1.96, the normal quantile of the 95% Wilson interval ({@code Intervals.wilson}). */
  static final double Z = 1.959963984540054;

  public Adaptive {
    if (!(halfWidth > 0 && halfWidth <= 0.5) || maxTrials < 1) {
      throw new IllegalArgumentException("need 0 < halfWidth <= 0.5 and maxTrials >= 1");
    }
  }

  /**
   * The trials a cell should have after the next round, given {@code trials} so far with
   * {@code failures} failures and the current interval half-width; {@code trials} itself when
   * the cell is done (target met or cap reached). The next count is the normal-approximation
   * estimate {@code z^2 p (1 - p) / h^2} of the trials the target needs (with the
   * Agresti-Coull {@code p = (f + 2) / (n + 4)}, which is never 0 or 1), but at least twice
   * the current count, so that a poor early estimate cannot make the rounds crawl; hence at
   * most about twice the trials the target needs, and a logarithmic number of rounds.
   */
  public long nextTrials(long trials, long failures, double currentHalfWidth) {
    if (currentHalfWidth <= halfWidth || trials >= maxTrials) {
      return trials;
    }
    double p = (failures + 2.0) / (trials + 4.0);
    double needed = Math.ceil(Z * Z * p * (1 - p) / (halfWidth * halfWidth));
    return (long) Math.min(maxTrials, Math.max(2.0 * trials, needed));
  }
}

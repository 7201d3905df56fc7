package org.basinbench.family;

import org.basinbench.spec.Field;

/** Size limits the built-in families share, each with its reason. */
final class Limits {
  private Limits() {}

  /** Dense n x n work per iteration: beyond this a trial is a workload of its own. */
  static final long MAX_N = 512;
  /** Dense n x m data per trial: beyond 1e7 entries (80 MB) a trial is a workload of its own. */
  static final long MAX_ENTRIES = 10_000_000L;
  /** Independent instance draws per grid point. */
  static final long MAX_DRAWS = 1_000_000L;

  /** The {@code draws} field of the random families. */
  static Field draws() {
    return Field.integer("draws", false, 1L, 1, MAX_DRAWS, false);
  }
}

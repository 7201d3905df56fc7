package org.basinbench.solver;

/** Why a solver stopped (see {@link Stopping}). */
public enum Termination {
  /** The stationarity measure reached the tolerance (absolute or relative): an approximate KKT point. */
  CONVERGED,
  /** The iteration budget was exhausted before any other rule fired. */
  BUDGET,
  /** The stall rule fired: the loss stopped decreasing before stationarity was certified. */
  STALLED,
  /** The loss or iterate became non-finite or blew up past the divergence guard. */
  DIVERGED
}

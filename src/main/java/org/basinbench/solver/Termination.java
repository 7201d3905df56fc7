package org.basinbench.solver;

/** Why a solver stopped. */
public enum Termination {
  /** The stationarity measure reached the tolerance: an (approximate) KKT point. */
  CONVERGED,
  /** The iteration budget was exhausted before the tolerance was reached. */
  BUDGET,
  /** The loss or iterate became non-finite or blew up past the divergence guard. */
  DIVERGED
}

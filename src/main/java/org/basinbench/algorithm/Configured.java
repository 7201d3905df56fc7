package org.basinbench.algorithm;

import org.basinbench.solver.Budget;
import org.basinbench.spec.SolverSpec;

/** A solver spec that holds one configuration record, whose budget is the solver's. */
interface Configured extends SolverSpec {
  /** The solver's configuration. */
  Budget config();

  @Override
  default int maxIter() {
    return config().maxIter();
  }
}

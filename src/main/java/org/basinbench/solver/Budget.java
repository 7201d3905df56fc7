package org.basinbench.solver;

/** A solver configuration's update budget: the most updates one run makes. */
public interface Budget {
  /** The update budget, >= 1. */
  int maxIter();
}

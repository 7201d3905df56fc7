package org.basinbench.spec;


/**
 * A solver as one unit: its spec fields, its binding to a {@link SolverSpec}, and the columns
 * its configurations fill. What it needs of a family is declared by the bound spec
 * ({@link SolverSpec#requirements()}) and checked by the validator's one rule. Registered with
 * one line in {@code META-INF/services/org.basinbench.spec.SolverUnit} (see {@link Registry}).
 */
public interface SolverUnit extends Unit {
  /** Binds one validated grid combination. */
  SolverSpec bind(Values values);
}

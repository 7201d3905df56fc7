package org.basinbench.spec;

import java.io.Serializable;
import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.Trace;

/**
 * A concrete solver configuration of one cell, bound by its {@link SolverUnit}: an immutable
 * object that runs itself. What it needs of a family is declared by {@link #requirements()}
 * and checked before any trial runs, so {@link #solve} may rely on it.
 */
public interface SolverSpec extends Serializable {

  /** The {@code solvers[].name} tag. */
  String name();

  /** Canonical, bit-exact parameter string (see {@link InstanceSpec#canonicalKey()}). */
  String canonicalKey();

  /** A short human-readable form, for listings. */
  String describe();

  /** The iteration budget. */
  int maxIter();

  /** Writes this configuration's parameter columns (each one its unit declares). */
  void columns(ColumnValues out);

  /** What the solver needs of a family, each checked against every instance of the experiment. */
  List<Requirement> requirements();

  /**
   * Runs the solver from {@code x0}. Numeric failure becomes a termination, never an exception.
   *
   * @param problem the problem (its objective and constraint; never its truth)
   * @param x0 the start; not modified
   * @param rng the solver's own randomness (minibatches, safeguard perturbations), seeded from
   *     the trial's identity
   * @param trace where checkpoints are recorded
   */
  SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace);

  /**
   * Whether this solver advances many starts of {@code problem} together through
   * {@link #solveBatch}, giving each the result its own {@link #solve} would (to the bit).
   */
  default boolean batches(Problem problem) {
    return false;
  }

  /**
   * Runs the solver from every start at once, as lanes of one batch (only when
   * {@link #batches} is true). Lane j's result is the one a batch of one gives for its start.
   *
   * @param problem the problem
   * @param starts the starts; not modified
   * @param rngs one generator per start, the one {@link #solve} would get for it (minibatches)
   * @param traces one trace per start
   */
  default SolveResult[] solveBatch(Problem problem, double[][] starts, SplitMix64[] rngs, Trace[] traces) {
    throw new UnsupportedOperationException(name() + " does not run in batches");
  }
}

package org.basinbench.algorithm;

import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.Trace;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Requirement;
import org.basinbench.spec.SolverSpec;
import org.basinbench.spec.AbstractSolverUnit;
import org.basinbench.spec.Values;

/**
 * {@code hals}: hierarchical alternating least squares (the method behind scikit-learn's "cd"
 * solver), on the entrywise NMF losses.
 */
public final class Hals extends AbstractSolverUnit {
  public static final String NAME = "hals";

  private static final List<org.basinbench.spec.Field> FIELDS = Solvers.stopping(2_000L);

  private static final List<Column> COLUMNS = Solvers.concatColumns(List.of(Columns.SOLVER_NAME), Columns.STOPPING);

  public Hals() {
    super(NAME, "hierarchical alternating least squares (exact column updates) for NMF",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    return new Spec(new NmfConfig(NmfConfig.DEFAULT_EPS, Solvers.stopping(c)));
  }

  /** The key published first for both NMF solvers (HALS keeps the eps it does not use). */
  static String key(String name, NmfConfig config) {
    return name + ";eps=" + Canonical.bits(config.eps()) + ";maxIter=" + config.maxIter() + ";tol="
        + Canonical.bits(config.tol());
  }

  /** @param config stopping rules (its eps is unused) */
  public record Spec(NmfConfig config) implements Configured {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + Solvers.describeStopping(config.stop());
    }

    @Override
    public String canonicalKey() {
      return key(NAME, config) + Solvers.stoppingKey(config.stop());
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      Columns.stopping(m, config.stop());
    }

    @Override
    public List<Requirement> requirements() {
      return List.of(Requirement.of(Capability.ENTRYWISE, "solver \"%1$s\" does not apply to %2$s: \"hals\" applies"
          + " to planted-nmf and matrix-file only; use \"pgd\", \"gd\" or \"subgradient\""), Requirement.smooth(),
          Requirement.nonnegative());
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      return org.basinbench.solver.Hals.solve((MaskedFactorLoss) problem.objective(), x0, config, trace);
    }
  }
}

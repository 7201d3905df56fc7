package org.basinbench.algorithm;

import java.util.List;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.SymmetricSensingLoss;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.MultiplicativeUpdates;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.Safeguard;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.Trace;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Field;
import org.basinbench.spec.Requirement;
import org.basinbench.spec.SolverSpec;
import org.basinbench.spec.AbstractSolverUnit;
import org.basinbench.spec.Values;

/**
 * {@code mu}: multiplicative updates (Lee and Seung 2001) on the entrywise NMF losses, and their
 * symmetric forms on the nonnegative symmetric sensing losses (damped for full observation,
 * split-gradient for sensing operators); optionally the thresholding safeguard.
 */
public final class Mu extends AbstractSolverUnit {
  public static final String NAME = "mu";

  private static final List<Field> FIELDS = Solvers.concat(Solvers.concat(Solvers.stopping(50_000L),
      List.of(Solvers.eps())), Solvers.safeguard());

  private static final List<Column> COLUMNS = Solvers.concatColumns(List.of(Columns.SOLVER_NAME), Columns.STOPPING,
      List.of(Columns.EPS, Columns.THRESHOLD, Columns.PERTURB));

  public Mu() {
    super(NAME, "multiplicative updates: Lee and Seung's for NMF, damped or split-gradient forms for symmetric sensing",
        FIELDS, COLUMNS);
  }

  @Override
  public SolverSpec bind(Values c) {
    return new Spec(new NmfConfig(c.number("eps"), Solvers.stopping(c)), Solvers.safeguard(c));
  }

  /**
   * @param config denominator guard and stopping rules
   * @param safeguard the thresholding safeguard, or null
   */
  public record Spec(NmfConfig config, Safeguard safeguard) implements Configured {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " eps=" + config.eps() + Solvers.describeStopping(config.stop())
          + Solvers.describeSafeguard(safeguard);
    }

    @Override
    public String canonicalKey() {
      return Hals.key(NAME, config) + Solvers.safeguardKey(safeguard) + Solvers.stoppingKey(config.stop());
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.SOLVER_NAME, NAME);
      Columns.stopping(m, config.stop());
      m.put(Columns.EPS, config.eps());
      Solvers.safeguardColumns(m, safeguard);
    }

    @Override
    public List<Requirement> requirements() {
      return List.of(new Requirement("name", Set.of(Capability.ENTRYWISE, Capability.SYMMETRIC_SENSING),
          "solver \"%1$s\" does not apply to %2$s: \"mu\" applies to planted-nmf, matrix-file and the symmetric"
              + " sensing problems (nonneg-counterexample symmetric, gaussian-sensing); use \"pgd\", \"gd\" or"
              + " \"subgradient\""), Requirement.smooth(), Requirement.nonnegative());
    }

    @Override
    public SolveResult solve(Problem problem, double[] x0, SplitMix64 rng, Trace trace) {
      // The requirements admit the symmetric sensing losses and the entrywise ones only.
      if (problem.objective() instanceof SymmetricSensingLoss symmetric) {
        return safeguard == null ? MultiplicativeUpdates.solveSymmetric(symmetric, x0, config, trace)
            : MultiplicativeUpdates.solveSymmetric(symmetric, x0, config, safeguard, rng, trace);
      }
      MaskedFactorLoss loss = (MaskedFactorLoss) problem.objective();
      return safeguard == null ? MultiplicativeUpdates.solve(loss, x0, config, trace)
          : MultiplicativeUpdates.solve(loss, x0, config, safeguard, rng, trace);
    }
  }
}

package org.basinbench.spec;

import java.io.Serializable;
import org.basinbench.solver.PgdConfig;

/** A concrete solver configuration of one cell. */
public sealed interface SolverSpec extends Serializable permits SolverSpec.Pgd {

  /** The {@code solvers[].name} tag. */
  String name();

  /** Canonical, bit-exact parameter string (see {@link InstanceSpec#canonicalKey()}). */
  String canonicalKey();

  /** A short human-readable form, for listings. */
  String describe();

  /** Projected gradient with a fixed step: {@code U <- max(0, U - step * grad f(U))}. */
  record Pgd(PgdConfig config) implements SolverSpec {
    public static final String NAME = "pgd";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String describe() {
      return NAME + " step=" + config.step() + " maxIter=" + config.maxIter() + " tol=" + config.tol();
    }

    @Override
    public String canonicalKey() {
      return NAME + ";step=" + Canonical.bits(config.step()) + ";maxIter=" + config.maxIter() + ";tol="
          + Canonical.bits(config.tol());
    }
  }
}

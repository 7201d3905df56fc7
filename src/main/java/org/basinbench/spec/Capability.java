package org.basinbench.spec;

/**
 * What a problem family offers a solver, declared once by each instance
 * ({@link InstanceSpec#capabilities()}) and required by solvers ({@link Requirement}). The
 * validator checks every solver of an experiment against every instance with one rule; the
 * trial runner checks that the built problem agrees with what its instance declared.
 */
public enum Capability {
  /** The variable is constrained to the nonnegative orthant ({@code Problem.nonnegative()}). */
  NONNEGATIVE,
  /** The loss is differentiable: gradients, Hessians, segment curvature ({@code Problem.smooth()}). */
  SMOOTH,
  /** The variable has two factor blocks {@code [L; R]} that a solver may update in turn. */
  FACTORED,
  /** The family knows its truth (a global minimizer); real data does not ({@code Problem.hasTruth()}). */
  TRUTH,
  /** The family catalogues at least one spurious point. */
  SPURIOUS_POINT,
  /** The loss is a sum of terms a minibatch can sample ({@code objective.StochasticObjective}). */
  STOCHASTIC,
  /** The loss is an entrywise factorization loss ({@code objective.MaskedFactorLoss}): NMF solvers. */
  ENTRYWISE,
  /**
   * The loss is a nonnegative symmetric sensing loss ({@code objective.SymmetricSensingLoss},
   * U >= 0): the symmetric form of multiplicative updates.
   */
  SYMMETRIC_SENSING
}

package org.basinbench.objective;

/**
 * A linear operator from n x n matrices to n x n matrices ({@code m = n^2}): the identity
 * ({@link IdentityOperator}) and the operators built on it, such as Zhang (2025)'s Theorem 2
 * operator, identity plus rank one. It holds n and answers {@link #n()} and
 * {@link #measurements()}; subclasses give apply and adjoint.
 */
public abstract class SquareOperator implements LinearOperator {

  /** The order of the input and output matrices, >= 1. */
  protected final int n;

  /** @throws IllegalArgumentException if {@code n < 1} */
  protected SquareOperator(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    this.n = n;
  }

  @Override
  public final int n() {
    return n;
  }

  /** @return m = n^2 (A maps R^{n x n} to R^{n x n}) */
  @Override
  public final int measurements() {
    return n * n;
  }
}

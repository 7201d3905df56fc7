package org.basinbench.objective;

/**
 * A smooth loss {@code f : R^dim -> R} with its gradient.
 *
 * <p>An Objective owns scratch buffers allocated once in its constructor and reused by every
 * evaluation, so it is <b>not thread-safe</b>: use one instance per thread (per trial).
 */
public interface Objective {

  /** @return the number of variables */
  int dim();

  /**
   * @param x point, length dim; not modified
   * @return f(x)
   */
  double value(double[] x);

  /**
   * Evaluates f and its gradient at x in one pass.
   *
   * @param x    point, length dim; not modified
   * @param grad length dim; modified: overwritten with grad f(x); must not alias x
   * @return f(x)
   */
  double valueAndGradient(double[] x, double[] grad);

  /**
   * Where the blocks of the variable start, for solvers that update blocks in turn: a factored
   * variable {@code [L; R]} has two blocks, {@code {0, rows(L) * r}}. Default: one block.
   *
   * @return a fresh array of increasing offsets beginning with 0
   */
  default int[] blockStarts() {
    return new int[] {0};
  }
}

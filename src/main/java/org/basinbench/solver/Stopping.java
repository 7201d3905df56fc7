package org.basinbench.solver;

/**
 * The stopping rules every solver shares (the budget and a divergence guard are always on):
 * <ul>
 *   <li><b>absolute</b>: stationarity measure {@code <= tol} (the KKT residual
 *       {@code ||min(x, grad f(x))||} for constrained solvers, {@code ||grad f(x)||} otherwise);</li>
 *   <li><b>relative</b> (Lin 2007, eq. (19)): stationarity measure {@code <= relTol} times its
 *       value at the start; 0 turns it off. It inherits the scale of the start: from a start far
 *       larger than the data, the initial gradient is huge and the rule lenient;</li>
 *   <li><b>stall</b>: every {@code stallWindow} iterations, stop when the loss fell by at most
 *       {@code stallTol} times its current value over the window; 0 turns it off. The decrease
 *       is compared with the <i>current</i> loss, never with the loss at the start: scikit-learn's
 *       NMF compares it with the initial error, so a random start of large scale, whose first
 *       updates remove almost all of the initial error, stops after ten iterations;</li>
 *   <li><b>budget</b>: {@code maxIter} updates.</li>
 * </ul>
 * The solver reports which rule fired ({@link Termination}).
 *
 * @param maxIter update budget, >= 1
 * @param tol absolute tolerance on the stationarity measure, >= 0 (0: only an exact stationary point)
 * @param relTol tolerance relative to the start's stationarity measure, in [0, {@link #MAX_REL_TOL}]; 0 is off
 * @param stallWindow iterations between stall checks, >= 0; 0 is off
 * @param stallTol relative loss decrease per window below which the run has stalled, >= 0
 */
public record Stopping(int maxIter, double tol, double relTol, int stallWindow, double stallTol)
    implements java.io.Serializable {

  /**
   * The largest relative tolerance: at 1 the rule would stop at the start, and just below it
   * after almost no progress; 0.99 leaves a decade-wide margin for the scale of the start.
   */
  public static final double MAX_REL_TOL = 0.99;

  /** @throws IllegalArgumentException naming the field and its allowed range */
  public Stopping {
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
    }
    if (!(tol >= 0) || !Double.isFinite(tol)) {
      throw new IllegalArgumentException("tol must be a finite number >= 0, got " + tol);
    }
    if (!(relTol >= 0 && relTol <= MAX_REL_TOL)) {
      throw new IllegalArgumentException("relTol must be in [0, " + MAX_REL_TOL + "], got " + relTol);
    }
    if (stallWindow < 0) {
      throw new IllegalArgumentException("stallWindow must be >= 0, got " + stallWindow);
    }
    if (!(stallTol >= 0) || !Double.isFinite(stallTol)) {
      throw new IllegalArgumentException("stallTol must be a finite number >= 0, got " + stallTol);
    }
  }

  /** Budget and absolute tolerance only. */
  public static Stopping of(int maxIter, double tol) {
    return new Stopping(maxIter, tol, 0, 0, 0);
  }

  /** @return a copy with the budget replaced */
  public Stopping withMaxIter(int newMaxIter) {
    return new Stopping(newMaxIter, tol, relTol, stallWindow, stallTol);
  }
}

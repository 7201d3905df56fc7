package org.basinbench.objective;

/**
 * A smooth loss evaluated at many points at once, in structure-of-arrays layout: component
 * {@code c} of the point of lane {@code i} is {@code x[c][i]}. Small problems (a handful of
 * variables) are bound by loop overhead, not flops, when solved one at a time; a loop over lanes
 * with the components in registers is one the JIT compiles to SIMD instructions, as array
 * languages advance many starts together.
 *
 * <p>Contract, which makes a lane's numbers independent of its batch (so results do not depend
 * on how trials are grouped, whatever the partitioning): every lane is computed by the same
 * sequence of IEEE operations on its own values alone. Java evaluates that sequence exactly
 * (no fused multiply-add unless written, no reassociation), whether the JIT runs it on one lane
 * or in vector registers.
 *
 * <p>Implementations hold no per-call state and allocate nothing.
 */
public interface BatchObjective {

  /** @return the number of variables of one lane */
  int dim();

  /**
   * For lanes {@code [0, lanes)}: {@code loss[i] = f(x_i)}, {@code g[c][i]} the gradient and
   * {@code gn2[i]} its squared norm, summed from 0 in the order c = 0, 1, ... (the order of
   * {@code MatOps.normF}, so {@code sqrt(gn2[i])} is that norm whenever it is normal and finite).
   *
   * @param x dim arrays of at least {@code lanes} entries; not modified
   * @param loss modified
   * @param g dim arrays; modified
   * @param gn2 modified
   */
  default void evaluate(double[][] x, int lanes, double[] loss, double[][] g, double[] gn2) {
    evaluate(x, 0, lanes, loss, g, gn2);
  }

  /** {@link #evaluate(double[][], int, double[], double[][], double[])} on lanes {@code [from, to)} only. */
  void evaluate(double[][] x, int from, int to, double[] loss, double[][] g, double[] gn2);

  /**
   * One fixed-step gradient-descent update, {@code x[c][i] = x[c][i] - eta * g[c][i]} (the
   * operation of the one-point loop), followed by {@link #evaluate} at the new points, fused
   * in one pass over the lanes, which also returns the smallest over the lanes of
   * <pre>
   *   min(lossLimit[i] - loss[i], gn2[i] - flagGn2[i], Double.MAX_VALUE - gn2[i])
   * </pre>
   * (NaN when any is NaN): a result that is not positive flags a lane whose loss is not finite
   * or not below its limit, or whose gradient is not finite or small, for the solver to look at.
   * The flag sees only the loss and the gradient, so an implementation must have a loss that is
   * bounded below and is not finite wherever the point is not (true of any sum of squares of
   * polynomials, such as a sensing loss).
   */
  double descend(double eta, double[][] x, int lanes, double[] loss, double[][] g, double[] gn2,
      double[] lossLimit, double[] flagGn2);

  /**
   * Whether {@link #descend} is a projected step, {@code x = max(0, x - eta g)}, and {@code gn2}
   * the squared KKT residual {@code sum_c min(x_c, g_c)^2} instead of the squared gradient norm
   * (the solver then starts from {@code max(0, x0)} and measures stationarity as projected
   * gradient does).
   */
  default boolean projected() {
    return false;
  }

  /** The most lanes one call may cover (the length of the lane arrays the kernel's scratch allows). */
  default int capacity() {
    return Integer.MAX_VALUE;
  }
}

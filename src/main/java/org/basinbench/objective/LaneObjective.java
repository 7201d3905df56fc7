package org.basinbench.objective;

/**
 * A smooth loss and its gradient at many points at once, in structure-of-arrays layout:
 * component {@code c} of lane {@code i}'s point is {@code x[c][i]}. The lanes advance together
 * through the passes of {@link org.basinbench.linalg.LaneOps}, which the JVM runs in SIMD
 * registers, so a small problem (a few dozen variables) costs a few nanoseconds a lane instead of
 * the call and loop overhead of one point at a time.
 *
 * <p>Contract: lane {@code i}'s loss and gradient are, bit for bit, what
 * {@link #pointwise()}'s {@code valueAndGradient} returns at that lane's point (the kernel
 * transcribes the one-point code operation for operation), whatever the other lanes and the
 * range. A solver may therefore run every trial of a cell through the lanes and give the numbers
 * of its one-point loop.
 *
 * <p>Holds scratch for up to {@link #capacity()} lanes: <b>not thread-safe</b>; allocation-free
 * per call.
 */
public interface LaneObjective {
  /** The capacity of the lane objectives problems build: one block of the batch solvers. */
  int LANES = 256;
  /** Capacities are multiples of this (the widest SIMD register holds 8 doubles), so that passes can run on whole registers. */
  int ALIGN = 8;

  /** {@code lanes} rounded up to a multiple of {@link #ALIGN}. */
  static int aligned(int lanes) {
    return (lanes + ALIGN - 1) / ALIGN * ALIGN;
  }

  /** @return the number of variables of one lane */
  int dim();

  /** @return the number of lanes (the length of every lane array) the scratch is sized for */
  int capacity();

  /** @return the one-point loss this kernel transcribes */
  Objective pointwise();

  /**
   * For lanes {@code [from, to)}: {@code loss[i] = f(x_i)} and {@code g[c][i]} the gradient.
   *
   * @param x dim arrays of {@code capacity()} entries; not modified
   * @param loss modified on the range
   * @param g dim arrays; modified on the range
   */
  void valueAndGradient(double[][] x, int from, int to, double[] loss, double[][] g);
}

package org.basinbench.solver;

import org.basinbench.linalg.LaneOps;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.LaneObjective;

/**
 * The fixed-step update of gradient descent ({@code x - eta g}) or of projected gradient
 * ({@code max(0, x - eta g)}) over the lanes of a {@link LaneObjective}, as the
 * {@link BatchObjective} that {@link BatchGradientDescent} advances. With projection,
 * {@code gn2} is the squared KKT residual {@code sum_c min(x_c, g_c)^2} (summed in component
 * order, as {@link ProjectedGradient#pgNorm}), else the squared gradient norm. Every pass is a
 * {@link LaneOps} pass, so each lane gets the bits of the one-point loop of
 * {@link ProjectedGradient} or {@link GradientDescent}.
 */
public final class LaneDescent implements BatchObjective {
  private final LaneObjective f;
  private final boolean project;
  private final LaneOps ops = LaneOps.get();

  /**
   * @param f the loss over lanes (its scratch is used)
   * @param project whether the update projects onto the nonnegative orthant
   */
  public LaneDescent(LaneObjective f, boolean project) {
    this.f = java.util.Objects.requireNonNull(f, "f");
    this.project = project;
  }

  @Override
  public int dim() {
    return f.dim();
  }

  @Override
  public int capacity() {
    return f.capacity();
  }

  @Override
  public boolean projected() {
    return project;
  }

  @Override
  public void evaluate(double[][] x, int from, int to, double[] loss, double[][] g, double[] gn2) {
    f.valueAndGradient(x, from, to, loss, g);
    measure(x, g, gn2, from, to);
  }

  @Override
  public double descend(double eta, double[][] x, int lanes, double[] loss, double[][] g, double[] gn2,
      double[] lossLimit, double[] flagGn2) {
    int dim = f.dim();
    // The passes run on whole registers: past the active lanes, up to the arrays' room, on
    // values nobody reads (each lane's numbers are its own, so the padding changes none).
    int width = ops.width();
    int padded = Math.min(Math.min((lanes + width - 1) / width * width, f.capacity()), loss.length);
    for (int c = 0; c < dim; c++) {
      if (project) {
        ops.projectedStep(x[c], g[c], eta, 0, padded);
      } else {
        ops.subMulScalar(x[c], x[c], g[c], eta, 0, padded);
      }
    }
    evaluate(x, 0, padded, loss, g, gn2);
    return ops.slack(lossLimit, loss, gn2, flagGn2, 0, lanes);
  }

  private void measure(double[][] x, double[][] g, double[] gn2, int from, int to) {
    if (project) {
      ops.sumMinSquares(gn2, x, g, f.dim(), from, to);
    } else {
      ops.sumProducts(gn2, g, 0, 1, g, 0, 1, f.dim(), from, to);
    }
  }
}

package org.basinbench.instance;

import java.util.List;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.DenseOperator;
import org.basinbench.objective.L1SensingLoss;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;

/**
 * Robust low-rank recovery with outliers (Ma and Fattahi, "Can learning be explained by local
 * optimality in robust low-rank matrix recovery?"): the Gaussian sensing of
 * {@link GaussianSensing} (truth U* n x r* half-normal, A_i symmetrized N(0, 1/m)) with
 * {@code round(p m)} of the m measurements, chosen uniformly at random, replaced by outliers
 * {@code y_i ~ N(0, (outlierScale ||X*||_F)^2)} (default scale 10); loss
 * {@code (1/m) sum_i |y_i - <A_i, U U^T>|} over U with search rank r >= r*. The paper finds
 * the truth is a strict saddle in many regimes, yet subgradient methods reach it. The loss is
 * nonsmooth, so certificates report no curvature.
 *
 * @param n matrix order
 * @param rStar true rank
 * @param r search rank
 * @param m number of measurements
 * @param p outlier fraction in [0, 1)
 * @param outlierScale outliers' standard deviation in units of ||X*||_F
 */
public record RobustSensing(int n, int rStar, int r, int m, double p, double outlierScale)
    implements RandomFamily, java.io.Serializable {
  public static final String FAMILY = "robust-sensing";

  public RobustSensing {
    if (n < 1 || rStar < 1 || r < rStar || m < 1 || !(p >= 0 && p < 1) || !(outlierScale > 0)) {
      throw new IllegalArgumentException("need n, rStar, m >= 1, r >= rStar, 0 <= p < 1, outlierScale > 0");
    }
  }

  /**
   * Draws one instance. Order of draws: U*, the G_i (as {@link GaussianSensing}), then the
   * outlier positions (a partial Fisher-Yates shuffle), then their values.
   */
  @Override
  public Problem draw(SplitMix64 rng) {
    Problem clean = new GaussianSensing(n, rStar, r, m).draw(rng);
    LinearOperator a = clean.sensingOperator();
    double[] xStar = clean.truthModel();
    double[] y = new double[m];
    a.apply(xStar, y);
    int outliers = (int) Math.round(p * m);
    int[] index = new int[m];
    for (int i = 0; i < m; i++) {
      index[i] = i;
    }
    for (int i = 0; i < outliers; i++) {
      int j = i + (int) (rng.nextDouble() * (m - i));
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    double sd = outlierScale * MatOps.normF(xStar);
    for (int i = 0; i < outliers; i++) {
      y[index[i]] = sd * rng.nextGaussian();
    }
    return new Robust(clean, new L1SensingLoss(a, y, r));
  }

  /** The clean problem's catalogue and model, with the l1 loss on the corrupted data. */
  private record Robust(Problem clean, L1SensingLoss loss) implements Problem {
    @Override
    public Objective objective() {
      return loss;
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public boolean smooth() {
      return false;
    }

    @Override
    public int modelRows() {
      return clean.modelRows();
    }

    @Override
    public int modelCols() {
      return clean.modelCols();
    }

    @Override
    public void model(double[] x, double[] out) {
      clean.model(x, out);
    }

    @Override
    public double[] truthModel() {
      return clean.truthModel();
    }

    @Override
    public double[] truthPoint() {
      return clean.truthPoint();
    }

    @Override
    public List<CataloguedPoint> spuriousPoints() {
      return List.of();
    }

    @Override
    public LinearOperator sensingOperator() {
      return clean.sensingOperator();
    }
  }
}

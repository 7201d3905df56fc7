package org.basinbench.instance;

import org.basinbench.linalg.MatOps;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.rng.SplitMix64;

/**
 * Planted nonnegative matrix factorization (star-convexity paper, Assumption 1):
 * {@code X = U* V*} with U* (n x r*) and V* (r* x m) iid half-normal with scale
 * {@code scale}, or uniform on {@code [0, scale)}; each entry observed independently with
 * probability p (the loss sums over observed entries only); optional additive Gaussian noise
 * of standard deviation {@code noise} on the observations. Solved as
 * {@code min 1/2 sum_obs ((U V)_ij - X_ij)^2, U, V >= 0} with search rank r. The variable is
 * {@code [U; V^T]}; the catalogued point is the planted pair (zero-padded to rank r).
 *
 * @param n rows
 * @param m columns
 * @param rStar planted rank
 * @param r search rank, >= rStar
 * @param distribution "half-normal" or "uniform"
 * @param scale half-normal scale or uniform bound
 * @param p observation probability in (0, 1]
 * @param noise standard deviation of the additive noise, >= 0
 */
public record PlantedNmf(int n, int m, int rStar, int r, String distribution, double scale, double p, double noise)
    implements RandomFamily, java.io.Serializable {
  public static final String FAMILY = "planted-nmf";
  public static final String HALF_NORMAL = "half-normal";
  public static final String UNIFORM = "uniform";

  public PlantedNmf {
    if (n < 1 || m < 1 || rStar < 1 || r < rStar) {
      throw new IllegalArgumentException("need n, m, rStar >= 1 and r >= rStar");
    }
    if (!(p > 0 && p <= 1) || !(scale > 0) || !(noise >= 0)) {
      throw new IllegalArgumentException("need 0 < p <= 1, scale > 0, noise >= 0");
    }
  }

  /**
   * Draws one instance. Order of draws (fixed: part of the published seeds): U* row-major,
   * V* row-major, then per entry of X row-major the mask (when p < 1) and the noise (when
   * noise > 0).
   */
  @Override
  public Problem draw(SplitMix64 rng) {
    double[] u = new double[n * rStar];
    double[] v = new double[rStar * m];
    fill(rng, u);
    fill(rng, v);
    double[] xStar = new double[n * m];
    MatOps.multAB(u, v, n, rStar, m, xStar);
    double[] mask = p < 1 ? new double[n * m] : null;
    double[] observed = xStar.clone();
    for (int k = 0; k < n * m; k++) {
      if (mask != null) {
        mask[k] = rng.nextDouble() < p ? 1.0 : 0.0;
      }
      if (noise > 0) {
        observed[k] += noise * rng.nextGaussian();
      }
    }
    // Variable [L; R] with L = U* and R = V*^T, zero-padded from rank rStar to r.
    double[] truth = new double[(n + m) * r];
    for (int i = 0; i < n; i++) {
      System.arraycopy(u, i * rStar, truth, i * r, rStar);
    }
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < rStar; k++) {
        truth[(n + j) * r + k] = v[k * m + j];
      }
    }
    return new Planted(new MaskedFactorLoss(n, m, r, observed, mask), xStar, mask, truth);
  }

  private void fill(SplitMix64 rng, double[] out) {
    boolean half = HALF_NORMAL.equals(distribution);
    for (int i = 0; i < out.length; i++) {
      out[i] = scale * (half ? rng.nextHalfNormal() : rng.nextDouble());
    }
  }

  private static final class Planted extends EntrywiseFactorization {
    private final double[] xStar;
    private final double[] mask;
    private final double[] truth;

    Planted(MaskedFactorLoss loss, double[] xStar, double[] mask, double[] truth) {
      super(loss);
      this.xStar = xStar;
      this.mask = mask;
      this.truth = truth;
    }

    @Override
    public double[] truthModel() {
      return xStar.clone();
    }

    @Override
    public double[] truthPoint() {
      return truth.clone();
    }

    /** Relative error on the observed entries only (NaN with full observation: same as all). */
    @Override
    public double observedRelError(double[] model) {
      if (mask == null) {
        return Double.NaN;
      }
      double num = 0;
      double den = 0;
      for (int k = 0; k < model.length; k++) {
        if (mask[k] != 0) {
          double d = model[k] - xStar[k];
          num += d * d;
          den += xStar[k] * xStar[k];
        }
      }
      return Math.sqrt(num / den);
    }
  }
}

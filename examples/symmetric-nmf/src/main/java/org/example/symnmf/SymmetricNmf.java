package org.example.symnmf;

import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;

/**
 * Symmetric NMF of a planted matrix: {@code min f(U) = 1/2 ||U U^T - X||_F^2} subject to
 * {@code U >= 0}, {@code U in R^{n x r}}, with {@code X = U* U*^T} and {@code U*} (n x r*) drawn
 * iid half-normal(scale). The gradient is {@code grad f(U) = 2 (U U^T - X) U} (X and U U^T are
 * symmetric). The truth is {@code U*} padded with zero columns (loss 0); no spurious point is
 * catalogued.
 *
 * <p>The problem is also its objective: it owns the n x n scratch of the residual, so, like
 * every BasinBench problem, one instance serves one thread.
 */
public final class SymmetricNmf implements Problem, Objective {
  private final int n;
  private final int r;
  private final double[] x;
  private final double[] truth;
  private final double[] residual;

  /**
   * Draws an instance.
   *
   * @param n rows of U
   * @param rStar planted rank
   * @param r search rank (>= rStar)
   * @param scale scale of the planted factor's half-normal entries
   * @param rng the draw's generator
   */
  public SymmetricNmf(int n, int rStar, int r, double scale, SplitMix64 rng) {
    this.n = n;
    this.r = r;
    truth = new double[n * r];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < rStar; k++) {
        truth[i * r + k] = scale * rng.nextHalfNormal();
      }
    }
    x = new double[n * n];
    gram(truth, x);
    residual = new double[n * n];
  }

  /** {@code out = U U^T} (n x n, row-major). */
  private void gram(double[] u, double[] out) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < r; k++) {
          s += u[i * r + k] * u[j * r + k];
        }
        out[i * n + j] = s;
      }
    }
  }

  @Override
  public int dim() {
    return n * r;
  }

  @Override
  public double value(double[] u) {
    gram(u, residual);
    double f = 0;
    for (int i = 0; i < residual.length; i++) {
      double d = residual[i] - x[i];
      f += d * d;
    }
    return 0.5 * f;
  }

  @Override
  public double valueAndGradient(double[] u, double[] grad) {
    gram(u, residual);
    double f = 0;
    for (int i = 0; i < residual.length; i++) {
      residual[i] -= x[i];
      f += residual[i] * residual[i];
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < r; k++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += residual[i * n + j] * u[j * r + k];
        }
        grad[i * r + k] = 2 * s;
      }
    }
    return 0.5 * f;
  }

  @Override
  public Objective objective() {
    return this;
  }

  @Override
  public boolean nonnegative() {
    return true;
  }

  @Override
  public int modelRows() {
    return n;
  }

  @Override
  public int modelCols() {
    return n;
  }

  @Override
  public void model(double[] u, double[] out) {
    gram(u, out);
  }

  @Override
  public double[] truthModel() {
    return x.clone();
  }

  @Override
  public double[] truthPoint() {
    return truth.clone();
  }

  @Override
  public List<CataloguedPoint> spuriousPoints() {
    return List.of();
  }

  @Override
  public LinearOperator sensingOperator() {
    return null;
  }
}

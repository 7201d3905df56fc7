package org.basinbench.instance;

import java.util.List;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.Objective;

/**
 * What the NMF problems (planted and real data) share: the entrywise loss over the variable
 * {@code [L; R]}, the nonnegativity constraint, and the model {@code U V = L R^T}; no
 * catalogued spurious point and no sensing operator. Subclasses say what is known of the
 * truth. Owns scratch for the model: one instance per thread.
 */
abstract class EntrywiseFactorization implements Problem {
  protected final MaskedFactorLoss loss;
  protected final int n;
  protected final int m;
  protected final int r;
  private final double[] l;
  private final double[] rr;

  EntrywiseFactorization(MaskedFactorLoss loss) {
    this.loss = loss;
    this.n = loss.n();
    this.m = loss.m();
    this.r = loss.r();
    this.l = new double[n * r];
    this.rr = new double[m * r];
  }

  @Override
  public Objective objective() {
    return loss;
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
    return m;
  }

  /** {@code out = U V = L R^T}. */
  @Override
  public void model(double[] x, double[] out) {
    System.arraycopy(x, 0, l, 0, n * r);
    System.arraycopy(x, n * r, rr, 0, m * r);
    MatOps.multABt(l, rr, n, m, r, out);
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

package org.basinbench.instance;

import java.util.List;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.AsymmetricSensingLoss;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.Objective;
import org.basinbench.objective.SensingLanes;
import org.basinbench.objective.SymmetricSensingLoss;

/** The two shapes of factored sensing problems: symmetric U U^T and asymmetric L R^T. */
public final class FactorProblems {
  private FactorProblems() {}

  /**
   * {@code min 1/2 ||A(U U^T - M*)||^2} over U (n x r), model U U^T.
   *
   * @param a the operator
   * @param truth a factor U* of the truth (n x r*), M* = U* U*^T
   * @param rStar columns of {@code truth}
   * @param r search rank
   * @param nonnegative whether U >= 0 is imposed
   * @param spurious catalogued spurious factors (n x r each) with names
   */
  public static Problem symmetric(LinearOperator a, double[] truth, int rStar, int r, boolean nonnegative,
      List<Named> spurious) {
    return symmetric(a, truth, rStar, r, nonnegative, spurious, null);
  }

  /** As above, with a structure-of-arrays form of the same loss ({@link Problem#batchObjective()}). */
  static Problem symmetric(LinearOperator a, double[] truth, int rStar, int r, boolean nonnegative,
      List<Named> spurious, BatchObjective batch) {
    int n = a.n();
    double[] mStar = new double[n * n];
    MatOps.multABt(truth, truth, n, n, rStar, mStar);
    SymmetricSensingLoss loss = new SymmetricSensingLoss(a, mStar, r);
    double[] truthPoint = new double[n * r];
    for (int i = 0; i < n; i++) {
      System.arraycopy(truth, i * rStar, truthPoint, i * r, Math.min(rStar, r));
    }
    List<Problem.CataloguedPoint> points = spurious.stream().map(s -> {
      double[] model = new double[n * n];
      MatOps.multABt(s.x(), s.x(), n, n, r, model);
      return new Problem.CataloguedPoint(s.name(), s.x().clone(), model, s.curvatureBound(), s.reference());
    }).toList();
    return new Symmetric(a, loss, n, r, nonnegative, mStar, truthPoint, points, batch);
  }

  /**
   * {@code min 1/2 ||A(L R^T - M*)||^2 + (lambda/2) ||L^T L - R^T R||^2} over x = [L; R]
   * (each n x r), model L R^T. The truth is L = R = U*; a catalogued symmetric spurious factor
   * U0 becomes L = R = U0 (Zhang 2025, Lemma 9).
   */
  public static Problem asymmetric(LinearOperator a, double[] truth, int rStar, int r, double lambda,
      boolean nonnegative, List<Named> spurious) {
    int n = a.n();
    double[] mStar = new double[n * n];
    MatOps.multABt(truth, truth, n, n, rStar, mStar);
    AsymmetricSensingLoss loss = new AsymmetricSensingLoss(a, mStar, r, lambda);
    double[] u = new double[n * r];
    for (int i = 0; i < n; i++) {
      System.arraycopy(truth, i * rStar, u, i * r, Math.min(rStar, r));
    }
    List<Problem.CataloguedPoint> points = spurious.stream().map(s -> {
      double[] model = new double[n * n];
      MatOps.multABt(s.x(), s.x(), n, n, r, model);
      return new Problem.CataloguedPoint(s.name(), stack(s.x(), s.x()), model, s.curvatureBound(), s.reference());
    }).toList();
    return new Asymmetric(a, loss, n, r, nonnegative, mStar, stack(u, u), points);
  }

  /**
   * A named factor with the paper's curvature bound (NaN for none) and its reference. For the
   * asymmetric shape it is stacked as L = R = x.
   */
  public record Named(String name, double[] x, double curvatureBound, String reference) {}

  static double[] stack(double[] top, double[] bottom) {
    double[] out = new double[top.length + bottom.length];
    System.arraycopy(top, 0, out, 0, top.length);
    System.arraycopy(bottom, 0, out, top.length, bottom.length);
    return out;
  }

  private abstract static class Base implements Problem {
    final LinearOperator operator;
    final Objective objective;
    final int n;
    final int r;
    final boolean nonnegative;
    final double[] mStar;
    final double[] truthPoint;
    final List<CataloguedPoint> spurious;

    Base(LinearOperator operator, Objective objective, int n, int r, boolean nonnegative, double[] mStar,
        double[] truthPoint, List<CataloguedPoint> spurious) {
      this.operator = operator;
      this.objective = objective;
      this.n = n;
      this.r = r;
      this.nonnegative = nonnegative;
      this.mStar = mStar;
      this.truthPoint = truthPoint;
      this.spurious = spurious;
    }

    @Override
    public Objective objective() {
      return objective;
    }

    @Override
    public boolean nonnegative() {
      return nonnegative;
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
    public double[] truthModel() {
      return mStar.clone();
    }

    @Override
    public double[] truthPoint() {
      return truthPoint.clone();
    }

    @Override
    public List<CataloguedPoint> spuriousPoints() {
      return spurious;
    }

    @Override
    public LinearOperator sensingOperator() {
      return operator;
    }

    /** Built on first use, for the lanes asked (it holds their scratch); null when the instance is too large. */
    private org.basinbench.objective.LaneObjective lanes;
    private boolean noLanes;

    @Override
    public org.basinbench.objective.LaneObjective laneObjective(int count) {
      int capacity = org.basinbench.objective.LaneObjective.aligned(
          Math.max(1, Math.min(count, org.basinbench.objective.LaneObjective.LANES)));
      if (!noLanes && (lanes == null || lanes.capacity() < capacity)) {
        lanes = objective instanceof SymmetricSensingLoss sym ? SensingLanes.of(sym, capacity)
            : objective instanceof AsymmetricSensingLoss asym ? SensingLanes.of(asym, capacity) : null;
        noLanes = lanes == null;
      }
      return lanes;
    }
  }

  private static final class Symmetric extends Base {
    private final BatchObjective batch;

    Symmetric(LinearOperator a, Objective o, int n, int r, boolean nn, double[] m, double[] t,
        List<CataloguedPoint> s, BatchObjective batch) {
      super(a, o, n, r, nn, m, t, s);
      this.batch = batch;
    }

    @Override
    public BatchObjective batchObjective() {
      return batch;
    }

    /** {@code out = U U^T}. */
    @Override
    public void model(double[] x, double[] out) {
      MatOps.multABt(x, x, n, n, r, out);
    }
  }

  private static final class Asymmetric extends Base {
    private final double[] l;
    private final double[] rr;

    Asymmetric(LinearOperator a, Objective o, int n, int r, boolean nn, double[] m, double[] t,
        List<CataloguedPoint> s) {
      super(a, o, n, r, nn, m, t, s);
      l = new double[n * r];
      rr = new double[n * r];
    }

    /** {@code out = L R^T} for x = [L; R]. */
    @Override
    public void model(double[] x, double[] out) {
      System.arraycopy(x, 0, l, 0, n * r);
      System.arraycopy(x, n * r, rr, 0, n * r);
      MatOps.multABt(l, rr, n, n, r, out);
    }
  }
}

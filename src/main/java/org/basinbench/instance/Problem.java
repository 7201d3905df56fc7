package org.basinbench.instance;

import java.util.List;
import org.basinbench.objective.Objective;

/**
 * A problem instance as the trial runner sees it: the objective over a flat variable, the
 * constraint, and the model matrix by which end points are compared with the catalogued
 * points (U U^T, L R^T, U V: comparing models ignores column order and the factorization's
 * other symmetries). Solvers see only {@link #objective()} and {@link #nonnegative()}; the
 * truth and the spurious points are for classification and certificates. Real data has no
 * truth ({@link #hasTruth()}).
 *
 * <p>A Problem owns the objective's scratch: one instance per thread.
 */
public interface Problem {

  /** The loss over the flat variable (length {@code objective().dim()}). */
  Objective objective();

  /** Whether the variable is constrained to the nonnegative orthant. */
  boolean nonnegative();

  /**
   * The same loss over many points at once, for batched solvers, or null when the family has no
   * such form (then every trial runs alone). A family that has one runs all its fixed-step
   * gradient-descent trials through it, one lane or many.
   */
  default org.basinbench.objective.BatchObjective batchObjective() {
    return null;
  }

  /**
   * The same loss over lanes ({@link org.basinbench.objective.LaneObjective}) with room for at
   * least {@code lanes} of them (at most {@link org.basinbench.objective.LaneObjective#LANES}),
   * giving each lane the bits of {@link #objective()}; null when the problem has none (the
   * default). Kept by the problem (rebuilt only to grow) and shares its thread confinement.
   */
  default org.basinbench.objective.LaneObjective laneObjective(int lanes) {
    return null;
  }

  /** Whether {@link #laneObjective} is not null. */
  default boolean hasLanes() {
    return laneObjective(1) != null;
  }

  /** Whether the loss is differentiable (false for l1 losses: no Hessian, no curvature). */
  default boolean smooth() {
    return true;
  }

  /** Rows of the model matrix. */
  int modelRows();

  /** Columns of the model matrix. */
  int modelCols();

  /**
   * Writes the model matrix of the variable.
   *
   * @param x   the variable; not modified
   * @param out (modelRows x modelCols, row-major); modified
   */
  void model(double[] x, double[] out);

  /**
   * Whether the problem knows its truth (a global minimizer). False for real data
   * ({@link MatrixFile}): then {@link #truthModel()} and {@link #truthPoint()} throw, the
   * relative error and every statistic toward the truth are undefined (NaN), and outcomes are
   * decided against the best loss found (see {@code Outcome}).
   */
  default boolean hasTruth() {
    return true;
  }

  /**
   * The truth's model matrix M* (a copy).
   *
   * @throws UnsupportedOperationException when {@link #hasTruth()} is false
   */
  double[] truthModel();

  /**
   * A variable of the truth (a catalogued global minimizer).
   *
   * @throws UnsupportedOperationException when {@link #hasTruth()} is false
   */
  double[] truthPoint();

  /** The catalogued spurious points, each with its name, variable and model (may be empty). */
  List<CataloguedPoint> spuriousPoints();

  /**
   * Relative error on the observed entries only, for families with partial observation of
   * the model (NaN otherwise).
   *
   * @param model the end point's model matrix
   */
  default double observedRelError(double[] model) {
    return Double.NaN;
  }

  /** The sensing operator, or null for families that are not sensing problems. */
  org.basinbench.objective.LinearOperator sensingOperator();

  /**
   * A named point of the catalogue.
   *
   * @param name short name, e.g. "U0 = alpha Q2"
   * @param x the variable
   * @param model its model matrix
   * @param curvatureBound the paper's lower bound on the Hessian quadratic form over the
   *     critical cone, per unit ||dx||^2 (NaN when the paper gives none)
   * @param reference where the claims about the point come from, e.g. "Zhang 2025, Lemma 4"
   */
  record CataloguedPoint(String name, double[] x, double[] model, double curvatureBound, String reference) {}
}
